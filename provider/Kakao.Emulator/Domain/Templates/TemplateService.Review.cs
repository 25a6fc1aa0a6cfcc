using Kakao.Emulator.Http;
using Kakao.Emulator.Json;
using Kakao.Emulator.State;
using static Kakao.Emulator.Json.TemplateVocabulary;

namespace Kakao.Emulator.Domain.Templates;

/// <summary>Kakao's side of the template lifecycle: inspection outcomes (control API or policy) and maintenance.</summary>
internal sealed partial class TemplateService
{
    public TemplateDto Approve(EmulatorState state, string projectId, string plusFriendId, string code)
    {
        var project = state.GetOrAddProject(projectId);
        var template = Find(FindLiveSender(state, projectId, plusFriendId), code);
        ApplyApproval(project, template);
        Touch(state, template);
        return TemplateDto.From(template);
    }

    public TemplateDto Reject(EmulatorState state, string projectId, string plusFriendId, string code, string? comment)
    {
        var project = state.GetOrAddProject(projectId);
        var template = Find(FindLiveSender(state, projectId, plusFriendId), code);
        ApplyRejection(project, template, string.IsNullOrWhiteSpace(comment) ? RejectionComment(policy.Current) : comment);
        Touch(state, template);
        return TemplateDto.From(template);
    }

    /// <summary>Re-arms the inspection timers of a state loaded from the data file.</summary>
    public void RescheduleReviews(EmulatorState state)
    {
        var now = time.GetUtcNow();
        foreach (var template in LiveTemplates(state).Select(t => t.Template))
        {
            if (template.Review is { } review)
            {
                events.ReviewScheduled(review.DueAt > now ? review.DueAt - now : TimeSpan.Zero);
            }
        }
    }

    /// <summary>Applies automatic inspections that are due.</summary>
    public void RunMaintenance(EmulatorState state)
    {
        var now = time.GetUtcNow();
        foreach (var (project, template) in LiveTemplates(state))
        {
            if (template.Review is not { } review || review.DueAt > now || template.Changes?.Status != InProgress)
            {
                continue;
            }

            if (review.Approve)
            {
                ApplyApproval(project, template);
            }
            else
            {
                ApplyRejection(project, template, review.Comment ?? DefaultRejectionComment);
            }

            Touch(state, template);
        }
    }

    private static string RejectionComment(ReviewPolicy policy) =>
        string.IsNullOrWhiteSpace(policy.Comment) ? DefaultRejectionComment : policy.Comment;

    private static IEnumerable<(ProjectState Project, TemplateRecord Template)> LiveTemplates(EmulatorState state) =>
        from project in state.Projects.Values
        from sender in project.Senders.Values
        where sender.DeletedAt is null
        from template in sender.Templates.Values
        select (project, template);

    private void ScheduleReview(TemplateRecord template)
    {
        var current = policy.Current;
        if (current.Mode == ReviewMode.Manual)
        {
            template.Review = null;
            return;
        }

        template.Review = new PendingReview
        {
            DueAt = time.GetUtcNow() + current.Delay,
            Approve = current.Mode == ReviewMode.Approve,
            Comment = current.Mode == ReviewMode.Reject ? RejectionComment(current) : null,
        };
        events.ReviewScheduled(current.Delay);
    }

    /// <summary>Approved: the inspected content becomes <c>details</c>, <c>state APPROVED</c>, no activity (the enum has none).</summary>
    private void ApplyApproval(ProjectState project, TemplateRecord template)
    {
        if (template.Changes?.Status != InProgress)
        {
            throw new ApiException(SinchErrors.EmulatorInvalidTransition, messageOverride: "Only templates whose changes are IN_PROGRESS can be approved.");
        }

        template.State = Approved;
        template.Details = template.Changes.Details;
        template.Changes = null;
        template.Review = null;
        events.TemplateEvent(project, WebhookApproved, template, null);
    }

    /// <summary>
    /// Rejected: an edit of an APPROVED template leaves the approved version live and marks the changes REJECTED;
    /// anything else (a first submission, a resubmission of a rejected one) becomes <c>state REJECTED</c> with the
    /// inspected content as <c>details</c>, as Sinch's REJECTED callback shows it.
    /// </summary>
    private void ApplyRejection(ProjectState project, TemplateRecord template, string comment)
    {
        if (template.Changes?.Status != InProgress)
        {
            throw new ApiException(SinchErrors.EmulatorInvalidTransition, messageOverride: "Only templates whose changes are IN_PROGRESS can be rejected.");
        }

        if (template.State == Approved)
        {
            template.Changes.Status = Rejected;
        }
        else
        {
            template.State = Rejected;
            template.Details = template.Changes.Details;
            template.Changes = null;
        }

        template.Review = null;
        AddActivity(template, Rejected, SenderVocabulary.ReviewerAuthor, comment);
        events.TemplateEvent(project, WebhookRejected, template, comment);
    }
}
