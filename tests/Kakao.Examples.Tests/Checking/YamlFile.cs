using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Kakao.Examples.Tests.Checking;

/// <summary>Loads YAML into YamlDotNet's node model, keeping line numbers for messages.</summary>
internal static class YamlFile
{
    /// <summary>
    /// Parses every document of <paramref name="text"/>; a syntax error or a duplicate key throws
    /// <see cref="YamlException"/> with its position.
    /// </summary>
    public static IReadOnlyList<YamlDocument> Parse(string text)
    {
        var stream = new YamlStream();
        using var reader = new StringReader(text);
        stream.Load(reader);
        return [.. stream.Documents];
    }

    /// <summary>The single top-level mapping of a file such as Pulumi.yaml or a workflow.</summary>
    public static YamlMappingNode ParseMapping(string text)
    {
        var documents = Parse(text);
        if (documents.Count != 1 || documents[0].RootNode is not YamlMappingNode mapping)
        {
            throw new InvalidDataException("Expected exactly one YAML document whose root is a mapping.");
        }

        return mapping;
    }

    public static YamlNode? Child(this YamlMappingNode mapping, string key) =>
        mapping.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public static string? Scalar(this YamlMappingNode mapping, string key) =>
        mapping.Child(key) is YamlScalarNode scalar ? scalar.Value : null;

    public static string KeyText(this YamlNode key) => key is YamlScalarNode scalar ? scalar.Value ?? "" : key.ToString();

    public static string Where(this YamlNode node) => $"line {node.Start.Line}";
}
