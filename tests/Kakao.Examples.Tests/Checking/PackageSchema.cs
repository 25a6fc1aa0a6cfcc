using System.Text.Json;

namespace Kakao.Examples.Tests.Checking;

/// <summary>Input and output property names of one resource or function in a package schema.</summary>
internal sealed record MemberShape(IReadOnlySet<string> Inputs, IReadOnlySet<string> Outputs);

/// <summary>
/// The parts of a Pulumi package schema (schema.json) that programs refer to by name: resource and function
/// tokens, their input and output properties, provider inputs and config variables.
/// </summary>
internal sealed class PackageSchema
{
    private PackageSchema(
        string name,
        IReadOnlyDictionary<string, MemberShape> resources,
        IReadOnlyDictionary<string, MemberShape> functions,
        IReadOnlySet<string> providerInputs,
        IReadOnlySet<string> configVariables)
    {
        Name = name;
        Resources = resources;
        Functions = functions;
        ProviderInputs = providerInputs;
        ConfigVariables = configVariables;
    }

    /// <summary>The package name, the first part of every token (<c>kakao</c>).</summary>
    public string Name { get; }

    public IReadOnlyDictionary<string, MemberShape> Resources { get; }

    public IReadOnlyDictionary<string, MemberShape> Functions { get; }

    public IReadOnlySet<string> ProviderInputs { get; }

    public IReadOnlySet<string> ConfigVariables { get; }

    /// <summary>The token of this package's provider resource, e.g. <c>pulumi:providers:kakao</c>.</summary>
    public string ProviderToken => "pulumi:providers:" + Name;

    /// <summary>Reads a schema file, failing with a message that says which file is missing and why it matters.</summary>
    public static PackageSchema Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"The package schema '{path}' does not exist. The plugin checks its schema in at " +
                "provider/Kakao.Provider/schema.json; examples and workflows are checked against it.", path);
        }

        return Parse(File.ReadAllText(path));
    }

    public static PackageSchema Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var name = root.TryGetProperty("name", out var nameElement) ? nameElement.GetString() : null;
        if (string.IsNullOrEmpty(name))
        {
            throw new InvalidDataException("The package schema has no 'name'.");
        }

        var resources = new Dictionary<string, MemberShape>(StringComparer.Ordinal);
        foreach (var resource in Objects(root, "resources"))
        {
            resources[resource.Name] = new MemberShape(
                PropertyNames(resource.Value, "inputProperties"),
                PropertyNames(resource.Value, "properties"));
        }

        var functions = new Dictionary<string, MemberShape>(StringComparer.Ordinal);
        foreach (var function in Objects(root, "functions"))
        {
            functions[function.Name] = new MemberShape(
                NestedPropertyNames(function.Value, "inputs"),
                NestedPropertyNames(function.Value, "outputs"));
        }

        var providerInputs = root.TryGetProperty("provider", out var provider)
            ? PropertyNames(provider, "inputProperties")
            : new HashSet<string>(StringComparer.Ordinal);
        var configVariables = root.TryGetProperty("config", out var config)
            ? PropertyNames(config, "variables")
            : new HashSet<string>(StringComparer.Ordinal);

        return new PackageSchema(name, resources, functions, providerInputs, configVariables);
    }

    private static IEnumerable<JsonProperty> Objects(JsonElement element, string name) =>
        element.TryGetProperty(name, out var child) && child.ValueKind == JsonValueKind.Object
            ? child.EnumerateObject()
            : [];

    private static HashSet<string> PropertyNames(JsonElement element, string name) =>
        new(Objects(element, name).Select(property => property.Name), StringComparer.Ordinal);

    // Function inputs and outputs are object types: {"properties": {...}}.
    private static HashSet<string> NestedPropertyNames(JsonElement element, string name) =>
        element.TryGetProperty(name, out var child) && child.ValueKind == JsonValueKind.Object
            ? PropertyNames(child, "properties")
            : new HashSet<string>(StringComparer.Ordinal);
}
