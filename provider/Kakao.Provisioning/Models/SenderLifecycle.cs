namespace Kakao.Provisioning.Models;

/// <summary>Derives <see cref="SenderStatus"/> and the rejection reason from what the API returns.</summary>
public static class SenderLifecycle
{
    /// <summary>
    /// The sender's phase. A sender with no live state is in its first submission (DRAFT, IN_PROGRESS or
    /// REJECTED). An INACTIVE sender that was never ACTIVE (no ACTIVE activity) is PENDING_VERIFICATION.
    /// Otherwise the live state is the phase; pending edits of a live sender show in
    /// <see cref="SenderChanges.Status"/>, not here.
    /// </summary>
    /// <param name="sender">The sender.</param>
    /// <param name="activities">Its activities, newest first (may be null when not read).</param>
    public static SenderStatus DeriveStatus(KakaoSender sender, IReadOnlyList<SenderActivity>? activities = null)
    {
        ArgumentNullException.ThrowIfNull(sender);
        if (sender.State is not { } state)
        {
            return sender.Changes is { } changes ? new SenderStatus(changes.Status.Value) : SenderStatus.InProgress;
        }

        // Not a documented state, but a service that reports the phase itself is understood.
        if (new SenderStatus(state.Value) == SenderStatus.PendingVerification)
        {
            return SenderStatus.PendingVerification;
        }

        if (state == SenderState.Inactive)
        {
            bool everActive = activities?.Any(a => a.Type == ActivityType.Active) ?? false;
            return everActive ? SenderStatus.Inactive : SenderStatus.PendingVerification;
        }

        return new SenderStatus(state.Value);
    }

    /// <summary>
    /// The reason of the current rejection: the comment of the newest REJECTED activity, or else the newest
    /// comment added since it. Null unless the pending changes are REJECTED.
    /// </summary>
    /// <param name="sender">The sender.</param>
    /// <param name="activities">Its activities, newest first.</param>
    public static string? RejectionComment(KakaoSender sender, IReadOnlyList<SenderActivity> activities)
    {
        ArgumentNullException.ThrowIfNull(sender);
        ArgumentNullException.ThrowIfNull(activities);
        if (sender.Changes?.Status != ChangesStatus.Rejected)
        {
            return null;
        }

        string? commentSinceRejection = null;
        foreach (var activity in activities)
        {
            if (activity.Type == ActivityType.Rejected)
            {
                return string.IsNullOrEmpty(activity.Comment) ? commentSinceRejection : activity.Comment;
            }

            if (activity.Type == ActivityType.CommentAdded && !string.IsNullOrEmpty(activity.Comment))
            {
                commentSinceRejection ??= activity.Comment;
            }
        }

        return commentSinceRejection;
    }
}

/// <summary>A sender together with its activities and what derives from them.</summary>
/// <param name="Sender">The sender.</param>
/// <param name="Activities">Its activities, newest first (the first page).</param>
public sealed record SenderSnapshot(KakaoSender Sender, IReadOnlyList<SenderActivity> Activities)
{
    /// <summary>The derived lifecycle phase.</summary>
    public SenderStatus Status => SenderLifecycle.DeriveStatus(Sender, Activities);

    /// <summary>The current rejection reason, if rejected.</summary>
    public string? RejectionComment => SenderLifecycle.RejectionComment(Sender, Activities);
}
