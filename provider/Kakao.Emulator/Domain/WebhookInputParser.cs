using System.Text.Json;
using Kakao.Emulator.Http;

namespace Kakao.Emulator.Domain;

/// <summary>The fields of a webhook body; null means "not given" (only PATCH may leave fields out).</summary>
internal sealed record WebhookInput(string? Target, string? Secret, IReadOnlyList<string>? Triggers);

/// <summary>
/// Validates webhook bodies as the definition does (kakaotalk-templates.md §8): <c>target</c> a URL of 1..742
/// characters, <c>secret</c> 1..128 characters, <c>triggers</c> at least one unique value of the enum. Every
/// problem is collected into one <c>400 invalid_input</c> in the API's class-validator wording.
/// </summary>
internal static class WebhookInputParser
{
    public const int MaxTargetLength = 742;
    public const int MaxSecretLength = 128;

    /// <summary>Parses a create or replace body (every field required) or a PATCH body (any subset).</summary>
    public static WebhookInput Parse(JsonElement body, bool partial)
    {
        var errors = new List<string>();
        foreach (var property in body.EnumerateObject())
        {
            if (property.Name is not ("target" or "secret" or "triggers"))
            {
                errors.Add($"property {property.Name} should not exist");
            }
        }

        string? target = ReadString(body, "target", MaxTargetLength, partial, errors);
        if (target is not null
            && (!Uri.TryCreate(target, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)))
        {
            errors.Add("target must be a URL address");
        }

        string? secret = ReadString(body, "secret", MaxSecretLength, partial, errors);
        var triggers = ReadTriggers(body, partial, errors);
        if (errors.Count > 0)
        {
            throw ApiException.InvalidInput(errors);
        }

        return new WebhookInput(target, secret, triggers);
    }

    private static string? ReadString(JsonElement body, string name, int maxLength, bool partial, List<string> errors)
    {
        if (!body.TryGetProperty(name, out var value) || (partial && value.ValueKind == JsonValueKind.Null))
        {
            if (!partial)
            {
                errors.Add($"{name} should not be empty");
                errors.Add($"{name} must be a string");
            }

            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            errors.Add($"{name} must be a string");
            return null;
        }

        string text = value.GetString()!;
        if (text.Length == 0)
        {
            errors.Add($"{name} should not be empty");
            return null;
        }

        if (text.Length > maxLength)
        {
            errors.Add($"{name} must be shorter than or equal to {maxLength} characters");
            return null;
        }

        return text;
    }

    private static List<string>? ReadTriggers(JsonElement body, bool partial, List<string> errors)
    {
        if (!body.TryGetProperty("triggers", out var value) || (partial && value.ValueKind == JsonValueKind.Null))
        {
            if (!partial)
            {
                errors.Add("triggers must contain at least 1 elements");
            }

            return null;
        }

        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() == 0)
        {
            errors.Add("triggers must contain at least 1 elements");
            return null;
        }

        var triggers = new List<string>();
        foreach (var item in value.EnumerateArray())
        {
            string? trigger = item.ValueKind == JsonValueKind.String ? item.GetString() : null;
            if (trigger is null || !SenderVocabulary.WebhookTriggers.Contains(trigger))
            {
                errors.Add($"each value in triggers must be one of the following values: {string.Join(", ", SenderVocabulary.WebhookTriggers)}");
                return null;
            }

            if (triggers.Contains(trigger))
            {
                errors.Add("All triggers's elements must be unique");
                return null;
            }

            triggers.Add(trigger);
        }

        return triggers;
    }
}
