using Kakao.Emulator.Http;
using Kakao.Emulator.Json;
using Kakao.Emulator.State;
using static Kakao.Emulator.Domain.SenderVocabulary;

namespace Kakao.Emulator.Domain;

/// <summary>The reviewer's side of the lifecycle: approvals, rejections, out-of-band changes, maintenance.</summary>
internal sealed partial class SenderService
{
    public SenderDto Approve(EmulatorState state, string projectId, string plusFriendId)
    {
        var project = state.GetOrAddProject(projectId);
        var sender = FindLive(state, projectId, plusFriendId);
        ApplyApproval(project, sender);
        Touch(state, sender);
        return SenderDto.From(sender);
    }

    public SenderDto Reject(EmulatorState state, string projectId, string plusFriendId, string? comment)
    {
        var project = state.GetOrAddProject(projectId);
        var sender = FindLive(state, projectId, plusFriendId);
        ApplyRejection(project, sender, string.IsNullOrWhiteSpace(comment) ? policy.Current.RejectionComment : comment);
        Touch(state, sender);
        return SenderDto.From(sender);
    }

    public SenderDto SetState(EmulatorState state, string projectId, string plusFriendId, string newState)
    {
        var project = state.GetOrAddProject(projectId);
        var sender = FindLive(state, projectId, plusFriendId);
        sender.State = newState;
        if (newState != Verifying)
        {
            sender.Otp = null;
        }

        if (newState is Active or Inactive)
        {
            AddActivity(sender, newState, ReviewerAuthor);
            events.SenderEvent(project, newState == Active ? WebhookActive : WebhookInactive, sender, null);
        }

        Touch(state, sender);
        return SenderDto.From(sender);
    }

    public SenderDto EditDetails(EmulatorState state, string projectId, string plusFriendId, DetailsPatch patch)
    {
        var sender = FindLive(state, projectId, plusFriendId);
        if (sender.Details is not null)
        {
            sender.Details = patch.ApplyTo(sender.Details);
        }
        else if (sender.Changes is not null)
        {
            sender.Changes.Details = patch.ApplyTo(sender.Changes.Details);
        }

        AddActivity(sender, ActivityEdited, ReviewerAuthor);
        Touch(state, sender);
        return SenderDto.From(sender);
    }

    public int? CurrentOtp(EmulatorState state, string projectId, string plusFriendId)
    {
        var sender = FindLive(state, projectId, plusFriendId);
        return sender.Otp is { } otp && time.GetUtcNow() < otp.ExpiresAt ? otp.Code : null;
    }

    /// <summary>Re-arms the review timers of a state loaded from the data file.</summary>
    public void RescheduleReviews(EmulatorState state)
    {
        var now = time.GetUtcNow();
        foreach (var sender in state.Projects.Values.SelectMany(p => p.Senders.Values))
        {
            if (sender.DeletedAt is null && sender.Review is { } review)
            {
                events.ReviewScheduled(review.DueAt > now ? review.DueAt - now : TimeSpan.Zero);
            }
        }
    }

    /// <summary>Applies automatic reviews that are due and forgets tombstones older than 60 days.</summary>
    public void RunMaintenance(EmulatorState state)
    {
        var now = time.GetUtcNow();
        foreach (var project in state.Projects.Values)
        {
            List<string>? purge = null;
            foreach (var sender in project.Senders.Values)
            {
                if (sender.DeletedAt is { } deletedAt)
                {
                    if (now - deletedAt >= DeletedRetention)
                    {
                        (purge ??= []).Add(sender.PlusFriendId);
                    }

                    continue;
                }

                if (sender.Review is { } review && review.DueAt <= now && sender.Changes?.Status == InProgress)
                {
                    if (review.Approve)
                    {
                        ApplyApproval(project, sender);
                    }
                    else
                    {
                        ApplyRejection(project, sender, review.Comment ?? ReviewPolicy.DefaultRejectionComment);
                    }

                    Touch(state, sender);
                }
            }

            foreach (var id in purge ?? [])
            {
                project.Senders.Remove(id);
                state.Revision++;
            }
        }
    }

    private void ApplyApproval(ProjectState project, SenderRecord sender)
    {
        if (sender.Changes?.Status != InProgress)
        {
            throw new ApiException(SinchErrors.EmulatorInvalidTransition, messageOverride: "Only senders whose changes are IN_PROGRESS can be approved.");
        }

        sender.Details = sender.Changes.Details;
        sender.Changes = null;
        sender.Review = null;

        // [emulator choice] a first approval leaves the sender INACTIVE (derived PENDING_VERIFICATION); an
        // approved edit keeps the live state.
        sender.State ??= Inactive;
        string activity = sender.State == Active ? Active : Inactive;
        AddActivity(sender, activity, ReviewerAuthor);
        events.SenderEvent(project, activity == Active ? WebhookActive : WebhookInactive, sender, null);
    }

    private void ApplyRejection(ProjectState project, SenderRecord sender, string comment)
    {
        if (sender.Changes?.Status != InProgress)
        {
            throw new ApiException(SinchErrors.EmulatorInvalidTransition, messageOverride: "Only senders whose changes are IN_PROGRESS can be rejected.");
        }

        sender.Changes.Status = Rejected;
        sender.Review = null;
        AddActivity(sender, Rejected, ReviewerAuthor, comment);
        events.SenderEvent(project, WebhookRejected, sender, comment);
    }
}
