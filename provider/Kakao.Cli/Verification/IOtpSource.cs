namespace Kakao.Cli.Verification;

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

    /// <summary>Reads the code for <paramref name="plusFriendId"/>.</summary>
    Task<OtpRead> ReadAsync(string plusFriendId, CancellationToken cancellationToken);
}

/// <summary>A code, or why there is none. <see cref="Problem"/> never quotes what was read.</summary>
internal readonly record struct OtpRead(OtpCode? Code, string? Problem)
{
    public static OtpRead Of(OtpCode code) => new(code, null);

    public static OtpRead Missing(string problem) => new(null, problem);
}
