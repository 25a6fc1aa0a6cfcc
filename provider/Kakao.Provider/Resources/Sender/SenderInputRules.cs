using System.Text.RegularExpressions;
using Kakao.Provider.Models;
using Kakao.Provider.Typed;
using Kakao.Provisioning;

namespace Kakao.Provider.Resources.Sender;

/// <summary>
/// Format rules, upper bounds and normalisation of sender inputs (from the Provisioning API's constraints, and
/// ours where the API states none). Pure functions: Check and Read share them so an imported sender shows no
/// diff. A reason never quotes a value that arrived as a secret (<see cref="Quote"/> is the one place values
/// are quoted).
/// </summary>
internal static partial class SenderInputRules
{
    public const int PlusFriendIdMaxLength = 30;
    public const int NameMaxLength = 512;
    public const int PhoneMaxLength = PhoneNumberRule.MaxLength;

    /// <summary>Longest accepted projectId (Sinch project ids are UUIDs).</summary>
    public const int ProjectIdMaxLength = 128;

    /// <summary>Longest accepted logoImage URL (the API states no limit; 2 048 is what browsers and proxies reliably carry).</summary>
    public const int LogoImageMaxLength = 2048;

    /// <summary>Longest raw adminPhoneNo before separators are removed (room for "+82 (10) 1234-5678" styles).</summary>
    public const int PhoneRawMaxLength = 32;

    /// <summary>The upper bound of each text input, in characters, after trimming (documented in the schema).</summary>
    public static IReadOnlyDictionary<string, int> MaxLengths { get; } = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        [SenderInputs.WireNames.PlusFriendId] = PlusFriendIdMaxLength,
        [SenderInputs.WireNames.ProjectId] = ProjectIdMaxLength,
        [SenderInputs.WireNames.AdminPhoneNo] = PhoneMaxLength,
        [SenderInputs.WireNames.Name] = NameMaxLength,
        [SenderInputs.WireNames.TopLevelCategoryCode] = 3,
        [SenderInputs.WireNames.MidLevelCategoryCode] = 4,
        [SenderInputs.WireNames.SubLevelCategoryCode] = 4,
        [SenderInputs.WireNames.LogoImage] = LogoImageMaxLength,
    };

    /// <summary>Normalises a text input that is not secret, or returns a reason it is invalid.</summary>
    public static string? Normalize(string property, string value, out string? reason) => Normalize(property, value, secret: false, out reason);

    /// <summary>Normalises a text input, or returns a reason it is invalid (quoting the value only when it is not secret).</summary>
    public static string? Normalize(string property, string value, bool secret, out string? reason)
    {
        reason = null;
        switch (property)
        {
            case SenderInputs.WireNames.PlusFriendId:
                var id = value.Trim();
                if (id.Length is 0 or > PlusFriendIdMaxLength || id.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
                {
                    reason = $"plusFriendId must be 1 to {PlusFriendIdMaxLength} characters without spaces or control characters (the KakaoTalk channel's search id, e.g. \"@sinch-demo\"); got {id.Length} characters";
                    return null;
                }

                if (PathSegment.Problem(id) is { } idProblem)
                {
                    reason = $"plusFriendId {idProblem} (it is the sender's id in the API's URLs)";
                    return null;
                }

                return id;

            case SenderInputs.WireNames.ProjectId:
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

                if (PathSegment.Problem(project) is { } projectProblem)
                {
                    reason = $"projectId {projectProblem} (it is a segment of the API's URLs)";
                    return null;
                }

                return project;

            case SenderInputs.WireNames.AdminPhoneNo:
                // Personal data: whatever its secrecy, the number is never quoted.
                const string phoneRule = "adminPhoneNo must be a phone number in E.164 international format: '+', the country calling code and the number, at most 15 characters (spaces, dashes, dots and parentheses are removed), e.g. \"+48777777777\" or \"+821012345678\"";
                if (value.Length > PhoneRawMaxLength)
                {
                    reason = $"{phoneRule}; got {value.Length} characters";
                    return null;
                }

                var phone = PhoneSeparators().Replace(value.Trim(), "");
                if (PhoneNumberRule.Problem(phone) is { } phoneProblem)
                {
                    reason = $"{phoneRule}; the value given {phoneProblem}";
                    return null;
                }

                return phone;

            case SenderInputs.WireNames.Name:
                if (string.IsNullOrWhiteSpace(value) || value.Length > NameMaxLength)
                {
                    reason = $"name must be 1 to {NameMaxLength} characters and not blank; got {value.Length} characters";
                    return null;
                }

                return value;

            case SenderInputs.WireNames.TopLevelCategoryCode:
                return Digits(property, value.Trim(), 3, "\"019\"", secret, out reason);

            case SenderInputs.WireNames.MidLevelCategoryCode:
                return Digits(property, value.Trim(), 4, "\"0006\"", secret, out reason);

            case SenderInputs.WireNames.SubLevelCategoryCode:
                return Digits(property, value.Trim(), 4, "\"0001\"", secret, out reason);

            case SenderInputs.WireNames.LogoImage:
                var url = value.Trim();
                if (url.Length > LogoImageMaxLength)
                {
                    reason = $"logoImage must be a URL of at most {LogoImageMaxLength} characters (the image itself is fetched by Sinch: JPEG or PNG, at most 5 MB); got {url.Length} characters";
                    return null;
                }

                if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
                {
                    reason = $"logoImage must be an absolute http(s) URL of a JPEG or PNG image (at most 5 MB), e.g. \"https://example.com/logo.png\"; got {Quote(url, secret)}";
                    return null;
                }

                return url;

            default:
                return value;
        }
    }

    /// <summary>
    /// Throws <see cref="InvalidInputException"/> unless <paramref name="id"/> (a sender's id, i.e. its
    /// plusFriendId, from Read, Delete or Update) and <paramref name="projectId"/> (from the old state) can be
    /// addressed: a hand-edited state or an SDK bug must not reach another URL.
    /// </summary>
    public static void RequireAddressable(string id, string? projectId)
    {
        var problems = new List<string>();
        if (Normalize(SenderInputs.WireNames.PlusFriendId, id, out var idReason) is null)
        {
            problems.Add($"The sender id is its plusFriendId, e.g. \"@sinch-demo\": {idReason}");
        }

        if (projectId is not null && Normalize(SenderInputs.WireNames.ProjectId, projectId, out var projectReason) is null)
        {
            problems.Add(projectReason!);
        }

        if (problems.Count > 0)
        {
            throw new InvalidInputException(string.Join("; ", problems));
        }
    }

    /// <summary>A value for a message: quoted (and shortened) when it may be shown, described when it is secret.</summary>
    public static string Quote(string value, bool secret) => InputCheck.Quote(value, secret);

    private static string? Digits(string property, string value, int count, string example, bool secret, out string? reason)
    {
        if (value.Length == count && value.All(char.IsAsciiDigit))
        {
            reason = null;
            return value;
        }

        reason = $"{property} must be exactly {count} digits, e.g. {example} (see the kakao:index:getSenderCategories function for valid codes); got {Quote(value, secret)}";
        return null;
    }

    [GeneratedRegex(@"[\s\-\.\(\)]")]
    private static partial Regex PhoneSeparators();
}
