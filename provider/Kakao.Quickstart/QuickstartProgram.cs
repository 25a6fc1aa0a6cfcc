using System.Globalization;
using Kakao.EngineHarness.Values;
using Kakao.Provisioning;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Kakao.Quickstart;

/// <summary>
/// The root Pulumi.yaml as the engine harness needs it: the explicit <c>pulumi:providers:kakao</c> resource's
/// settings and the <c>kakao:index:KakaoSender</c>'s literal inputs, with <c>${config}</c> references resolved
/// from the config defaults (and the overrides the quick start sets, like the emulator's endpoint) and
/// <c>fn::secret</c> kept secret. Reading the same file the pulumi CLI runs keeps both paths on the same sender.
/// </summary>
internal sealed record QuickstartProgram(string ProjectName, string SenderName, PropertyMap ProviderConfig, PropertyMap SenderInputs)
{
    public const string SenderType = "kakao:index:KakaoSender";
    public const string ProviderType = "pulumi:providers:kakao";

    public string PlusFriendId => Text(SenderInputs, "plusFriendId") ?? throw Invalid($"the {SenderType} has no plusFriendId");

    /// <summary>The sender's own projectId, else the provider's.</summary>
    public string ProjectId => Text(SenderInputs, "projectId") ?? Text(ProviderConfig, "projectId") ?? throw Invalid("no projectId for the provider");

    public string KeyId => Text(ProviderConfig, "keyId") ?? throw Invalid("no keyId for the provider");

    public string KeySecret => Text(ProviderConfig, "keySecret") ?? throw Invalid("no keySecret for the provider");

    /// <summary>A client for the program's project on the quick start's emulator, with the program's credentials.</summary>
    public ProvisioningClient CreateClient(Uri emulator, TimeProvider timeProvider) => new(new ProvisioningClientOptions
    {
        Endpoint = emulator,
        ProjectId = ProjectId,
        KeyId = KeyId,
        KeySecret = KeySecret,
        TimeProvider = timeProvider,
    });

    public static QuickstartProgram Load(string path, IReadOnlyDictionary<string, string> configOverrides)
    {
        YamlMappingNode root;
        try
        {
            using var reader = new StreamReader(path);
            var stream = new YamlStream();
            stream.Load(reader);
            root = stream.Documents.FirstOrDefault()?.RootNode as YamlMappingNode ?? throw Invalid("it is not a YAML mapping");
        }
        catch (YamlException ex)
        {
            throw Invalid($"it is not valid YAML ({ex.Start.Line}:{ex.Start.Column})");
        }

        var config = ReadConfig(Child(root, "config") as YamlMappingNode, configOverrides);
        var resources = Child(root, "resources") as YamlMappingNode ?? throw Invalid("it declares no resources");
        var named = resources.Children.ToDictionary(kv => ((YamlScalarNode)kv.Key).Value ?? "", kv => kv.Value as YamlMappingNode);
        var sender = named.FirstOrDefault(kv => TypeOf(kv.Value) == SenderType);
        if (sender.Value is null)
        {
            throw Invalid($"it declares no {SenderType}");
        }

        // The sender's provider option (${name}) picks the provider; otherwise the only one declared.
        var providerName = (Child(Child(sender.Value, "options") as YamlMappingNode, "provider") as YamlScalarNode)?.Value is { } reference
            && reference.StartsWith("${", StringComparison.Ordinal) && reference.EndsWith('}') ? reference[2..^1] : null;
        var provider = providerName is not null && named.TryGetValue(providerName, out var p) ? p
            : named.Values.FirstOrDefault(r => TypeOf(r) == ProviderType);
        if (provider is null || TypeOf(provider) != ProviderType)
        {
            throw Invalid($"it declares no {ProviderType} resource for the sender");
        }

        var name = (Child(root, "name") as YamlScalarNode)?.Value ?? "kakao-quickstart";
        return new QuickstartProgram(name, sender.Key, Properties(provider, config), Properties(sender.Value, config));
    }

    private static Dictionary<string, string> ReadConfig(YamlMappingNode? node, IReadOnlyDictionary<string, string> overrides)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in node?.Children.AsEnumerable() ?? [])
        {
            var name = ((YamlScalarNode)pair.Key).Value ?? "";
            var text = pair.Value is YamlScalarNode scalar ? scalar.Value : (Child(pair.Value as YamlMappingNode, "default") as YamlScalarNode)?.Value;
            if (text is not null)
            {
                values[name] = text;
            }
        }

        foreach (var (key, value) in overrides)
        {
            values[key] = value;
        }

        return values;
    }

    private static PropertyMap Properties(YamlMappingNode resource, Dictionary<string, string> config)
    {
        var map = new PropertyMap();
        if (Child(resource, "properties") is YamlMappingNode properties)
        {
            foreach (var (key, value) in properties.Children)
            {
                map.Add(((YamlScalarNode)key).Value ?? "", Evaluate(value, config));
            }
        }

        return map;
    }

    private static PropertyValue Evaluate(YamlNode node, Dictionary<string, string> config)
    {
        switch (node)
        {
            case YamlMappingNode mapping when mapping.Children.Count == 1 && (mapping.Children.Keys.Single() as YamlScalarNode)?.Value == "fn::secret":
                return PropertyValue.Secret(Evaluate(mapping.Children.Values.Single(), config));
            case YamlMappingNode mapping:
                var map = new PropertyMap();
                foreach (var (key, value) in mapping.Children)
                {
                    map.Add(((YamlScalarNode)key).Value ?? "", Evaluate(value, config));
                }

                return map;
            case YamlSequenceNode sequence:
                return PropertyValue.Array(sequence.Children.Select(c => Evaluate(c, config)).ToList());
            case YamlScalarNode scalar:
                return Scalar(scalar, config);
            default:
                throw Invalid($"unsupported value at line {node.Start.Line}");
        }
    }

    private static PropertyValue Scalar(YamlScalarNode scalar, Dictionary<string, string> config)
    {
        var text = scalar.Value ?? "";
        if (text.StartsWith("${", StringComparison.Ordinal) && text.EndsWith('}') && text.IndexOf("${", 2, StringComparison.Ordinal) < 0)
        {
            var name = text[2..^1];
            return config.TryGetValue(name, out var value)
                ? value
                : throw Invalid($"line {scalar.Start.Line} refers to {text}, which is not a config value with a default (the harness resolves only those)");
        }

        if (text.Contains("${", StringComparison.Ordinal))
        {
            throw Invalid($"line {scalar.Start.Line} interpolates {text}; the harness resolves only whole ${{config}} references");
        }

        // Quoted scalars are strings ("019" stays "019"); plain ones may be YAML booleans or numbers.
        if (scalar.Style is ScalarStyle.Plain)
        {
            if (text is "true" or "false")
            {
                return text == "true";
            }

            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                return number;
            }
        }

        return text;
    }

    private static YamlNode? Child(YamlMappingNode? node, string key) =>
        node is not null && node.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;

    private static string? TypeOf(YamlMappingNode? resource) => (Child(resource, "type") as YamlScalarNode)?.Value;

    private static string? Text(PropertyMap map, string key) =>
        map.GetOrDefault(key)?.Unsecret() is { Kind: PropertyValueKind.String } value ? value.StringValue : null;

    private static QuickstartStepException Invalid(string why) =>
        new((int)ExitCode.UsageError, $"The root Pulumi.yaml cannot drive the quick start: {why}.");
}
