using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Kakao.Emulator.Json;
using Kakao.Emulator.Serialization;
using Microsoft.AspNetCore.WebUtilities;

namespace Kakao.Emulator.Control;

/// <summary>
/// Renders request bodies for the request log with every secret replaced by "***": key secrets, tokens,
/// webhook secrets, OTP codes and the admin phone number (personal data). Bodies that cannot be parsed are
/// not shown at all — only their size.
/// </summary>
internal static partial class Redaction
{
    public const string Mask = "***";

    private static readonly HashSet<string> SecretNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "secret", "keySecret", "client_secret", "clientSecret", "password", "code", "adminPhoneNo",
        "access_token", "accessToken", "token", "refresh_token",
    };

    public static string? Render(byte[] body, string? contentType, bool truncated)
    {
        if (body.Length == 0)
        {
            return null;
        }

        if (truncated)
        {
            return Hidden(body.Length, truncated);
        }

        try
        {
            if (JsonNode.Parse(body) is { } node && node is JsonObject or JsonArray)
            {
                RedactNode(node);
                return node.ToJsonString(EmulatorJson.Options);
            }
        }
        catch (JsonException)
        {
            // not JSON: maybe a form
        }
        catch (ArgumentException)
        {
            // Duplicate property names: JsonObject refuses them when walked. The body cannot be shown safely.
            return Hidden(body.Length, truncated);
        }

        if (contentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true)
        {
            var form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body));

            // Only plain field names are shown: anything else may be a mangled JSON body carrying a secret.
            if (form.Keys.All(k => FormFieldName().IsMatch(k)))
            {
                return string.Join('&', form.Select(p => $"{p.Key}={(SecretNames.Contains(p.Key) ? Mask : p.Value.ToString())}"));
            }
        }

        return Hidden(body.Length, truncated);
    }

    private static string Hidden(int length, bool truncated) =>
        $"({length}{(truncated ? "+" : string.Empty)} bytes, not shown)";

    private static void RedactNode(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var name in obj.Select(p => p.Key).ToArray())
                {
                    if (SecretNames.Contains(name))
                    {
                        obj[name] = Mask;
                    }
                    else if (obj[name] is { } child)
                    {
                        RedactNode(child);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    if (item is not null)
                    {
                        RedactNode(item);
                    }
                }

                break;
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex FormFieldName();
}
