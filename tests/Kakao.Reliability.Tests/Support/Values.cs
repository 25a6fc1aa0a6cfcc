using System.Text.Json.Nodes;
using Kakao.EngineHarness.Values;

namespace Kakao.Reliability.Tests.Support;

/// <summary>Small readers for harness values and emulator JSON.</summary>
internal static class Values
{
    /// <summary>The text of a (possibly secret) string output; null when absent, null or not a string.</summary>
    public static string? Text(this PropertyMap map, string key) =>
        map.GetOrDefault(key)?.Unsecret() is { Kind: PropertyValueKind.String } value ? value.StringValue : null;

    public static string? Text(this JsonNode? node, params string[] path)
    {
        foreach (var key in path)
        {
            node = node?[key];
        }

        return node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
    }
}
