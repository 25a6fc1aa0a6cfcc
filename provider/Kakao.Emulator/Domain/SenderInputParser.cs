using System.Text.Json;
using System.Text.RegularExpressions;
using Kakao.Emulator.Http;
using static Kakao.Emulator.Domain.ClassValidatorChecks;

namespace Kakao.Emulator.Domain;

/// <summary>
/// Validates request bodies against the facts file's input schemas and answers in the API's style
/// (class-validator messages under additionalInformation.validationErrors). Unknown properties are refused
/// so a misspelt field in a client shows up instead of being silently dropped.
/// </summary>
internal static partial class SenderInputParser
{
    public const int PlusFriendIdMaxLength = 30;
    public const int NameMaxLength = 512;
    public const int PhoneMaxLength = 15;
    public const int CommentMaxLength = 65535;
    public const int UrlMaxLength = 2048;

    public static CreateSenderInput ParseCreate(JsonElement body)
    {
        var errors = new List<string>();
        RejectUnknown(body, string.Empty, ["plusFriendId", "status", "saveDraftOnFailure", "details"], errors);

        string? plusFriendId = null;
        if (!body.TryGetProperty("plusFriendId", out var idElement) || idElement.ValueKind != JsonValueKind.String)
        {
            errors.Add("plusFriendId must be a string");
            errors.Add("plusFriendId must be longer than or equal to 1 characters");
        }
        else
        {
            plusFriendId = idElement.GetString()!;
            ValidatePlusFriendId(plusFriendId, errors);
        }

        bool submit = ParseStatus(body, defaultSubmit: true, errors, out _);
        bool saveDraft = ParseSaveDraft(body, nullIsAbsent: false, errors);
        var details = new DetailsPatch();
        if (TryGetDetails(body, required: true, errors, out var detailsElement))
        {
            details = ParseDetails(detailsElement, "details.", allowNullLogo: true, errors);
            if (submit)
            {
                RequireForSubmit(details, errors);
            }
        }

        ThrowIfAny(errors);
        return new CreateSenderInput(plusFriendId!, submit, saveDraft, details);
    }

    public static UpdateSenderInput ParseUpdate(JsonElement body)
    {
        var errors = new List<string>();
        RejectUnknown(body, string.Empty, ["status", "details"], errors);
        bool submit = ParseStatus(body, defaultSubmit: false, errors, out bool statusGiven);
        var details = new DetailsPatch();
        if (TryGetDetails(body, required: false, errors, out var detailsElement))
        {
            details = ParseDetails(detailsElement, "details.", allowNullLogo: true, errors);
        }

        ThrowIfAny(errors);
        return new UpdateSenderInput(submit, statusGiven, details);
    }

    /// <summary>Parses a details object (fields optional); the caller decides which fields a submission needs.</summary>
    public static DetailsPatch ParseDetails(JsonElement details, string prefix, bool allowNullLogo, List<string> errors)
    {
        RejectUnknown(details, prefix, DetailsPatch.FieldNames, errors);
        var patch = new DetailsPatch();
        foreach (var field in DetailsPatch.FieldNames)
        {
            if (!details.TryGetProperty(field, out var value))
            {
                continue;
            }

            string path = prefix + field;
            if (value.ValueKind == JsonValueKind.Null && field == DetailsPatch.LogoImage && allowNullLogo)
            {
                patch.Fields[field] = null;
                continue;
            }

            if (value.ValueKind != JsonValueKind.String)
            {
                errors.Add($"{path} must be a string");
                continue;
            }

            string text = value.GetString()!;
            if (ValidateField(field, path, text, errors))
            {
                patch.Fields[field] = text;
            }
        }

        return patch;
    }

    /// <summary>Adds an error per field a submission needs but the merged details lack.</summary>
    public static void RequireForSubmit(DetailsPatch details, List<string> errors)
    {
        foreach (var field in DetailsPatch.RequiredForSubmit)
        {
            if (!details.Fields.TryGetValue(field, out var value) || value is null)
            {
                errors.Add($"details.{field} should not be empty");
            }
        }
    }

    /// <summary>
    /// The verify body. The definition types <c>code</c> as a number, the guide posts it as a string
    /// (<c>{"code": "123456"}</c>): [emulator choice] both are accepted, a string only when it is all digits. Codes
    /// compare as numbers, so <c>"012345"</c> and <c>12345</c> are the same code.
    /// </summary>
    public static int ParseVerify(JsonElement body)
    {
        var errors = new List<string>();
        RejectUnknown(body, string.Empty, ["code"], errors);
        int code = 0;
        if (!body.TryGetProperty("code", out var codeElement) || !TryReadCode(codeElement, out code))
        {
            errors.Add("code must be a number conforming to the specified constraints");
        }

        ThrowIfAny(errors);
        return code;
    }

    private static bool TryReadCode(JsonElement element, out int code)
    {
        code = 0;
        if (element.ValueKind == JsonValueKind.String)
        {
            string text = element.GetString()!;
            return text.Length is > 0 and <= 9
                && text.All(char.IsAsciiDigit)
                && int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out code);
        }

        if (element.ValueKind != JsonValueKind.Number
            || !element.TryGetDouble(out double number)
            || number != Math.Floor(number)
            || number < 0
            || number > int.MaxValue)
        {
            return false;
        }

        code = (int)number;
        return true;
    }

    public static string ParseComment(JsonElement body)
    {
        var errors = new List<string>();
        RejectUnknown(body, string.Empty, ["comment"], errors);
        string? comment = null;
        if (!body.TryGetProperty("comment", out var element) || element.ValueKind != JsonValueKind.String)
        {
            errors.Add("comment must be a string");
        }
        else
        {
            comment = element.GetString()!;
            if (comment.Length < 1)
            {
                errors.Add("comment must be longer than or equal to 1 characters");
            }
            else if (comment.Length > CommentMaxLength)
            {
                errors.Add($"comment must be shorter than or equal to {CommentMaxLength} characters");
            }
        }

        ThrowIfAny(errors);
        return comment!;
    }

    public static void ValidatePlusFriendId(string plusFriendId, List<string> errors)
    {
        if (plusFriendId.Length < 1)
        {
            errors.Add("plusFriendId must be longer than or equal to 1 characters");
        }
        else if (plusFriendId.Length > PlusFriendIdMaxLength)
        {
            errors.Add($"plusFriendId must be shorter than or equal to {PlusFriendIdMaxLength} characters");
        }
        else if (plusFriendId.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '/' or '?' or '#' or '%' or '\\'))
        {
            // [emulator choice] the id is a path segment: characters that cannot round-trip in a URL are refused.
            errors.Add("plusFriendId must not contain whitespace, control characters or any of / ? # % \\");
        }
    }

    private static bool ValidateField(string field, string path, string text, List<string> errors)
    {
        int before = errors.Count;
        switch (field)
        {
            case DetailsPatch.AdminPhoneNo:
                Length(path, text, 1, PhoneMaxLength, errors);
                if (errors.Count == before && !PhonePattern().IsMatch(text))
                {
                    errors.Add($"{path} must be a valid phone number");
                }

                break;
            case DetailsPatch.Name:
                Length(path, text, 1, NameMaxLength, errors);
                break;
            case DetailsPatch.LogoImage:
                if (text.Length > UrlMaxLength
                    || !Uri.TryCreate(text, UriKind.Absolute, out var uri)
                    || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
                    || string.IsNullOrEmpty(uri.Host))
                {
                    errors.Add($"{path} must be a URL address");
                }

                break;
            default:
                // Category codes: any string is well-formed input; whether it exists is sender_invalid_category_code.
                if (text.Length > 16)
                {
                    errors.Add($"{path} must be shorter than or equal to 16 characters");
                }

                break;
        }

        return errors.Count == before;
    }

    // [emulator choice] E.164 (+ and 7..14 digits) or a national number starting with 0 (9..11 digits).
    [GeneratedRegex(@"^(\+[1-9][0-9]{6,13}|0[0-9]{8,10})$", RegexOptions.CultureInvariant)]
    private static partial Regex PhonePattern();
}
