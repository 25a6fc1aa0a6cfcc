using System.Text.RegularExpressions;

namespace Kakao.Provisioning.Models;

/// <summary>Derives <see cref="TemplateStatus"/>, the reviewer's comment and the variables from what the API returns.</summary>
public static partial class TemplateLifecycle
{
    /// <summary>
    /// The template's phase. Without a state it is in its first submission (DRAFT, IN_PROGRESS or REJECTED). A
    /// resubmission being inspected is IN_PROGRESS whatever the state; an approved template stays usable while
    /// edits of it wait (APPROVED_CHANGES_IN_PROGRESS / _REJECTED; a saved draft of edits leaves it APPROVED).
    /// </summary>
    /// <param name="template">The template.</param>
    public static TemplateStatus DeriveStatus(KakaoTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var changes = template.Changes?.Status;
        if (template.State is not { } state)
        {
            return changes is { } status ? new TemplateStatus(status.Value) : TemplateStatus.InProgress;
        }

        if (state == TemplateState.Approved)
        {
            return changes switch
            {
                { } c when c == ChangesStatus.InProgress => TemplateStatus.ApprovedChangesInProgress,
                { } c when c == ChangesStatus.Rejected => TemplateStatus.ApprovedChangesRejected,
                _ => TemplateStatus.Approved,
            };
        }

        if (state == TemplateState.Rejected)
        {
            return changes == ChangesStatus.InProgress ? TemplateStatus.InProgress : TemplateStatus.Rejected;
        }

        return new TemplateStatus(state.Value);
    }

    /// <summary>True while Kakao is inspecting the template (pending changes IN_PROGRESS): no edit is possible.</summary>
    /// <param name="template">The template.</param>
    public static bool IsUnderInspection(KakaoTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        return template.Changes?.Status == ChangesStatus.InProgress;
    }

    /// <summary>
    /// Why the API would refuse an edit now (409 <c>template_not_updatable</c> or
    /// <c>template_changes_not_updatable</c>), as a sentence saying what to wait for; null when an edit is allowed.
    /// A never-submitted draft (no state, changes DRAFT) counts as editable (the public material leaves this open;
    /// the emulator allows it).
    /// </summary>
    /// <param name="template">The template.</param>
    public static string? EditBlocker(KakaoTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var changes = template.Changes?.Status;
        if (changes == ChangesStatus.InProgress)
        {
            return "Kakao is inspecting it (changes IN_PROGRESS); wait for the verdict (APPROVED or REJECTED) and try again";
        }

        if (template.State is { } state && state != TemplateState.Approved && state != TemplateState.Rejected)
        {
            return $"its state is {state}; only APPROVED or REJECTED templates can be edited";
        }

        if (changes is { } pending && pending != ChangesStatus.Draft && pending != ChangesStatus.Rejected)
        {
            return $"its pending changes are {pending}; only DRAFT or REJECTED changes can be edited";
        }

        return null;
    }

    /// <summary>
    /// What the reviewer said: while the template (or its latest edits) is rejected, the comment of the newest
    /// REJECTED activity, or else the newest comment since; otherwise the newest comment of any kind. Null when
    /// there is none.
    /// </summary>
    /// <param name="template">The template.</param>
    /// <param name="activities">Its activities, newest first.</param>
    public static string? ReviewComment(KakaoTemplate template, IReadOnlyList<TemplateActivity> activities)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(activities);
        var status = DeriveStatus(template);
        bool rejected = status == TemplateStatus.Rejected || status == TemplateStatus.ApprovedChangesRejected;
        string? newest = null;
        foreach (var activity in activities)
        {
            bool hasComment = !string.IsNullOrWhiteSpace(activity.Comment);
            if (rejected && activity.Type == ActivityType.Rejected)
            {
                return hasComment ? activity.Comment : newest;
            }

            if (hasComment && (activity.Type == ActivityType.CommentAdded || activity.Type == ActivityType.Rejected))
            {
                newest ??= activity.Comment;
                if (!rejected)
                {
                    return newest;
                }
            }
        }

        return newest;
    }

    /// <summary>
    /// The variables of a template body: the names inside <c>#{…}</c>, each once, in order of first appearance
    /// (what a message sent with the template must fill in).
    /// </summary>
    /// <param name="content">The template body; null gives none.</param>
    public static IReadOnlyList<string> Variables(string? content)
    {
        if (string.IsNullOrEmpty(content))
        {
            return [];
        }

        var names = new List<string>();
        foreach (Match match in VariablePattern().Matches(content))
        {
            var name = match.Groups[1].Value.Trim();
            if (name.Length > 0 && !names.Contains(name, StringComparer.Ordinal))
            {
                names.Add(name);
            }
        }

        return names;
    }

    [GeneratedRegex(@"#\{([^{}\r\n]{1,100})\}", RegexOptions.CultureInvariant)]
    private static partial Regex VariablePattern();
}

/// <summary>A template together with its activities and what derives from them.</summary>
/// <param name="PlusFriendId">The sender the template belongs to.</param>
/// <param name="Template">The template.</param>
/// <param name="Activities">Its activities, newest first (the first page).</param>
public sealed record TemplateSnapshot(string PlusFriendId, KakaoTemplate Template, IReadOnlyList<TemplateActivity> Activities)
{
    /// <summary>The derived inspection phase.</summary>
    public TemplateStatus Status => TemplateLifecycle.DeriveStatus(Template);

    /// <summary>The reviewer's comment (a rejection reason or a question), if any.</summary>
    public string? ReviewComment => TemplateLifecycle.ReviewComment(Template, Activities);

    /// <summary>The details users last asked for: the pending version where there is one, else the inspected one.</summary>
    public TemplateDetails? CurrentDetails => Template.Changes?.Details ?? Template.Details;
}
