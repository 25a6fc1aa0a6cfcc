using System.Text.Json;

namespace Kakao.Emulator.State;

/// <summary>
/// Recognises the emulator's own data file before anything is loaded from or written to it. A file that is not
/// recognisably ours — another program's JSON (a package.json), a fragment of ours (<c>{"projects": null}</c>),
/// an empty object — is refused with the reason, so the emulator never starts empty on it and overwrites it.
/// </summary>
internal static class StateFileFormat
{
    /// <summary>The value of the <c>format</c> member every data file carries (2: senders hold templates).</summary>
    public const string Marker = "kakao-emulator-state/2";

    /// <summary>
    /// Markers of older files this emulator still reads (and rewrites with <see cref="Marker"/>). An older emulator
    /// refuses a /2 file instead of dropping the templates it does not know.
    /// </summary>
    public static readonly IReadOnlyList<string> ReadableMarkers = ["kakao-emulator-state/1", Marker];

    // The members a data file written before the marker existed has (all of them, and no others).
    private static readonly string[] LegacyMembers = ["revision", "nextSequence", "projects", "tokens"];

    /// <summary>Why <paramref name="root"/> is not emulator state, or null when it is.</summary>
    public static string? Problem(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return $"its content is a JSON {root.ValueKind.ToString().ToLowerInvariant()}, not the emulator's state object";
        }

        var names = root.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (root.TryGetProperty("format", out var format))
        {
            if (format.ValueKind != JsonValueKind.String || !ReadableMarkers.Contains(format.GetString()))
            {
                return $"its \"format\" is not \"{Marker}\" (nor an older format this emulator reads: {string.Join(", ", ReadableMarkers.SkipLast(1))})";
            }
        }
        else if (!LegacyMembers.All(names.Contains) || names.Count != LegacyMembers.Length)
        {
            return $"it has no \"format\": \"{Marker}\" member (its members are: {Describe(names)})";
        }

        return Member(root, "projects", JsonValueKind.Object) ?? Member(root, "tokens", JsonValueKind.Array) ?? Projects(root.GetProperty("projects"));
    }

    private static string? Projects(JsonElement projects)
    {
        foreach (var project in projects.EnumerateObject())
        {
            if (project.Value.ValueKind != JsonValueKind.Object)
            {
                return $"project \"{project.Name}\" is not an object";
            }

            if (project.Value.TryGetProperty("senders", out var senders)
                && (senders.ValueKind != JsonValueKind.Object || senders.EnumerateObject().Any(s => s.Value.ValueKind != JsonValueKind.Object)))
            {
                return $"the senders of project \"{project.Name}\" are not a map of sender objects";
            }

            if (senders.ValueKind == JsonValueKind.Object)
            {
                foreach (var sender in senders.EnumerateObject())
                {
                    if (sender.Value.TryGetProperty("templates", out var templates)
                        && (templates.ValueKind != JsonValueKind.Object || templates.EnumerateObject().Any(t => t.Value.ValueKind != JsonValueKind.Object)))
                    {
                        return $"the templates of sender \"{sender.Name}\" in project \"{project.Name}\" are not a map of template objects";
                    }
                }
            }

            if (project.Value.TryGetProperty("webhooks", out var webhooks)
                && (webhooks.ValueKind != JsonValueKind.Array || webhooks.EnumerateArray().Any(w => w.ValueKind != JsonValueKind.Object)))
            {
                return $"the webhooks of project \"{project.Name}\" are not a list of webhook objects";
            }
        }

        return null;
    }

    private static string? Member(JsonElement root, string name, JsonValueKind kind) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == kind
            ? null
            : $"its \"{name}\" member is {(root.TryGetProperty(name, out var found) ? found.ValueKind.ToString().ToLowerInvariant() : "missing")}, not a JSON {kind.ToString().ToLowerInvariant()}";

    private static string Describe(IReadOnlyCollection<string> names) =>
        names.Count == 0 ? "none" : string.Join(", ", names.Take(8).Select(n => $"\"{(n.Length > 30 ? n[..30] + "…" : n)}\"")) + (names.Count > 8 ? ", …" : "");
}
