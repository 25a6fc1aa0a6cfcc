using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kakao.Verification.Pulumi;

/// <summary>
/// Reads property values of a checkpoint that may be secrets. Pulumi wraps a secret as an object carrying the
/// signature key <see cref="SignatureKey"/> plus either <c>ciphertext</c> (default export) or <c>plaintext</c>
/// (a JSON-encoded value, with <c>--show-secrets</c>).
/// </summary>
public static class PulumiSecrets
{
    /// <summary>The special key marking a secret value in a checkpoint.</summary>
    public const string SignatureKey = "4dabf18193072939515e22adb298388d";

    /// <summary>The signature value of a secret.</summary>
    public const string SecretSignature = "1b47061264138c4ac30d75fd1eb44270";

    /// <summary>Reads a string property, unwrapping a plaintext secret.</summary>
    /// <param name="node">The property value.</param>
    /// <returns>The text (null when absent, not a string, or still encrypted) and whether it was a secret.</returns>
    public static (string? Value, bool IsSecret, bool IsEncrypted) ReadString(JsonNode? node)
    {
        if (node is JsonValue value)
        {
            return (value.TryGetValue<string>(out var text) ? text : value.ToJsonString(), false, false);
        }

        if (node is not JsonObject obj || obj[SignatureKey] is not JsonValue signature
            || !signature.TryGetValue<string>(out var sig) || sig != SecretSignature)
        {
            return (null, false, false);
        }

        if (obj["plaintext"] is JsonValue plain && plain.TryGetValue<string>(out var encoded))
        {
            try
            {
                return (JsonNode.Parse(encoded) is JsonValue inner && inner.TryGetValue<string>(out var decoded) ? decoded : encoded, true, false);
            }
            catch (JsonException)
            {
                return (encoded, true, false);
            }
        }

        return (null, true, obj.ContainsKey("ciphertext"));
    }
}
