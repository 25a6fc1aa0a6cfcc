using Kakao.Provisioning.Models;

namespace Kakao.Cli.Verification;

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
    Cancelled,
}

/// <summary>The result for one sender, as printed and as written by <c>--json</c>.</summary>
internal sealed record SenderOutcome(string PlusFriendId, OutcomeKind Kind, string Message)
{
    public string? ProjectId { get; init; }

    public SenderStatus? StatusBefore { get; init; }

    public SenderStatus? StatusAfter { get; init; }

    public string? RejectionComment { get; init; }

    public TimeSpan? InReviewFor { get; init; }

    public ExitCode ExitCode => Kind switch
    {
        OutcomeKind.AlreadyActive or OutcomeKind.Verified => ExitCode.Success,
        OutcomeKind.InReview => ExitCode.InReview,
        OutcomeKind.Draft or OutcomeKind.NotFound or OutcomeKind.CodeNeeded => ExitCode.UsageError,
        OutcomeKind.Rejected or OutcomeKind.NotUsable => ExitCode.Rejected,
        OutcomeKind.VerificationFailed => ExitCode.VerificationFailed,
        OutcomeKind.TimedOut => ExitCode.Timeout,
        OutcomeKind.ApiFailure => ExitCode.ApiFailure,
        _ => ExitCode.Cancelled,
    };
}
