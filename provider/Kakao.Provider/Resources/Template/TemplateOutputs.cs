using System.Diagnostics.CodeAnalysis;
using Kakao.Provider.Typed;

namespace Kakao.Provider.Resources.Template;

/// <summary>The outputs of a template: its inputs as the service holds them plus what the service and Kakao decide.</summary>
internal partial record TemplateOutputs : TemplateInputs
{
    public TemplateOutputs()
    {
    }

    /// <summary>Outputs that start from <paramref name="inputs"/>.</summary>
    [SetsRequiredMembers]
    public TemplateOutputs(TemplateInputs inputs, string code, string status)
        : base(inputs) => (Code, Status) = (code, status);

    [Property("The template code the service assigned: what a Conversation API message names as `template_id`.", Example = "\"S7yFqaKqJ8tsnBZH2CEd\"", Stable = true)]
    public required string Code { get; init; }

    [Property("Sinch's identifier of the template (a UUID).", Example = "\"0d7e9a4c-3c57-4f57-9a1f-1e0b8f6b2a10\"", Stable = true)]
    public string? TemplateId { get; init; }

    [Property("The inspection at a glance: `DRAFT`, `IN_PROGRESS` (Kakao is inspecting it; it cannot be edited now), `APPROVED` (usable), `APPROVED_CHANGES_IN_PROGRESS` / `APPROVED_CHANGES_REJECTED` (usable; edits inspected / refused), `REJECTED` (see `comment`), or a value the API adds later. Inspection happens outside Pulumi: run `pulumi refresh` to see it change.", Example = "\"APPROVED\"")]
    public required string Status { get; init; }

    [Property("Kakao's verdict as the API reports it: `APPROVED` or `REJECTED`; absent until the first decision.", Example = "\"APPROVED\"")]
    public string? State { get; init; }

    [Property("The status of the pending version, if any: `DRAFT`, `IN_PROGRESS` or `REJECTED`.", Example = "\"IN_PROGRESS\"")]
    public string? ChangesStatus { get; init; }

    [Property("What the reviewer said (from the activities): the rejection reason while rejected, else the newest comment.", Example = "\"The button name is unclear.\"")]
    public string? Comment { get; init; }

    [Property("Kakao's fixed advertising / channel-add phrase of `AD_INCLUDED` and `MIXED` templates.", Example = "\"채널 추가하고 이 채널의 광고와 마케팅 메시지를 카카오톡으로 받기\"")]
    public string? Ad { get; init; }

    [Property("The `#{name}` variables of the content, each once, in order: what every message sent with the template must fill in.", Example = "[\"customer\", \"orderNo\"]")]
    public IReadOnlyList<string> Variables { get; init; } = [];

    [Property("When the template was created (UTC, ISO 8601).", Example = "\"2026-01-31T09:30:00Z\"", Stable = true)]
    public string? Created { get; init; }

    [Property("When the template was last modified (UTC, ISO 8601).", Example = "\"2026-02-01T10:00:00Z\"")]
    public string? Modified { get; init; }
}
