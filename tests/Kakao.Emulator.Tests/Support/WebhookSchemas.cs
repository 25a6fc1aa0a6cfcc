using System.Text.Json.Nodes;
using Json.Schema;

namespace Kakao.Emulator.Tests.Support;

/// <summary>
/// The webhook schemas, error texts and trigger enum of <c>tests/TestData/sinch/webhook-schemas.json</c> (written
/// from the md facts: the JSON facts file has no webhook schemas). Read from the repository itself, so a fresh
/// clone runs these tests.
/// </summary>
internal static class WebhookSchemas
{
    private static readonly Lazy<JsonObject> File_ = new(() => JsonNode.Parse(File.ReadAllText(FilePath()))!.AsObject());

    private static readonly Dictionary<string, JsonSchema> Cache = new(StringComparer.Ordinal);

    public static string FilePath() => Path.Combine(Kakao.Testing.RepositoryRoot.Find(), "tests", "TestData", "sinch", "webhook-schemas.json");

    /// <summary>The error table entry (status, message, resolution) of a webhook error code.</summary>
    public static JsonObject Error(string errorCode) => File_.Value["errors"]![errorCode]!.AsObject();

    /// <summary>The trigger values the facts name.</summary>
    public static IReadOnlyList<string> Triggers() =>
        File_.Value["triggers"]!["enum"]!.AsArray().Select(t => t!.GetValue<string>()).ToArray();

    /// <summary>Validates a value against a named schema of the file; returns the failures (empty when valid).</summary>
    public static IReadOnlyList<string> Validate(JsonNode? instance, string schemaName)
    {
        JsonSchema schema;
        lock (Cache)
        {
            if (!Cache.TryGetValue(schemaName, out schema!))
            {
                var root = File_.Value["schemas"]!.DeepClone().AsObject();
                root["$id"] = $"https://facts.kakaopulumi.test/webhooks/{schemaName}";
                root["$ref"] = $"#/$defs/{schemaName}";
                schema = JsonSchema.FromText(root.ToJsonString());
                Cache[schemaName] = schema;
            }
        }

        var result = schema.Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return result.IsValid
            ? []
            : (result.Details ?? [])
                .Where(d => d.Errors is { Count: > 0 })
                .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"))
                .DefaultIfEmpty("invalid")
                .ToArray();
    }

    /// <summary>Asserts the status and that the body validates against the named schema; returns the body.</summary>
    public static async Task<JsonNode> SucceedsAsync(HttpResponseMessage response, int status, string schemaName)
    {
        string text = await response.Content.ReadAsStringAsync();
        Assert.That((int)response.StatusCode, Is.EqualTo(status), text);
        var body = JsonNode.Parse(text);
        Assert.That(Validate(body, schemaName), Is.Empty, $"{schemaName}: {text}");
        return body!;
    }

    /// <summary>
    /// Asserts a webhook error: status and texts of the file's error table, and the error schema. Returns the body.
    /// </summary>
    public static async Task<JsonObject> FailsAsync(HttpResponseMessage response, string errorCode)
    {
        string text = await response.Content.ReadAsStringAsync();
        var expected = Error(errorCode);
        Assert.That((int)response.StatusCode, Is.EqualTo(expected["status"]!.GetValue<int>()), text);
        var body = JsonNode.Parse(text)!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(Validate(body, "ErrorDto"), Is.Empty, text);
            Assert.That(body["errorCode"]?.GetValue<string>(), Is.EqualTo(errorCode), text);
            Assert.That(body["message"]?.GetValue<string>(), Is.EqualTo(expected["message"]!.GetValue<string>()));
            Assert.That(body["resolution"]?.GetValue<string>(), Is.EqualTo(expected["resolution"]!.GetValue<string>()));
        });
        return body;
    }
}
