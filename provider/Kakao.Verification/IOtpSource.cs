namespace Kakao.Verification;

/// <summary>Where one-time codes come from: a person at the prompt, or a secret store via env, file or stdin.</summary>
public interface IOtpSource
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
    /// <param name="request">The sender the code is for.</param>
    /// <param name="cancellationToken">Stops waiting for the code.</param>
    Task<OtpRead> ReadAsync(OtpRequest request, CancellationToken cancellationToken);
}

/// <summary>Which sender a code is wanted for, and where its API lives (the emulator source needs that).</summary>
/// <param name="PlusFriendId">The sender.</param>
/// <param name="ProjectId">Its project.</param>
/// <param name="Endpoint">The Provisioning API base address used for it, when known.</param>
public sealed record OtpRequest(string PlusFriendId, string ProjectId, Uri? Endpoint = null);

/// <summary>A code, or why there is none. <see cref="Problem"/> never quotes what was read.</summary>
/// <param name="Code">The code, when one was read.</param>
/// <param name="Problem">Why there is no code (e.g. "environment variable KAKAO_OTP is not set").</param>
public readonly record struct OtpRead(OtpCode? Code, string? Problem)
{
    /// <summary>A code was read.</summary>
    /// <param name="code">The code.</param>
    public static OtpRead Of(OtpCode code) => new(code, null);

    /// <summary>No code; <paramref name="problem"/> says why, without quoting what was read.</summary>
    /// <param name="problem">The reason.</param>
    public static OtpRead Missing(string problem) => new(null, problem);
}
