namespace Kakao.Verification;

/// <summary>
/// The documented process exit codes of <c>kakao</c>. Pipelines branch on these numbers, so they never change
/// meaning; when several senders end differently, the most severe code wins (see <see cref="ExitCodes.Worst"/>).
/// </summary>
public enum ExitCode
{
    /// <summary>Every selected sender is ACTIVE (or the command succeeded).</summary>
    Success = 0,

    /// <summary>Usage or configuration error: bad option, no code source in CI, missing credentials or stack.</summary>
    UsageError = 2,

    /// <summary>A sender is still in review (or only a draft): re-run later.</summary>
    InReview = 3,

    /// <summary>A sender was rejected (its comment is printed), or is blocked / suspended / deactivated.</summary>
    Rejected = 4,

    /// <summary>Verification failed: wrong or expired code after the allowed tries.</summary>
    VerificationFailed = 5,

    /// <summary>The <c>--timeout</c> elapsed before every sender became ACTIVE.</summary>
    Timeout = 6,

    /// <summary>The Provisioning API (a 5xx or another unexpected answer), the transport or the <c>pulumi</c> CLI failed: retry.</summary>
    ApiFailure = 7,

    /// <summary>Sinch refused the access key (HTTP 401): fix the key id / secret named in the message; retrying does not help.</summary>
    AuthenticationFailed = 8,

    /// <summary>
    /// The sender or project does not exist at Sinch (HTTP 404, a sender missing from the project, or every
    /// sender <c>kakao status</c> was asked for is missing): check the plusFriendId and the project id.
    /// </summary>
    NotFound = 9,

    /// <summary>
    /// The sender's state does not allow the step (HTTP 409, e.g. registering an ACTIVE sender or verifying one
    /// that is not VERIFYING): read its status (<c>kakao status</c>) and follow the message.
    /// </summary>
    Conflict = 10,

    /// <summary>Interrupted with Ctrl-C or SIGTERM, after a clean stop (the shell convention 128 + SIGINT).</summary>
    Cancelled = 130,
}

/// <summary>Combines per-sender results into one process exit code.</summary>
public static class ExitCodes
{
    // Most severe first: a transport failure hides everything else, then a refused key (nothing works until it
    // is fixed), then the run's own limits, then what users have to act on, then "come back later".
    private static readonly ExitCode[] Severity =
    [
        ExitCode.Cancelled, ExitCode.ApiFailure, ExitCode.AuthenticationFailed, ExitCode.Timeout, ExitCode.VerificationFailed,
        ExitCode.Rejected, ExitCode.Conflict, ExitCode.NotFound, ExitCode.UsageError, ExitCode.InReview, ExitCode.Success,
    ];

    /// <summary>The most severe of <paramref name="codes"/>; <see cref="ExitCode.Success"/> when empty.</summary>
    /// <param name="codes">Per-sender codes.</param>
    public static ExitCode Worst(IEnumerable<ExitCode> codes)
    {
        ArgumentNullException.ThrowIfNull(codes);
        var all = codes.ToHashSet();
        return Severity.FirstOrDefault(all.Contains, ExitCode.Success);
    }
}
