using System.Collections.Generic;
using System.Linq;

namespace Kakao.Provider.Generators;

/// <summary>Writes the package schema (Pulumi's schema.json) from the declarations and their records.</summary>
internal sealed class SchemaEmitter(IReadOnlyDictionary<string, RecordModel> records, IReadOnlyList<EnumModel> enums)
{
    private enum Place
    {
        ResourceInput,
        ResourceOutput,
        FunctionInput,
        FunctionOutput,
        ObjectType,
        Config,
    }

    public string Write(DeclarationModel package, IEnumerable<DeclarationModel> resources, IEnumerable<DeclarationModel> functions)
    {
        string? Fact(string name) => package.Facts.FirstOrDefault(f => f.Name == name) is { } fact ? string.Join("", fact.Values) : null;
        IEnumerable<string> Facts(string name) => package.Facts.FirstOrDefault(f => f.Name == name)?.Values ?? Enumerable.Empty<string>();

        var config = package.Records[0];
        var variables = Properties(config.Properties, Place.Config);
        var providerOutputs = Properties(config.Properties.Where(p => !p.Secret && p.Type.Kind == WireKind.String), Place.Config);

        var types = new JsonObject();
        var typeEntries = new List<KeyValuePair<string, JsonNode>>();
        foreach (var record in records.Values.Where(r => r.Token is not null))
        {
            typeEntries.Add(new(record.Token!, new JsonObject()
                .Add("description", record.Description ?? "")
                .Add("type", "object")
                .Add("properties", Properties(record.Properties, Place.ObjectType))
                .Add("required", Required(record.Properties.Where(p => !p.Nullable).Select(p => p.WireName)))));
        }

        foreach (var enumType in enums)
        {
            typeEntries.Add(new(enumType.Token, new JsonObject()
                .Add("description", enumType.Description)
                .Add("type", "string")
                .Add("enum", new JsonArray(enumType.Members.Select(m => (JsonNode)new JsonObject()
                    .Add("name", m.ClrName)
                    .Add("description", m.Description)
                    .Add("value", m.Value))))));
        }

        foreach (var entry in typeEntries.OrderBy(e => e.Key, System.StringComparer.Ordinal))
        {
            types.Add(entry.Key, entry.Value);
        }

        var resourceMap = new JsonObject();
        foreach (var resource in resources.OrderBy(r => r.Token, System.StringComparer.Ordinal))
        {
            var inputs = records[resource.InputsType!].Properties;
            var outputs = records[resource.OutputsType!].Properties;
            resourceMap.Add(resource.Token, new JsonObject()
                .Add("description", resource.Description)
                .Add("inputProperties", Properties(inputs, Place.ResourceInput))
                .Add("requiredInputs", Required(inputs.Where(p => p.Required).Select(p => p.WireName)))
                .Add("properties", Properties(outputs, Place.ResourceOutput))
                .Add("required", Required(outputs.Where(p => !p.Nullable || p.OutputRequired).Select(p => p.WireName))));
        }

        var functionMap = new JsonObject();
        foreach (var function in functions.OrderBy(f => f.Token, System.StringComparer.Ordinal))
        {
            var args = records[function.InputsType!].Properties;
            var result = records[function.OutputsType!].Properties;
            var requiredResult = function.RequiredOutputs.Count > 0
                ? function.RequiredOutputs
                : result.Where(p => !p.Nullable).Select(p => p.WireName);
            functionMap.Add(function.Token, new JsonObject()
                .Add("description", function.Description)
                .Add("inputs", new JsonObject()
                    .Add("type", "object")
                    .Add("properties", Properties(args, Place.FunctionInput))
                    .Add("required", Required(args.Where(p => p.Required).Select(p => p.WireName))))
                .Add("outputs", new JsonObject()
                    .Add("type", "object")
                    .Add("properties", Properties(result, Place.FunctionOutput))
                    .Add("required", Required(requiredResult))));
        }

        var packageReferences = new JsonObject();
        foreach (var reference in Facts("CSharpPackageReferences"))
        {
            var parts = reference.Split('=');
            packageReferences.Add(parts[0], parts.Length > 1 ? parts[1] : "*");
        }

        var schema = new JsonObject()
            .Add("name", package.Token)
            .Add("displayName", Fact("DisplayName"))
            .Add("description", Fact("Description"))
            .Add("keywords", JsonArray.Strings(Facts("Keywords")))
            .Add("homepage", Fact("Homepage"))
            .Add("repository", Fact("Repository"))
            .Add("license", Fact("License"))
            .Add("publisher", Fact("Publisher"))
            .Add("pluginDownloadURL", Fact("PluginDownloadUrl"))
            .Add("config", new JsonObject().Add("variables", variables))
            .Add("provider", new JsonObject()
                .Add("description", Fact("ProviderDescription"))
                .Add("inputProperties", Properties(config.Properties, Place.Config))
                .Add("properties", providerOutputs))
            .Add("types", types)
            .Add("resources", resourceMap)
            .Add("functions", functionMap)
            .Add("language", new JsonObject().Add("csharp", new JsonObject()
                .Add("rootNamespace", Fact("CSharpRootNamespace"))
                .Add("namespaces", new JsonObject().Add(package.Token, Fact("CSharpNamespace")))
                .Add("packageReferences", packageReferences)
                .Flag("respectSchemaVersion", true)));
        return schema.ToString();
    }

    private static JsonArray? Required(IEnumerable<string> names)
    {
        var array = JsonArray.Strings(names);
        return array.Count == 0 ? null : array;
    }

    private static JsonObject Properties(IEnumerable<PropertyModel> properties, Place place)
    {
        var result = new JsonObject();
        foreach (var property in properties)
        {
            var spec = new JsonObject();
            Type(spec, property.Type);
            if (place == Place.ResourceInput && property.DefaultJson is { } value)
            {
                spec.Add("default", new JsonLiteral(value));
            }

            var outputSide = place is Place.ResourceOutput or Place.FunctionOutput;
            spec.Add("description", Describe(outputSide ? property.OutputDescription ?? property.Description : property.Description, property.Example))
                .Flag("secret", property.Secret)
                .Flag("replaceOnChanges", property.ReplaceOnChanges && place is Place.ResourceInput or Place.ResourceOutput);
            if (place == Place.Config && property.Environment is { } environment)
            {
                spec.Add("defaultInfo", new JsonObject().Add("environment", JsonArray.Strings([environment])));
            }

            result.Add(property.WireName, spec);
        }

        return result;
    }

    private static void Type(JsonObject spec, TypeModel type)
    {
        switch (type.Kind)
        {
            case WireKind.Enum:
            case WireKind.Object:
                spec.Add("$ref", "#/types/" + type.Token);
                break;
            case WireKind.Array:
                spec.Add("type", "array");
                var items = new JsonObject();
                Type(items, type.Items!);
                spec.Add("items", items);
                break;
            default:
                spec.Add("type", type.Kind switch
                {
                    WireKind.Bool => "boolean",
                    WireKind.Integer => "integer",
                    WireKind.Number => "number",
                    _ => "string",
                });
                break;
        }
    }

    private static string Describe(string description, string? example) => example is null
        ? description
        : description + "\n\nExample: " + (example.IndexOf('`') >= 0 ? example : "`" + example + "`");
}
