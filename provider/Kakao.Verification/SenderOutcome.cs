using Kakao.Provisioning.Models;

namespace Kakao.Verification;

/// <summary>How the run ended for one sender.</summary>
internal enum OutcomeKind
{
    AlreadyActive,
    Verified,
    InReview,
    Draft,
    Rejected,
    NotUsable,
    NotFound,
    CodeNeeded,
    VerificationFailed,
    TimedOut,
    ApiFailure,
    AccessDenied,
    Conflict,
    Cancelled,
}

/// <summary>The result for one sender, as printed and as written by <c>--json</c>.</summary>
internal sealed record SenderOutcome(string PlusFriendId, OutcomeKind Kind, string Message)
{
    /// <summary>The outcome of an API failure, by its documented exit code (401, 404 and 409 have their own).</summary>
    public static OutcomeKind KindOf(Kakao.Provisioning.ProvisioningApiException exception) => ApiFailures.ExitCodeOf(exception) switch
    {
        ExitCode.AuthenticationFailed => OutcomeKind.AccessDenied,
        ExitCode.NotFound => OutcomeKind.NotFound,
        ExitCode.Conflict => OutcomeKind.Conflict,
        _ => OutcomeKind.ApiFailure,
    };

    public string? ProjectId { get; init; }

    public SenderStatus? StatusBefore { get; init; }

    public SenderStatus? StatusAfter { get; init; }

    public string? RejectionComment { get; init; }

    public TimeSpan? InReviewFor { get; init; }

    public ExitCode ExitCode => Kind switch
    {
        OutcomeKind.AlreadyActive or OutcomeKind.Verified => ExitCode.Success,
        OutcomeKind.InReview => ExitCode.InReview,
        OutcomeKind.Draft or OutcomeKind.CodeNeeded => ExitCode.UsageError,
        OutcomeKind.NotFound => ExitCode.NotFound,
        OutcomeKind.AccessDenied => ExitCode.AuthenticationFailed,
        OutcomeKind.Conflict => ExitCode.Conflict,
        OutcomeKind.Rejected or OutcomeKind.NotUsable => ExitCode.Rejected,
        OutcomeKind.VerificationFailed => ExitCode.VerificationFailed,
        OutcomeKind.TimedOut => ExitCode.Timeout,
        OutcomeKind.ApiFailure => ExitCode.ApiFailure,
        _ => ExitCode.Cancelled,
    };
}
