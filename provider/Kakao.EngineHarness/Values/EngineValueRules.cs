using System.Globalization;

namespace Kakao.EngineHarness.Values;

/// <summary>
/// What the engine does to values around provider calls, beyond the wire encoding: stack configuration as text,
/// secretness re-applied after CheckConfig, unknowns refused where the engine refuses them.
/// </summary>
public static class EngineValueRules
{
    /// <summary>
    /// Stack configuration as the engine hands it to a default provider: every value set with
    /// <c>pulumi config set</c> is text, so numbers and booleans arrive as strings (<c>"4"</c>, <c>"true"</c>);
    /// secrets stay secret; objects and arrays (<c>--path</c> config) stay structured.
    /// </summary>
    public static PropertyMap AsStackConfig(PropertyMap config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return new PropertyMap(config.Select(pair => KeyValuePair.Create(pair.Key, AsText(pair.Value))));
    }

    /// <summary>
    /// The engine's annotateSecrets: a key of <paramref name="outputs"/> whose value in <paramref name="inputs"/>
    /// held a secret is marked secret again (objects recursively), since the provider saw it plain.
    /// </summary>
    public static PropertyMap AnnotateSecrets(PropertyMap outputs, PropertyMap inputs)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        ArgumentNullException.ThrowIfNull(inputs);
        return new PropertyMap(outputs.Select(pair =>
        {
            if (inputs.GetOrDefault(pair.Key) is not { } input)
            {
                return pair;
            }

            if (pair.Value.Kind == PropertyValueKind.Object && input.Kind == PropertyValueKind.Object)
            {
                return KeyValuePair.Create(pair.Key, PropertyValue.Object(AnnotateSecrets(pair.Value.ObjectValue, input.ObjectValue)));
            }

            return !pair.Value.IsSecret && input.ContainsSecrets
                ? KeyValuePair.Create(pair.Key, PropertyValue.Secret(pair.Value))
                : pair;
        }));
    }

    /// <summary>The name of the first top-level property holding an unknown value, or null when none does.</summary>
    public static string? FirstUnknown(PropertyMap properties)
    {
        ArgumentNullException.ThrowIfNull(properties);
        return properties.FirstOrDefault(pair => pair.Value.ContainsUnknowns).Key;
    }

    private static PropertyValue AsText(PropertyValue value) => value.Kind switch
    {
        PropertyValueKind.Secret => PropertyValue.Secret(AsText(value.SecretValue)),
        PropertyValueKind.Bool => value.BoolValue ? "true" : "false",
        PropertyValueKind.Number => value.NumberValue.ToString("R", CultureInfo.InvariantCulture),
        _ => value,
    };
}
