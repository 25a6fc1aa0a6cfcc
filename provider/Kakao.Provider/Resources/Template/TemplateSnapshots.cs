using System.Globalization;
using Kakao.Provisioning.Models;

namespace Kakao.Provider.Resources.Template;

/// <summary>
/// What a template read from the API means as Pulumi inputs and outputs, and the reverse. The details shown are
/// the pending version where there is one (what the user last asked for), else the inspected one; inputs come out
/// as Check would leave them, so an imported template shows no diff.
/// </summary>
internal static class TemplateSnapshots
{
    /// <summary>The status recorded for a template whose create outcome is not known yet.</summary>
    public const string UnknownStatus = "UNKNOWN";

    public static (TemplateInputs Inputs, TemplateOutputs Outputs) Read(TemplateSnapshot snapshot, string projectId, string? projectOverride, bool saveDraftOnFailure)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var template = snapshot.Template;
        var held = snapshot.CurrentDetails ?? new TemplateDetails();
        var inspected = template.Details;
        // A button of a type the schema does not know (one the API added later) cannot be declared; it is left out.
        var buttons = (held.Buttons ?? []).OrderBy(b => b.Ordering)
            .Where(b => TemplateButtonKindWire.TryParse(b.Type.Value, out _)).Select(ToArgs).ToList();
        var inputs = new TemplateInputs
        {
            PlusFriendId = snapshot.PlusFriendId,
            ProjectId = projectOverride,
            Name = held.Name ?? inspected?.Name ?? "",
            Language = (held.Language ?? inspected?.Language)?.Value ?? "",
            Content = held.Content ?? "",
            MessageType = MessageKind(held.MessageType),
            EmphasizeType = Emphasis(held.EmphasizeType),
            CategoryCode = held.CategoryCode ?? Kakao.Provisioning.TemplateLimits.DefaultCategoryCode,
            SecurityFlag = held.SecurityFlag ?? false,
            Extra = held.Extra,
            Title = held.Title,
            Subtitle = held.Subtitle,
            ImageName = held.ImageName,
            ImageUrl = held.ImageUrl,
            Buttons = buttons.Count == 0 ? null : buttons,
            Submit = template.Changes?.Status != ChangesStatus.Draft,
            SaveDraftOnFailure = saveDraftOnFailure,
        };

        var outputs = new TemplateOutputs(inputs, template.Code, snapshot.Status.Value)
        {
            ProjectId = projectId,
            TemplateId = template.Id,
            State = template.State?.Value,
            ChangesStatus = template.Changes?.Status.Value,
            Comment = snapshot.ReviewComment,
            Ad = held.Ad ?? inspected?.Ad,
            Variables = TemplateLifecycle.Variables(held.Content),
            Created = Format(template.Created),
            Modified = Format(template.Modified),
        };
        return (inputs, outputs);
    }

    /// <summary>The outputs of a template whose create outcome is not known yet (until a refresh finds it by name).</summary>
    public static TemplateOutputs Unconfirmed(TemplateInputs inputs, string projectId) =>
        new(inputs, "", UnknownStatus) { ProjectId = projectId, Variables = TemplateLifecycle.Variables(inputs.Content) };

    /// <summary>The details to send; the language only on create (it cannot change).</summary>
    public static TemplateDetails ToDetails(TemplateInputs inputs, bool create) => new()
    {
        Name = inputs.Name,
        Language = create ? new TemplateLanguage(inputs.Language) : (TemplateLanguage?)null,
        Content = inputs.Content,
        MessageType = new TemplateMessageType(TemplateMessageKindWire.Format(inputs.MessageType ?? TemplateMessageKind.Basic)),
        EmphasizeType = new EmphasizeType(TemplateEmphasisWire.Format(inputs.EmphasizeType ?? TemplateEmphasis.None)),
        CategoryCode = inputs.CategoryCode,
        SecurityFlag = inputs.SecurityFlag,
        Extra = inputs.Extra,
        Title = inputs.Title,
        Subtitle = inputs.Subtitle,
        ImageName = inputs.ImageName,
        ImageUrl = inputs.ImageUrl,
        Buttons = inputs.Buttons is { Count: > 0 } buttons ? [.. buttons.Select((b, i) => ToButton(b, i + 1))] : null,
    };

    /// <summary>What an update must clear: optional inputs dropped from the program that the template still holds.</summary>
    public static TemplateClearableFields Cleared(TemplateInputs inputs, TemplateOutputs old)
    {
        var clear = TemplateClearableFields.None;
        void When(bool dropped, TemplateClearableFields field) => clear |= dropped ? field : TemplateClearableFields.None;
        When(inputs.Extra is null && old.Extra is not null, TemplateClearableFields.Extra);
        When(inputs.Title is null && old.Title is not null, TemplateClearableFields.Title);
        When(inputs.Subtitle is null && old.Subtitle is not null, TemplateClearableFields.Subtitle);
        When(inputs.ImageName is null && old.ImageName is not null, TemplateClearableFields.ImageName);
        When(inputs.ImageUrl is null && old.ImageUrl is not null, TemplateClearableFields.ImageUrl);
        When(inputs.Buttons is null or { Count: 0 } && old.Buttons is { Count: > 0 }, TemplateClearableFields.Buttons);
        return clear;
    }

    public static SubmitAction Action(TemplateInputs inputs) => inputs.Submit ? SubmitAction.Submit : SubmitAction.Draft;

    private static TemplateButton ToButton(TemplateButtonArgs button, int ordering) => new()
    {
        Ordering = ordering,
        Type = new ButtonType(TemplateButtonKindWire.Format(button.Type)),
        Name = button.Name,
        LinkMo = button.LinkMo,
        LinkPc = button.LinkPc,
        SchemeIos = button.SchemeIos,
        SchemeAndroid = button.SchemeAndroid,
    };

    private static TemplateButtonArgs ToArgs(TemplateButton button) => new()
    {
        Type = TemplateButtonKindWire.TryParse(button.Type.Value, out var kind) ? kind : default,
        Name = button.Name ?? "",
        LinkMo = button.LinkMo,
        LinkPc = button.LinkPc,
        SchemeIos = button.SchemeIos,
        SchemeAndroid = button.SchemeAndroid,
    };

    private static TemplateMessageKind? MessageKind(TemplateMessageType? type) =>
        type is { } t && TemplateMessageKindWire.TryParse(t.Value, out var kind) ? kind : null;

    private static TemplateEmphasis? Emphasis(EmphasizeType? type) =>
        type is { } t && TemplateEmphasisWire.TryParse(t.Value, out var kind) ? kind : null;

    private static string? Format(DateTimeOffset? time) =>
        time?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
}
