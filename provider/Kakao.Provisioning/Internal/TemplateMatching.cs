using Kakao.Provisioning.Models;

namespace Kakao.Provisioning.Internal;

/// <summary>
/// Decides, after an ambiguous template write, whether what the API now holds is what the write asked for.
/// Compared are the fields the caller set (and those it cleared); the image URL is left out because the service
/// may re-host the image under another URL.
/// </summary>
internal static class TemplateMatching
{
    /// <summary>True when a create with <paramref name="request"/> has taken effect on <paramref name="template"/>.</summary>
    public static bool CreateApplied(KakaoTemplate template, CreateTemplateRequest request)
    {
        var held = template.Changes?.Details ?? template.Details;
        if (!Same(held, request.Details, TemplateClearableFields.None))
        {
            return false;
        }

        // A submission the service kept as a draft (saveDraftOnFailure) did not go through.
        return request.Status == SubmitAction.Draft
            ? template.Changes?.Status == ChangesStatus.Draft
            : template.Changes?.Status != ChangesStatus.Draft;
    }

    /// <summary>True when an update has taken effect: details held and the pending changes in the asked status.</summary>
    public static bool UpdateApplied(KakaoTemplate template, UpdateTemplateRequest request)
    {
        if (request.Status == SubmitAction.Draft)
        {
            return template.Changes is { } draft && draft.Status == ChangesStatus.Draft && Same(draft.Details, request.Details, request.Clear);
        }

        // Submitted: under inspection, or already decided by a fast inspection.
        return template.Changes is { } changes
            ? changes.Status == ChangesStatus.InProgress && Same(changes.Details, request.Details, request.Clear)
            : Same(template.Details, request.Details, request.Clear);
    }

    /// <summary>True when <paramref name="held"/> carries every member <paramref name="wanted"/> sets, and none it clears.</summary>
    public static bool Same(TemplateDetails? held, TemplateDetails? wanted, TemplateClearableFields cleared)
    {
        if (wanted is null && cleared == TemplateClearableFields.None)
        {
            return true;
        }

        if (held is null)
        {
            return false;
        }

        wanted ??= new TemplateDetails();
        return Field(held.Name, wanted.Name)
            && Field(held.Content, wanted.Content)
            && Value(held.Language, wanted.Language)
            && Value(held.MessageType, wanted.MessageType)
            && Value(held.EmphasizeType, wanted.EmphasizeType)
            && Field(held.CategoryCode, wanted.CategoryCode)
            && (wanted.SecurityFlag is not { } flag || (held.SecurityFlag ?? false) == flag)
            && Clearable(held.Extra, wanted.Extra, cleared.HasFlag(TemplateClearableFields.Extra))
            && Clearable(held.Title, wanted.Title, cleared.HasFlag(TemplateClearableFields.Title))
            && Clearable(held.Subtitle, wanted.Subtitle, cleared.HasFlag(TemplateClearableFields.Subtitle))
            && Clearable(held.ImageName, wanted.ImageName, cleared.HasFlag(TemplateClearableFields.ImageName))
            && (!cleared.HasFlag(TemplateClearableFields.ImageUrl) || held.ImageUrl is null)
            && Buttons(held.Buttons, wanted.Buttons, cleared.HasFlag(TemplateClearableFields.Buttons));
    }

    private static bool Field(string? held, string? wanted) => wanted is null || string.Equals(held, wanted, StringComparison.Ordinal);

    private static bool Value<T>(T? held, T? wanted) where T : struct, IExtensibleEnum<T> =>
        wanted is not { } w || (held is { } h && h.Equals(w));

    private static bool Clearable(string? held, string? wanted, bool cleared) => cleared ? held is null : Field(held, wanted);

    private static bool Buttons(IReadOnlyList<TemplateButton>? held, IReadOnlyList<TemplateButton>? wanted, bool cleared)
    {
        if (cleared)
        {
            return held is null or { Count: 0 };
        }

        if (wanted is null)
        {
            return true;
        }

        var ordered = (held ?? []).OrderBy(b => b.Ordering).ToList();
        var asked = wanted.OrderBy(b => b.Ordering).ToList();
        return ordered.Count == asked.Count && ordered.Zip(asked).All(pair =>
            pair.First.Ordering == pair.Second.Ordering
            && pair.First.Type == pair.Second.Type
            && Field(pair.First.Name, pair.Second.Name)
            && Field(pair.First.LinkMo, pair.Second.LinkMo)
            && Field(pair.First.LinkPc, pair.Second.LinkPc)
            && Field(pair.First.SchemeIos, pair.Second.SchemeIos)
            && Field(pair.First.SchemeAndroid, pair.Second.SchemeAndroid));
    }
}
