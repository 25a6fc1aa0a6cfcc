namespace Kakao.Verification;

/// <summary>What to do with an approved sender that was never registered (no code has been sent yet).</summary>
internal enum RegistrationPolicy
{
    /// <summary>Register it: Sinch sends a code to the admin phone (<c>kakao verify</c>, <c>senders verify --register</c>).</summary>
    Automatic,

    /// <summary>Ask the person at the prompt first; without one, stop and say that <c>register</c> comes first.</summary>
    AskFirst,
}

/// <summary>How <see cref="SenderVerifier"/> words its advice and treats unregistered senders, per caller.</summary>
internal sealed record VerifyPolicy
{
    /// <summary>Stack mode: registers when needed; advice names <c>kakao verify</c> and Pulumi.</summary>
    public static VerifyPolicy Stack(string? stack) => new()
    {
        RerunCommand = stack is null ? "kakao verify" : $"kakao verify --stack {stack}",
        NotFoundAdvice = "run `pulumi up` to create it (or `pulumi refresh` if it was deleted at Sinch)",
    };

    /// <summary>Direct mode (<c>kakao senders verify</c>): asks before registering unless told to.</summary>
    public static VerifyPolicy Direct(string plusFriendId, string? otpFrom, bool register) => new()
    {
        Registration = register ? RegistrationPolicy.Automatic : RegistrationPolicy.AskFirst,
        RerunCommand = $"kakao senders verify {plusFriendId}" + (string.IsNullOrWhiteSpace(otpFrom) ? "" : $" --otp-from {otpFrom}"),
        NotFoundAdvice = "check the plusFriendId and the project id (--project / SINCH_PROJECT_ID)",
    };

    /// <summary>What to do when the sender was never registered.</summary>
    public RegistrationPolicy Registration { get; init; } = RegistrationPolicy.Automatic;

    /// <summary>The command that continues the work, quoted in advice (e.g. <c>kakao verify --stack dev</c>).</summary>
    public string RerunCommand { get; init; } = "kakao verify";

    /// <summary>What to do when the sender does not exist at Sinch.</summary>
    public string NotFoundAdvice { get; init; } = "check the plusFriendId and the project id";
}
