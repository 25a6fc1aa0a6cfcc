namespace Kakao.Verification;

/// <summary>Where one-time codes come from: a person at the prompt, or a secret store via env, file or stdin.</summary>
internal interface IOtpSource
{
    /// <summary>How the source is named in messages, e.g. "environment variable KAKAO_OTP".</summary>
    string Description { get; }

    /// <summary>True when a person can type another code after a wrong one (only the prompt).</summary>
    bool CanRetry { get; }

    /// <summary>
    /// False when the source cannot yield a code at all (CI without <c>--otp-from</c>): the driver then stops
    /// before registering, so no code is sent for nothing.
    /// </summary>
    bool CanSupplyCodes { get; }

    /// <summary>
    /// True when the source's value was fixed before this run started (an environment variable): such a value
    /// can never be the code of a registration made during this run.
    /// </summary>
    bool FixedBeforeRun { get; }

    /// <summary>Reads the code for the sender of <paramref name="request"/>.</summary>
    Task<OtpRead> ReadAsync(OtpRequest request, CancellationToken cancellationToken);
}

/// <summary>Which sender a code is wanted for, and where its API lives (the emulator source needs that).</summary>
/// <param name="PlusFriendId">The sender.</param>
/// <param name="ProjectId">Its project.</param>
/// <param name="Endpoint">The Provisioning API base address used for it, when known.</param>
internal sealed record OtpRequest(string PlusFriendId, string ProjectId, Uri? Endpoint = null);

/// <summary>A code, or why there is none. <see cref="Problem"/> never quotes what was read.</summary>
internal readonly record struct OtpRead(OtpCode? Code, string? Problem)
{
    public static OtpRead Of(OtpCode code) => new(code, null);

    public static OtpRead Missing(string problem) => new(null, problem);
}
