using Kakao.Provisioning.Models;

namespace Kakao.Verification;

/// <summary>How the run ended for one sender.</summary>
public enum OutcomeKind
{
    /// <summary>Was ACTIVE already: nothing was done.</summary>
    AlreadyActive,
    /// <summary>Verified with its code and now ACTIVE.</summary>
    Verified,
    /// <summary>Still in review (IN_PROGRESS): run again later.</summary>
    InReview,
    /// <summary>A draft, never submitted for review.</summary>
    Draft,
    /// <summary>Rejected by review (see the rejection comment).</summary>
    Rejected,
    /// <summary>Blocked, suspended or deactivated: only Sinch support can help.</summary>
    NotUsable,
    /// <summary>Does not exist at Sinch.</summary>
    NotFound,
    /// <summary>Needs a code the run could not get (none stored yet, no source, or never registered).</summary>
    CodeNeeded,
    /// <summary>The code was refused, expired or spent.</summary>
    VerificationFailed,
    /// <summary>Not ACTIVE within the timeout.</summary>
    TimedOut,
    /// <summary>The Provisioning API or the transport failed.</summary>
    ApiFailure,
    /// <summary>Sinch refused the access key (401).</summary>
    AccessDenied,
    /// <summary>The sender's state did not allow the step (409).</summary>
    Conflict,
    /// <summary>Interrupted.</summary>
    Cancelled,
}

/// <summary>The result for one sender, as printed and as written by <c>--json</c>.</summary>
/// <param name="PlusFriendId">The sender.</param>
/// <param name="Kind">How it ended.</param>
/// <param name="Message">What happened and what to do, in words (secret-free).</param>
public sealed record SenderOutcome(string PlusFriendId, OutcomeKind Kind, string Message)
{
    /// <summary>The outcome of an API failure, by its documented exit code (401, 404 and 409 have their own).</summary>
    internal static OutcomeKind KindOf(Kakao.Provisioning.ProvisioningApiException exception) => ApiFailures.ExitCodeOf(exception) switch
    {
        ExitCode.AuthenticationFailed => OutcomeKind.AccessDenied,
        ExitCode.NotFound => OutcomeKind.NotFound,
        ExitCode.Conflict => OutcomeKind.Conflict,
        _ => OutcomeKind.ApiFailure,
    };

    /// <summary>The sender's project.</summary>
    public string? ProjectId { get; init; }

    /// <summary>Its status when the run found it.</summary>
    public SenderStatus? StatusBefore { get; init; }

    /// <summary>Its status when the run left it, when known.</summary>
    public SenderStatus? StatusAfter { get; init; }

    /// <summary>The reviewer's reason, for a rejected sender.</summary>
    public string? RejectionComment { get; init; }

    /// <summary>How long it has been in review, for a sender in review.</summary>
    public TimeSpan? InReviewFor { get; init; }

    /// <summary>The documented exit code of this outcome.</summary>
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
