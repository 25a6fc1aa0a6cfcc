using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Kakao.TestData;

namespace Kakao.Emulator.Tests.Support;

/// <summary>
/// The facts file's schemas turned into JSON Schema (2020-12): 'ref' becomes $ref into $defs, min/max become
/// minimum/maximum, nullable adds "null", non-standard formats are dropped, and objects refuse properties the
/// facts do not list (so a misnamed field in the emulator fails here). oneOf becomes anyOf because the facts'
/// changes.details alternatives overlap (a full details object matches both).
/// </summary>
internal static class FactsSchemas
{
    private static readonly Lazy<JsonObject> Facts = new(() =>
        JsonNode.Parse(File.ReadAllText(FactsPath()))!.AsObject());

    private static readonly Lazy<JsonObject> Defs = new(() =>
    {
        var defs = new JsonObject();
        foreach (var (name, schema) in Facts.Value["schemas"]!.AsObject())
        {
            defs[name] = Convert(schema!);
        }

        return defs;
    });

    private static readonly Dictionary<string, JsonSchema> Cache = new(StringComparer.Ordinal);

    /// <summary>The facts file, kept in the repository (tests/TestData/sinch, see tests/TestData/README.md).</summary>
    public static string FactsPath() => TestDataFiles.SinchOpenApiFacts;

    /// <summary>The facts file's error table entry for a code.</summary>
    public static JsonObject Error(string errorCode) => Facts.Value["errors"]![errorCode]!.AsObject();

    /// <summary>The facts file's example sender category tree.</summary>
    public static JsonObject Example(string name) => Facts.Value["examples"]![name]!.AsObject();

    /// <summary>Validates a JSON value against a named facts schema; returns the failures (empty when valid).</summary>
    public static IReadOnlyList<string> Validate(JsonNode? instance, string schemaName)
    {
        JsonSchema schema;
        lock (Cache)
        {
            if (!Cache.TryGetValue(schemaName, out schema!))
            {
                var root = new JsonObject
                {
                    ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
                    ["$id"] = $"https://facts.kakaopulumi.test/{schemaName}",
                    ["$defs"] = Defs.Value.DeepClone(),
                    ["$ref"] = $"#/$defs/{schemaName}",
                };
                schema = JsonSchema.FromText(root.ToJsonString());
                Cache[schemaName] = schema;
            }
        }

        var result = schema.Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid)
        {
            return [];
        }

        return (result.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"))
            .DefaultIfEmpty("invalid")
            .ToArray();
    }

    private static JsonNode Convert(JsonNode facts)
    {
        var source = facts.AsObject();
        if (source["ref"] is { } reference)
        {
            return new JsonObject { ["$ref"] = $"#/$defs/{reference.GetValue<string>()}" };
        }

        var result = new JsonObject();
        foreach (var (key, value) in source)
        {
            switch (key)
            {
                case "type":
                    result["type"] = source["nullable"]?.GetValue<bool>() == true
                        ? new JsonArray(value!.GetValue<string>(), "null")
                        : value!.DeepClone();
                    break;
                case "min": result["minimum"] = value!.DeepClone(); break;
                case "max": result["maximum"] = value!.DeepClone(); break;
                case "minLength" or "maxLength" or "enum" or "const" or "required":
                    result[key] = value!.DeepClone();
                    break;
                case "properties":
                    var properties = new JsonObject();
                    foreach (var (name, property) in value!.AsObject())
                    {
                        properties[name] = Convert(property!);
                    }

                    result["properties"] = properties;
                    break;
                case "items" or "additionalProperties":
                    result[key] = Convert(value!);
                    break;
                case "oneOf":
                    result["anyOf"] = new JsonArray(value!.AsArray().Select(v => (JsonNode?)Convert(v!)).ToArray());
                    break;
                default:
                    break; // format, default, nullable, descriptions: annotations only
            }
        }

        if (result["properties"] is not null && result["additionalProperties"] is null)
        {
            result["additionalProperties"] = false;
        }

        return result;
    }
}
