using Kakao.Emulator.State;

namespace Kakao.Emulator.Domain.Templates;

/// <summary>
/// The details fields a template request carries: JSON name → value (string, bool, a button list, or null to
/// clear a nullable field). Only the fields present in the request are here, so drafts and PATCH subsets stay
/// partial.
/// </summary>
internal sealed class TemplateDetailsPatch
{
    public const string Language = "language";
    public const string Name = "name";
    public const string Content = "content";
    public const string MessageType = "messageType";
    public const string EmphasizeType = "emphasizeType";
    public const string CategoryCode = "categoryCode";
    public const string SecurityFlag = "securityFlag";
    public const string Extra = "extra";
    public const string Title = "title";
    public const string Subtitle = "subtitle";
    public const string ImageName = "imageName";
    public const string ImageUrl = "imageUrl";
    public const string Buttons = "buttons";

    /// <summary>Every field of the create details (KakaotalkInputTemplateDetailsDto).</summary>
    public static readonly IReadOnlyList<string> CreateFields =
        [Name, Language, Content, MessageType, EmphasizeType, CategoryCode, SecurityFlag, Extra, Title, Subtitle, ImageName, ImageUrl, Buttons];

    /// <summary>The PATCH details: every create field but <c>language</c>, which is fixed after creation.</summary>
    public static readonly IReadOnlyList<string> UpdateFields = CreateFields.Where(f => f != Language).ToArray();

    /// <summary>The PATCH fields that accept null (to clear them).</summary>
    public static readonly IReadOnlyList<string> NullableFields = [Extra, Title, Subtitle, ImageName, ImageUrl, Buttons];

    public Dictionary<string, object?> Fields { get; } = new(StringComparer.Ordinal);

    public bool IsEmpty => Fields.Count == 0;

    public string? NameValue => Fields.TryGetValue(Name, out var value) ? value as string : null;

    public TemplateDetails ApplyTo(TemplateDetails? baseline)
    {
        var result = baseline?.Clone() ?? new TemplateDetails();
        foreach (var (field, value) in Fields)
        {
            Set(result, field, value);
        }

        return result;
    }

    private static void Set(TemplateDetails details, string field, object? value)
    {
        string? text = value as string;
        switch (field)
        {
            case Language: details.Language = text; break;
            case Name: details.Name = text; break;
            case Content: details.Content = text; break;
            case MessageType: details.MessageType = text; break;
            case EmphasizeType: details.EmphasizeType = text; break;
            case CategoryCode: details.CategoryCode = text; break;
            case SecurityFlag: details.SecurityFlag = value as bool?; break;
            case Extra: details.Extra = text; break;
            case Title: details.Title = text; break;
            case Subtitle: details.Subtitle = text; break;
            case ImageName: details.ImageName = text; break;
            case ImageUrl: details.ImageUrl = text; break;
            case Buttons: details.Buttons = value is List<TemplateButton> buttons ? buttons.Select(b => b.Clone()).ToList() : []; break;
            default: throw new ArgumentOutOfRangeException(nameof(field), field, "Unknown template details field.");
        }
    }
}

/// <summary>A validated create request (KakaotalkInputTemplateDto).</summary>
internal sealed record CreateTemplateInput(bool Submit, bool SaveDraftOnFailure, TemplateDetailsPatch Details)
{
    /// <summary>A fault makes Kakao refuse this submission (docs/emulator.md, Faults).</summary>
    public bool RefusedByFault { get; init; }
}

/// <summary>A validated update request (KakaotalkInputUpdateTemplateDto); Submit is false unless status SUBMIT.</summary>
internal sealed record UpdateTemplateInput(bool Submit, TemplateDetailsPatch Details)
{
    /// <summary>A fault makes Kakao refuse this submission (docs/emulator.md, Faults).</summary>
    public bool RefusedByFault { get; init; }
}
