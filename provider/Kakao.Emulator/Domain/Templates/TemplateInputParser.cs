using System.Text.Json;
using Kakao.Emulator.Http;
using Kakao.Emulator.Json;
using Kakao.Emulator.State;
using static Kakao.Emulator.Domain.ClassValidatorChecks;
using static Kakao.Emulator.Domain.Templates.TemplateDetailsPatch;

namespace Kakao.Emulator.Domain.Templates;

/// <summary>
/// Validates template bodies against the facts file's input schemas (KakaotalkInputTemplateDto,
/// KakaotalkInputUpdateTemplateDto, KakaotalkInputButtonDto) in the API's class-validator wording under
/// <c>400 invalid_input</c>; then an unknown language answers <c>template_invalid_language_code</c> and an unknown
/// category <c>template_invalid_category_code</c>. Optional fields given as null count as absent (class-validator's
/// IsOptional); on PATCH, null clears the nullable ones. Kakao's own rules are checked at submission
/// (<see cref="KakaoTemplateRules"/>), not here.
/// </summary>
internal static class TemplateInputParser
{
    public const int NameMaxLength = 150;
    public const int ContentMaxLength = 1000;
    public const int ExtraMaxLength = 500;
    public const int TitleMaxLength = 50;
    public const int ImageNameMaxLength = 250;
    public const int UrlMaxLength = 2048;
    public const int ButtonNameMaxLength = 14;
    public const int ButtonLinkMaxLength = 500;
    public const int CategoryCodeMaxLength = 6;

    /// <summary>More buttons than this are refused outright (the submission check allows 5; a draft may hold more).</summary>
    public const int ButtonsHardLimit = 50;

    private static readonly string[] ButtonFields = ["ordering", "type", "name", "linkMo", "linkPc", "schemeIos", "schemeAndroid"];

    public static CreateTemplateInput ParseCreate(JsonElement body)
    {
        var errors = new List<string>();
        RejectUnknown(body, string.Empty, ["status", "details", "saveDraftOnFailure"], errors);
        bool submit = ParseStatus(body, defaultSubmit: true, errors);
        bool saveDraft = ParseSaveDraft(body, nullIsAbsent: true, errors);
        var details = new TemplateDetailsPatch();
        if (TryGetDetails(body, required: true, errors, out var element))
        {
            details = ParseDetails(element, CreateFields, update: false, errors);
            foreach (string required in new[] { Name, Language })
            {
                if (!details.Fields.ContainsKey(required) && !errors.Any(e => e.StartsWith($"details.{required} ", StringComparison.Ordinal)))
                {
                    errors.Add($"details.{required} should not be empty");
                }
            }
        }

        ThrowIfAny(errors);
        CheckCodes(details);
        return new CreateTemplateInput(submit, saveDraft, details);
    }

    public static UpdateTemplateInput ParseUpdate(JsonElement body)
    {
        var errors = new List<string>();
        RejectUnknown(body, string.Empty, ["status", "details"], errors);
        bool submit = ParseStatus(body, defaultSubmit: false, errors);
        var details = new TemplateDetailsPatch();
        if (TryGetDetails(body, required: false, errors, out var element))
        {
            details = ParseDetails(element, UpdateFields, update: true, errors);
        }

        ThrowIfAny(errors);
        CheckCodes(details);
        return new UpdateTemplateInput(submit, details);
    }

    /// <summary>The fields a submission needs that the merged details lack (400 invalid_input, not Kakao's 424).</summary>
    public static IReadOnlyList<string> MissingForSubmit(TemplateDetails details)
    {
        var errors = new List<string>();
        if (string.IsNullOrEmpty(details.Content))
        {
            errors.Add("details.content should not be empty");
        }

        for (int i = 0; i < details.Buttons.Count; i++)
        {
            if (details.Buttons[i].Name is null)
            {
                errors.Add($"details.buttons.{i}.name must be a string");
            }
        }

        return errors;
    }

    private static TemplateDetailsPatch ParseDetails(JsonElement details, IReadOnlyList<string> known, bool update, List<string> errors)
    {
        RejectUnknown(details, "details.", known, errors);
        var patch = new TemplateDetailsPatch();
        foreach (string field in known)
        {
            if (!details.TryGetProperty(field, out var value))
            {
                continue;
            }

            string path = "details." + field;
            if (value.ValueKind == JsonValueKind.Null)
            {
                if (update && NullableFields.Contains(field))
                {
                    patch.Fields[field] = null;
                }

                continue;
            }

            object? parsed = field switch
            {
                SecurityFlag => value.ValueKind is JsonValueKind.True or JsonValueKind.False ? (object)value.GetBoolean() : Fail(errors, $"{path} must be a boolean value"),
                Buttons => ParseButtons(value, errors),
                _ => ParseText(field, path, value, errors),
            };
            if (parsed is not null)
            {
                patch.Fields[field] = parsed;
            }
        }

        return patch;
    }

    private static string? ParseText(string field, string path, JsonElement value, List<string> errors)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            errors.Add($"{path} must be a string");
            return null;
        }

        string text = value.GetString()!;
        int before = errors.Count;
        switch (field)
        {
            case Name: Length(path, text, 1, NameMaxLength, errors); break;
            case Content: Length(path, text, 1, ContentMaxLength, errors); break;
            case Extra: Length(path, text, 1, ExtraMaxLength, errors); break;
            case Title or Subtitle: Length(path, text, 1, TitleMaxLength, errors); break;
            case ImageName: Length(path, text, 1, ImageNameMaxLength, errors); break;
            case CategoryCode: Length(path, text, 1, CategoryCodeMaxLength, errors); break;
            case ImageUrl:
                if (!IsWebUrl(text, UrlMaxLength))
                {
                    errors.Add($"{path} must be a URL address");
                }

                break;
            case MessageType: OneOf(path, text, TemplateVocabulary.MessageTypes, errors); break;
            case EmphasizeType: OneOf(path, text, TemplateVocabulary.EmphasizeTypes, errors); break;
            case Language: break; // an unknown value is template_invalid_language_code, after the structural checks
            default: break;
        }

        return errors.Count == before ? text : null;
    }

    private static List<TemplateButton>? ParseButtons(JsonElement value, List<string> errors)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            errors.Add("details.buttons must be an array");
            return null;
        }

        if (value.GetArrayLength() > ButtonsHardLimit)
        {
            errors.Add($"details.buttons must contain no more than {ButtonsHardLimit} elements");
            return null;
        }

        int before = errors.Count;
        var buttons = new List<TemplateButton>();
        int index = 0;
        foreach (var item in value.EnumerateArray())
        {
            string prefix = $"details.buttons.{index++}.";
            if (item.ValueKind != JsonValueKind.Object)
            {
                errors.Add($"nested property {prefix.TrimEnd('.')} must be either object or array");
                continue;
            }

            RejectUnknown(item, prefix, ButtonFields, errors);
            var button = new TemplateButton();
            if (!item.TryGetProperty("ordering", out var ordering) || ordering.ValueKind != JsonValueKind.Number
                || !ordering.TryGetDouble(out double number) || number != Math.Floor(number))
            {
                errors.Add($"{prefix}ordering must be a number conforming to the specified constraints");
            }
            else if (number < 1)
            {
                errors.Add($"{prefix}ordering must not be less than 1");
            }
            else if (number > 5)
            {
                errors.Add($"{prefix}ordering must not be greater than 5");
            }
            else
            {
                button.Ordering = (int)number;
            }

            if (!item.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String || !TemplateVocabulary.ButtonTypes.Contains(type.GetString()!))
            {
                errors.Add($"{prefix}type must be one of the following values: {string.Join(", ", TemplateVocabulary.ButtonTypes)}");
            }
            else
            {
                button.Type = type.GetString();
            }

            if (item.TryGetProperty("name", out var name) && name.ValueKind != JsonValueKind.Null)
            {
                // Required, but "not required for draft": a missing name is refused at submission.
                button.Name = name.ValueKind == JsonValueKind.String ? name.GetString() : Fail(errors, $"{prefix}name must be a string");
                if (button.Name is { } text)
                {
                    Length(prefix + "name", text, 1, ButtonNameMaxLength, errors);
                }
            }

            button.LinkMo = Link(item, prefix, "linkMo", web: true, errors);
            button.LinkPc = Link(item, prefix, "linkPc", web: true, errors);
            button.SchemeIos = Link(item, prefix, "schemeIos", web: false, errors);
            button.SchemeAndroid = Link(item, prefix, "schemeAndroid", web: false, errors);
            buttons.Add(button);
        }

        return errors.Count == before ? buttons : null;
    }

    private static string? Link(JsonElement item, string prefix, string field, bool web, List<string> errors)
    {
        if (!item.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            errors.Add($"{prefix}{field} must be a string");
            return null;
        }

        string text = value.GetString()!;
        int before = errors.Count;
        Length(prefix + field, text, 1, ButtonLinkMaxLength, errors);

        // [emulator choice] web links must be http(s); app schemes any absolute URI (myapp://path).
        if (errors.Count == before && !(web ? IsWebUrl(text, ButtonLinkMaxLength) : Uri.TryCreate(text, UriKind.Absolute, out _)))
        {
            errors.Add($"{prefix}{field} must be a URL address");
        }

        return errors.Count == before ? text : null;
    }

    private static void CheckCodes(TemplateDetailsPatch details)
    {
        if (details.Fields.TryGetValue(Language, out var language) && language is string code && !TemplateVocabulary.Languages.Contains(code))
        {
            throw new ApiException(SinchErrors.TemplateInvalidLanguageCode, new Dictionary<string, object> { ["supportedCodes"] = TemplateVocabulary.SupportedLanguages });
        }

        if (details.Fields.TryGetValue(CategoryCode, out var category) && category is string categoryCode && !TemplateCategoryTree.IsValid(categoryCode))
        {
            throw new ApiException(SinchErrors.TemplateInvalidCategoryCode);
        }
    }

    private static bool IsWebUrl(string text, int maxLength) =>
        text.Length <= maxLength
        && Uri.TryCreate(text, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && !string.IsNullOrEmpty(uri.Host);

    private static void OneOf(string path, string text, IReadOnlyList<string> allowed, List<string> errors)
    {
        if (!allowed.Contains(text))
        {
            errors.Add($"{path} must be one of the following values: {string.Join(", ", allowed)}");
        }
    }

    private static string? Fail(List<string> errors, string error)
    {
        errors.Add(error);
        return null;
    }
}
