using System.Text.Json;
using Kakao.Emulator.Http;

namespace Kakao.Emulator.Domain;

/// <summary>
/// The class-validator checks the sender and template bodies share, worded as the API words them; the parsers
/// collect the messages and <see cref="ThrowIfAny"/> answers them together as <c>400 invalid_input</c>.
/// </summary>
internal static class ClassValidatorChecks
{
    /// <summary>The body's <c>status</c>: SUBMIT or DRAFT; absent or null gives the default.</summary>
    public static bool ParseStatus(JsonElement body, bool defaultSubmit, List<string> errors) =>
        ParseStatus(body, defaultSubmit, errors, out _);

    /// <summary>The body's <c>status</c>, and whether it was given at all (a PATCH without one keeps the sender's).</summary>
    public static bool ParseStatus(JsonElement body, bool defaultSubmit, List<string> errors, out bool given)
    {
        given = body.TryGetProperty("status", out var status) && status.ValueKind != JsonValueKind.Null;
        if (!given)
        {
            return defaultSubmit;
        }

        switch (status.ValueKind == JsonValueKind.String ? status.GetString() : null)
        {
            case "SUBMIT": return true;
            case "DRAFT": return false;
            default:
                errors.Add("status must be one of the following values: DRAFT, SUBMIT");
                return defaultSubmit;
        }
    }

    /// <summary>
    /// The body's <c>saveDraftOnFailure</c> (false when absent). <paramref name="nullIsAbsent"/>: the template DTO marks
    /// it optional, so null counts as absent; the sender DTO refuses null as not a boolean.
    /// </summary>
    public static bool ParseSaveDraft(JsonElement body, bool nullIsAbsent, List<string> errors)
    {
        if (!body.TryGetProperty("saveDraftOnFailure", out var save) || (nullIsAbsent && save.ValueKind == JsonValueKind.Null))
        {
            return false;
        }

        if (save.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return save.GetBoolean();
        }

        errors.Add("saveDraftOnFailure must be a boolean value");
        return false;
    }

    /// <summary>
    /// Finds the body's <c>details</c> object: on create it must be there (absent or null is refused), on update
    /// absent or null leaves the details alone; anything but an object is refused either way.
    /// </summary>
    public static bool TryGetDetails(JsonElement body, bool required, List<string> errors, out JsonElement details)
    {
        if (!body.TryGetProperty("details", out details) || details.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                errors.Add("details should not be null or undefined");
            }

            return false;
        }

        if (details.ValueKind != JsonValueKind.Object)
        {
            errors.Add("nested property details must be either object or array");
            return false;
        }

        return true;
    }

    /// <summary>Refuses every property of <paramref name="element"/> not in <paramref name="known"/> (forbidNonWhitelisted).</summary>
    public static void RejectUnknown(JsonElement element, string prefix, IReadOnlyList<string> known, List<string> errors)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (!known.Contains(property.Name))
            {
                errors.Add($"property {prefix}{property.Name} should not exist");
            }
        }
    }

    /// <summary>class-validator's Length(min, max), naming the bound that was crossed.</summary>
    public static void Length(string path, string text, int min, int max, List<string> errors)
    {
        if (text.Length < min)
        {
            errors.Add($"{path} must be longer than or equal to {min} characters");
        }
        else if (text.Length > max)
        {
            errors.Add($"{path} must be shorter than or equal to {max} characters");
        }
    }

    /// <summary>Answers every collected message at once as <c>400 invalid_input</c>.</summary>
    public static void ThrowIfAny(List<string> errors)
    {
        if (errors.Count > 0)
        {
            throw ApiException.InvalidInput(errors);
        }
    }
}
