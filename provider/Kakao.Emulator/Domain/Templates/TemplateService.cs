using System.Security.Cryptography;
using Kakao.Emulator.Http;
using Kakao.Emulator.Json;
using Kakao.Emulator.Serialization;
using Kakao.Emulator.State;
using static Kakao.Emulator.Json.TemplateVocabulary;

namespace Kakao.Emulator.Domain.Templates;

/// <summary>
/// The template lifecycle of kakaotalk-templates.md §5, [emulator choice]s included (docs/emulator.md). Every
/// method runs under the store lock against <see cref="EmulatorState"/>, validates before it mutates (a saved
/// draft on a refused submission is the one documented exception), and bumps the revision when it changes
/// something so the data file follows.
/// </summary>
internal sealed partial class TemplateService(
    TimeProvider time,
    TemplateReviewPolicyHolder policy,
    IDomainEvents events,
    DeletedSendersHolder? deletedSenders = null)
{
    public const int MaxListPageSize = 1000;

    private const string CodeAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private const int CodeLength = 20;

    public Page<TemplateDto> List(EmulatorState state, string projectId, string plusFriendId, TemplateListQuery query)
    {
        var sender = FindReadableSender(state, projectId, plusFriendId);
        var matching = sender.Templates.Values
            .Where(t => query.States.Count == 0 || (t.State is not null && query.States.Contains(t.State)))
            .Where(t => query.Statuses.Count == 0 || (t.Changes is not null && query.Statuses.Contains(t.Changes.Status)))
            .Where(t => query.NamePrefix is null || t.Names().Any(n => n.StartsWith(query.NamePrefix, StringComparison.Ordinal)))
            .OrderBy(t => t.Names().First(), StringComparer.Ordinal)
            .ThenBy(t => t.Code, StringComparer.Ordinal)
            .Select(TemplateDto.From)
            .ToList();
        string scope = $"templates|{projectId}|{plusFriendId}|{string.Join(',', query.States)}|{string.Join(',', query.Statuses)}|{query.NamePrefix}";
        return Paging.Take(matching, query.PageSize, query.PageToken, scope);
    }

    public TemplateDto Get(EmulatorState state, string projectId, string plusFriendId, string code) =>
        TemplateDto.From(Find(FindReadableSender(state, projectId, plusFriendId), code));

    public TemplateDto Create(EmulatorState state, string projectId, string plusFriendId, CreateTemplateInput input)
    {
        var sender = FindLiveSender(state, projectId, plusFriendId);
        if (sender.State != SenderVocabulary.Active)
        {
            // [emulator choice] templates only for ACTIVE senders (the seed guide's order of things).
            throw new ApiException(SinchErrors.SenderNotActive, messageOverride: $"Sender is not active (state: {sender.State ?? "none yet"}, changes: {sender.Changes?.Status ?? "none"}).");
        }

        EnsureNameFree(sender, input.Details.NameValue, except: null);
        var details = input.Details.ApplyTo(new TemplateDetails
        {
            MessageType = BasicMessage,
            EmphasizeType = EmphasizeNone,
            CategoryCode = OthersCategory,
            SecurityFlag = false,
        });

        IReadOnlyList<string>? saved = null;
        if (input.Submit)
        {
            if (TemplateInputParser.MissingForSubmit(details) is { Count: > 0 } missing)
            {
                throw ApiException.InvalidInput(missing);
            }

            if (KakaoTemplateRules.Violations(details, input.RefusedByFault) is { Count: > 0 } violations)
            {
                if (!input.SaveDraftOnFailure)
                {
                    throw KakaoRefusal(violations, savedCode: null);
                }

                saved = violations;
            }
        }

        bool submit = input.Submit && saved is null;
        var now = time.GetUtcNow();
        var template = new TemplateRecord
        {
            Id = Guid.NewGuid().ToString(),
            Code = NewCode(sender),
            Changes = new TemplateChanges { Status = submit ? InProgress : Draft, Details = details },
            Created = now,
            Modified = now,
        };
        sender.Templates[template.Code] = template;
        AddActivity(template, SenderVocabulary.ActivityCreated, SenderVocabulary.CustomerAuthor);
        AddActivity(template, submit ? InProgress : Draft, SenderVocabulary.CustomerAuthor);
        if (submit)
        {
            ScheduleReview(template);
        }

        state.Revision++;

        // saveDraftOnFailure: the refused submission is kept as a DRAFT, and the 424 names it.
        return saved is null ? TemplateDto.From(template) : throw KakaoRefusal(saved, template.Code);
    }

    public TemplateDto Update(EmulatorState state, string projectId, string plusFriendId, string code, UpdateTemplateInput input)
    {
        var sender = FindLiveSender(state, projectId, plusFriendId);
        var template = Find(sender, code);
        if (template.Changes?.Status == InProgress)
        {
            // Under inspection: a first submission has no state yet; an edit of an inspected one has.
            throw new ApiException(template.State is null ? SinchErrors.TemplateNotUpdatable : SinchErrors.TemplateChangesNotUpdatable);
        }

        if (template.State is null && template.Changes is null)
        {
            throw new ApiException(SinchErrors.TemplateNotUpdatable);
        }

        // [emulator choice] a never-submitted DRAFT (no state yet) is editable too, else it could never be submitted.
        var baseline = template.Changes?.Details ?? template.Details!;
        var merged = input.Details.ApplyTo(baseline);
        EnsureNameFree(sender, input.Details.NameValue, except: template);
        if (input.Submit)
        {
            if (TemplateInputParser.MissingForSubmit(merged) is { Count: > 0 } missing)
            {
                throw ApiException.InvalidInput(missing);
            }

            if (KakaoTemplateRules.Violations(merged, input.RefusedByFault) is { Count: > 0 } violations)
            {
                // [emulator choice] a refused PATCH submission changes nothing (the request has no saveDraftOnFailure).
                throw KakaoRefusal(violations, savedCode: null);
            }
        }
        else if (input.Details.IsEmpty && template.Changes is null)
        {
            return TemplateDto.From(template); // {} on an inspected template without changes: nothing to save
        }

        template.Changes = new TemplateChanges { Status = input.Submit ? InProgress : Draft, Details = merged };
        if (!input.Details.IsEmpty)
        {
            AddActivity(template, SenderVocabulary.ActivityEdited, SenderVocabulary.CustomerAuthor);
        }

        AddActivity(template, input.Submit ? InProgress : Draft, SenderVocabulary.CustomerAuthor);
        template.Review = null;
        if (input.Submit)
        {
            ScheduleReview(template);
        }

        Touch(state, template);
        return TemplateDto.From(template);
    }

    public void Delete(EmulatorState state, string projectId, string plusFriendId, string code)
    {
        var sender = FindLiveSender(state, projectId, plusFriendId);
        var template = Find(sender, code);
        sender.Templates.Remove(template.Code);
        state.Revision++;
    }

    public void DeleteChanges(EmulatorState state, string projectId, string plusFriendId, string code)
    {
        var sender = FindLiveSender(state, projectId, plusFriendId);
        var template = Find(sender, code);
        if (template.Changes?.Status != Draft)
        {
            // Only changes "not yet submitted to KakaoTalk": IN_PROGRESS and REJECTED ones have been.
            throw new ApiException(SinchErrors.TemplateNotDeletable);
        }

        if (template.State is null)
        {
            // [emulator choice] a never-submitted template is nothing but its draft: it goes entirely.
            sender.Templates.Remove(template.Code);
            state.Revision++;
            return;
        }

        template.Changes = null;
        template.Review = null;
        Touch(state, template);
    }

    public Page<ActivityDto> Activities(EmulatorState state, string projectId, string plusFriendId, string code, int pageSize, string? pageToken)
    {
        var template = Find(FindReadableSender(state, projectId, plusFriendId), code);
        var newestFirst = Enumerable.Reverse(template.Activities).Select(ActivityDto.From).ToList();
        return Paging.Take(newestFirst, pageSize, pageToken, $"template-activities|{projectId}|{template.Id}");
    }

    public CommentDto AddComment(EmulatorState state, string projectId, string plusFriendId, string code, string comment)
    {
        var project = state.GetOrAddProject(projectId);
        var template = Find(FindLiveSender(state, projectId, plusFriendId), code);
        var activity = AddActivity(template, SenderVocabulary.ActivityCommentAdded, SenderVocabulary.CustomerAuthor, comment);
        Touch(state, template);
        events.TemplateEvent(project, WebhookCommentAdded, template, comment);
        return new CommentDto("CREATED", comment, EmulatorJson.FormatTime(activity.Created));
    }

    public Page<TemplateCategoryDto> Categories(EmulatorState state, string projectId, string plusFriendId, int pageSize, string? pageToken)
    {
        _ = FindReadableSender(state, projectId, plusFriendId);
        return Paging.Take(TemplateCategoryTree.Categories, pageSize, pageToken, $"template-categories|{projectId}|{plusFriendId}");
    }

    private static ApiException KakaoRefusal(IReadOnlyList<string> violations, string? savedCode) => new(
        SinchErrors.TemplateKakaoTalkValidationError,
        savedCode is null ? null : new Dictionary<string, object> { ["templateCode"] = savedCode },
        "Template kakaoTalk validation error: " + string.Join("; ", violations));

    private static void EnsureNameFree(SenderRecord sender, string? name, TemplateRecord? except)
    {
        // [emulator choice] names are unique per sender (the paths are per sender), compared exactly.
        if (name is not null && sender.Templates.Values.Any(t => t != except && t.Names().Contains(name)))
        {
            throw new ApiException(SinchErrors.TemplateExists);
        }
    }

    private static string NewCode(SenderRecord sender)
    {
        string code;
        do
        {
            code = RandomNumberGenerator.GetString(CodeAlphabet, CodeLength);
        }
        while (sender.Templates.ContainsKey(code));
        return code;
    }

    private static TemplateRecord Find(SenderRecord sender, string code) =>
        sender.Templates.TryGetValue(code, out var template) ? template : throw new ApiException(SinchErrors.TemplateNotFound);

    private SenderRecord FindReadableSender(EmulatorState state, string projectId, string plusFriendId) =>
        state.GetOrAddProject(projectId).Senders.TryGetValue(plusFriendId, out var sender)
        && (sender.DeletedAt is null || deletedSenders?.Current == DeletedSenderMode.Retained)
            ? sender
            : throw new ApiException(SinchErrors.SenderNotFound);

    private static SenderRecord FindLiveSender(EmulatorState state, string projectId, string plusFriendId) =>
        state.GetOrAddProject(projectId).Senders.TryGetValue(plusFriendId, out var sender) && sender.DeletedAt is null
            ? sender
            : throw new ApiException(SinchErrors.SenderNotFound);

    private ActivityRecord AddActivity(TemplateRecord template, string type, string author, string? comment = null)
    {
        var activity = new ActivityRecord { Type = type, Created = time.GetUtcNow(), Author = author, Comment = comment };
        template.Activities.Add(activity);
        return activity;
    }

    private void Touch(EmulatorState state, TemplateRecord template)
    {
        template.Modified = time.GetUtcNow();
        state.Revision++;
    }
}

/// <summary>The list query of T1: filters, name prefix and paging.</summary>
internal sealed record TemplateListQuery(IReadOnlyList<string> States, IReadOnlyList<string> Statuses, string? NamePrefix, int PageSize, string? PageToken);
