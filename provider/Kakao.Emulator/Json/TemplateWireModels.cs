using Kakao.Emulator.Serialization;
using Kakao.Emulator.State;

namespace Kakao.Emulator.Json;

// Template response bodies, named and shaped after the facts file's schemas (KakaotalkTemplateDto and friends).

internal sealed record TemplateButtonDto(int Ordering, string? Type, string? Name, string? LinkMo, string? LinkPc, string? SchemeIos, string? SchemeAndroid)
{
    public static TemplateButtonDto From(TemplateButton button) =>
        new(button.Ordering, button.Type, button.Name, button.LinkMo, button.LinkPc, button.SchemeIos, button.SchemeAndroid);
}

internal sealed record TemplateDetailsDto(
    string? Language,
    string? MessageType,
    string? EmphasizeType,
    string? CategoryCode,
    bool? SecurityFlag,
    string? Name,
    string? Content,
    string? Extra,
    string? Ad,
    string? Title,
    string? Subtitle,
    string? ImageName,
    string? ImageUrl,
    IReadOnlyList<TemplateButtonDto> Buttons)
{
    /// <summary>Kakao sets <c>ad</c> itself: its fixed phrase for the message types that carry one.</summary>
    public static TemplateDetailsDto From(TemplateDetails details) => new(
        details.Language,
        details.MessageType,
        details.EmphasizeType,
        details.CategoryCode,
        details.SecurityFlag,
        details.Name,
        details.Content,
        details.Extra,
        TemplateVocabulary.CarriesAd(details.MessageType) ? TemplateVocabulary.AdPhrase : null,
        details.Title,
        details.Subtitle,
        details.ImageName,
        details.ImageUrl,
        details.Buttons.OrderBy(b => b.Ordering).Select(TemplateButtonDto.From).ToArray());
}

internal sealed record TemplateChangesDto(string Status, TemplateDetailsDto Details);

internal sealed record TemplateDto(
    string Id,
    string Code,
    string? State,
    TemplateDetailsDto? Details,
    TemplateChangesDto? Changes,
    string Created,
    string Modified)
{
    public static TemplateDto From(TemplateRecord template) => new(
        template.Id,
        template.Code,
        template.State,
        template.Details is null ? null : TemplateDetailsDto.From(template.Details),
        template.Changes is null ? null : new TemplateChangesDto(template.Changes.Status, TemplateDetailsDto.From(template.Changes.Details)),
        EmulatorJson.FormatTime(template.Created),
        EmulatorJson.FormatTime(template.Modified));
}

internal sealed record TemplateListDto(
    int TotalSize,
    int PageSize,
    IReadOnlyList<TemplateDto> Templates,
    string? NextPageToken,
    string? PreviousPageToken);

internal sealed record TemplateSubcategoryDto(string Code, string Name, string NameEnglish, string GroupName, string Inclusion, string Exclusion);

internal sealed record TemplateCategoryDto(string Name, string NameEnglish, IReadOnlyList<TemplateSubcategoryDto> Subcategories);

internal sealed record TemplateCategoryListDto(
    int TotalSize,
    int PageSize,
    IReadOnlyList<TemplateCategoryDto> Categories,
    string? NextPageToken,
    string? PreviousPageToken);

internal sealed record TemplateCallbackDto(string Type, TemplateDto Payload, string? Comment);
