using System.Text.RegularExpressions;

namespace Kakao.Provider.Resources.Sender;

/// <summary>
/// Format rules and normalisation of sender inputs (from the Provisioning API's constraints). Pure functions:
/// Check and Read share them so an imported sender shows no diff.
/// </summary>
internal static partial class SenderInputRules
{
    public const int PlusFriendIdMaxLength = 30;
    public const int NameMaxLength = 512;
    public const int PhoneMaxLength = 15;

    /// <summary>Longest accepted projectId (Sinch project ids are UUIDs).</summary>
    public const int ProjectIdMaxLength = 128;

    /// <summary>Normalises a text input, or returns a reason it is invalid (the value is never echoed for secrets).</summary>
    public static string? Normalize(string property, string value, out string? reason)
    {
        reason = null;
        switch (property)
        {
            case SenderProperties.PlusFriendId:
                var id = value.Trim();
                if (id.Length is 0 or > PlusFriendIdMaxLength || id.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
                {
                    reason = $"plusFriendId must be 1 to {PlusFriendIdMaxLength} characters without spaces or control characters (the KakaoTalk channel's search id, e.g. \"@sinch-demo\"); got {id.Length} characters";
                    return null;
                }

                return id;

            case SenderProperties.ProjectId:
                var project = value.Trim();
                if (project.Length == 0)
                {
                    reason = "projectId must not be empty; leave it out to use the provider's kakao:projectId";
                    return null;
                }

                // It becomes a URL path segment: bound it like the other identifiers.
                if (project.Length > ProjectIdMaxLength || project.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
                {
                    reason = $"projectId must be at most {ProjectIdMaxLength} characters without spaces or control characters (the Sinch project id); got {project.Length} characters";
                    return null;
                }

                return project;

            case SenderProperties.AdminPhoneNo:
                var phone = PhoneSeparators().Replace(value.Trim(), "");
                if (!PhonePattern().IsMatch(phone))
                {
                    reason = $"adminPhoneNo must be a phone number in international format: an optional '+' and 5 to 14 digits, at most {PhoneMaxLength} characters (spaces, dashes, dots and parentheses are removed), e.g. \"+48777777777\"";
                    return null;
                }

                return phone;

            case SenderProperties.Name:
                if (string.IsNullOrWhiteSpace(value) || value.Length > NameMaxLength)
                {
                    reason = $"name must be 1 to {NameMaxLength} characters and not blank; got {value.Length} characters";
                    return null;
                }

                return value;

            case SenderProperties.TopLevelCategoryCode:
                return Digits(property, value.Trim(), 3, "\"019\"", out reason);

            case SenderProperties.MidLevelCategoryCode:
                return Digits(property, value.Trim(), 4, "\"0006\"", out reason);

            case SenderProperties.SubLevelCategoryCode:
                return Digits(property, value.Trim(), 4, "\"0001\"", out reason);

            case SenderProperties.LogoImage:
                var url = value.Trim();
                if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
                {
                    reason = $"logoImage must be an absolute http(s) URL of a JPEG or PNG image (at most 5 MB), e.g. \"https://example.com/logo.png\"; got \"{url}\"";
                    return null;
                }

                return url;

            default:
                return value;
        }
    }

    private static string? Digits(string property, string value, int count, string example, out string? reason)
    {
        if (value.Length == count && value.All(char.IsAsciiDigit))
        {
            reason = null;
            return value;
        }

        reason = $"{property} must be exactly {count} digits, e.g. {example} (see the kakao:index:getSenderCategories function for valid codes); got \"{value}\"";
        return null;
    }

    [GeneratedRegex(@"[\s\-\.\(\)]")]
    private static partial Regex PhoneSeparators();

    [GeneratedRegex(@"^\+?[0-9]{5,14}$")]
    private static partial Regex PhonePattern();
}
