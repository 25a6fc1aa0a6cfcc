using Kakao.Provisioning.Models;

namespace Kakao.Provisioning.Internal;

/// <summary>
/// Checks done before anything is sent, so bad input fails fast with an <see cref="ArgumentException"/> naming
/// the parameter instead of a round trip. Limits follow the OpenAPI facts. Values are never echoed back for the
/// personal fields (phone number) and one-time codes.
/// </summary>
internal static class InputChecks
{
    public const int PlusFriendIdMaxLength = 30;
    public const int PhoneMaxLength = 15;
    public const int NameMaxLength = 512;
    public const int CommentMaxLength = 65535;
    public const int MaxOtpCode = 999_999;

    public static void PlusFriendId(string? value, string paramName)
    {
        ArgumentNullException.ThrowIfNull(value, paramName);
        if (value.Length is 0 or > PlusFriendIdMaxLength || string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"plusFriendId must be 1..{PlusFriendIdMaxLength} characters (got {value.Length}).", paramName);
        }

        if (value.Any(char.IsControl))
        {
            throw new ArgumentException("plusFriendId must not contain control characters.", paramName);
        }

        ApiPaths.RequireSegment(value, paramName);
    }

    public static void ProjectId(string? value, string paramName)
    {
        ArgumentNullException.ThrowIfNull(value, paramName);
        if (string.IsNullOrWhiteSpace(value) || value.Any(char.IsControl))
        {
            throw new ArgumentException("projectId must be non-empty text without control characters.", paramName);
        }

        ApiPaths.RequireSegment(value, paramName);
    }

    public static void NonEmptyId(string? value, string paramName)
    {
        ArgumentNullException.ThrowIfNull(value, paramName);
        if (string.IsNullOrWhiteSpace(value) || value.Any(char.IsControl))
        {
            throw new ArgumentException("The id must be non-empty text without control characters.", paramName);
        }

        ApiPaths.RequireSegment(value, paramName);
    }

    public static void Details(SenderDetails? details, bool requireAll, string paramName)
    {
        if (details is null)
        {
            if (requireAll)
            {
                throw new ArgumentNullException(paramName, "Details are required when submitting.");
            }

            return;
        }

        Required(details.AdminPhoneNo, requireAll, paramName + ".AdminPhoneNo");
        Required(details.Name, requireAll, paramName + ".Name");
        Required(details.TopLevelCategoryCode, requireAll, paramName + ".TopLevelCategoryCode");
        Required(details.MidLevelCategoryCode, requireAll, paramName + ".MidLevelCategoryCode");
        Required(details.SubLevelCategoryCode, requireAll, paramName + ".SubLevelCategoryCode");

        if (details.AdminPhoneNo is { } phone && !IsPhoneNumber(phone))
        {
            // The number itself is personal data: say what is wrong, not what it was.
            throw new ArgumentException($"adminPhoneNo must be '+' (optional) followed by digits, at most {PhoneMaxLength} characters.", paramName + ".AdminPhoneNo");
        }

        if (details.Name is { } name && (name.Length is 0 or > NameMaxLength || string.IsNullOrWhiteSpace(name)))
        {
            throw new ArgumentException($"name must be 1..{NameMaxLength} characters (got {name.Length}).", paramName + ".Name");
        }

        CategoryCode(details.TopLevelCategoryCode, 3, paramName + ".TopLevelCategoryCode");
        CategoryCode(details.MidLevelCategoryCode, 4, paramName + ".MidLevelCategoryCode");
        CategoryCode(details.SubLevelCategoryCode, 4, paramName + ".SubLevelCategoryCode");
        if (details.LogoImage is { } logo)
        {
            HttpUrl(logo, "logoImage", paramName + ".LogoImage");
        }
    }

    public static void Comment(string? value, string paramName)
    {
        ArgumentNullException.ThrowIfNull(value, paramName);
        if (value.Length is 0 or > CommentMaxLength || string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"comment must be 1..{CommentMaxLength} characters (got {value.Length}).", paramName);
        }
    }

    public static void OtpCode(int code, string paramName)
    {
        if (code is < 0 or > MaxOtpCode)
        {
            // Never include the code itself.
            throw new ArgumentOutOfRangeException(paramName, "The verification code must be a 6-digit number (0..999999).");
        }
    }

    public static void PageSize(int? pageSize, string paramName)
    {
        if (pageSize is < 1 or > 100)
        {
            throw new ArgumentOutOfRangeException(paramName, pageSize, "pageSize must be 1..100.");
        }
    }

    public static void HttpUrl(string value, string what, string paramName)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"{what} must be an absolute http(s) URL.", paramName);
        }
    }

    public static bool IsPhoneNumber(string value)
    {
        if (value.Length is 0 or > PhoneMaxLength)
        {
            return false;
        }

        var digits = value[0] == '+' ? value.AsSpan(1) : value.AsSpan();
        if (digits.IsEmpty)
        {
            return false;
        }

        foreach (var c in digits)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static void Required(string? value, bool required, string paramName)
    {
        if (required && value is null)
        {
            throw new ArgumentNullException(paramName, "Required when the sender is submitted for review.");
        }
    }

    private static void CategoryCode(string? value, int digits, string paramName)
    {
        if (value is null)
        {
            return;
        }

        if (value.Length != digits || !value.All(char.IsAsciiDigit))
        {
            throw new ArgumentException($"The category code must be exactly {digits} digits (got '{Printable(value)}').", paramName);
        }
    }

    private static string Printable(string value) =>
        value.Length > 20 ? string.Concat(value.AsSpan(0, 20), "…") : new string(value.Where(c => !char.IsControl(c)).ToArray());
}
