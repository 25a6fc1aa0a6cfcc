using Google.Protobuf.WellKnownTypes;

namespace Kakao.EngineHarness.Values;

/// <summary>
/// Encodes <see cref="PropertyValue"/>s into the engine's <c>google.protobuf.Struct</c> form and back: secrets
/// as <c>{sig: secret, value}</c> objects, unknowns as sentinel strings, output values decoded into secrets and
/// unknowns. Resource references, assets and archives are kept as plain objects (the signature key included).
/// </summary>
public static class StructEncoding
{
    /// <summary>Encodes a property map.</summary>
    /// <param name="properties">The properties.</param>
    /// <param name="keepSecrets">
    /// False when the plugin did not accept secrets: the engine then sends the plain values instead.
    /// </param>
    public static Struct ToStruct(PropertyMap properties, bool keepSecrets = true)
    {
        ArgumentNullException.ThrowIfNull(properties);
        var result = new Struct();
        foreach (var (key, value) in properties)
        {
            result.Fields[key] = ToValue(value, keepSecrets);
        }

        return result;
    }

    /// <summary>Encodes one value.</summary>
    public static Value ToValue(PropertyValue value, bool keepSecrets = true)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Kind switch
        {
            PropertyValueKind.Null => Value.ForNull(),
            PropertyValueKind.Bool => Value.ForBool(value.BoolValue),
            PropertyValueKind.Number => Value.ForNumber(value.NumberValue),
            PropertyValueKind.String => Value.ForString(value.StringValue),
            PropertyValueKind.Unknown => Value.ForString(WireSentinels.ForUnknown(value.UnknownKind)),
            PropertyValueKind.Array => Value.ForList(value.ArrayValue.Select(item => ToValue(item, keepSecrets)).ToArray()),
            PropertyValueKind.Object => Value.ForStruct(ToStruct(value.ObjectValue, keepSecrets)),
            PropertyValueKind.Secret when keepSecrets => Value.ForStruct(new Struct
            {
                Fields =
                {
                    [WireSentinels.SignatureKey] = Value.ForString(WireSentinels.SecretSignature),
                    ["value"] = ToValue(value.SecretValue, keepSecrets),
                },
            }),
            PropertyValueKind.Secret => ToValue(value.SecretValue, keepSecrets),
            _ => throw new ArgumentOutOfRangeException(nameof(value), value.Kind, "Unsupported value kind."),
        };
    }

    /// <summary>Decodes a property map; a null Struct (field not set on the wire) is an empty map.</summary>
    public static PropertyMap FromStruct(Struct? properties)
    {
        if (properties is null)
        {
            return PropertyMap.Empty;
        }

        return new PropertyMap(properties.Fields.Select(pair => KeyValuePair.Create(pair.Key, FromValue(pair.Value))));
    }

    /// <summary>Decodes one value.</summary>
    public static PropertyValue FromValue(Value? value)
    {
        if (value is null)
        {
            return PropertyValue.Null;
        }

        switch (value.KindCase)
        {
            case Value.KindOneofCase.BoolValue:
                return PropertyValue.Bool(value.BoolValue);
            case Value.KindOneofCase.NumberValue:
                return PropertyValue.Number(value.NumberValue);
            case Value.KindOneofCase.StringValue:
                return WireSentinels.TryParseUnknown(value.StringValue, out var unknownKind)
                    ? PropertyValue.Unknown(unknownKind)
                    : PropertyValue.String(value.StringValue);
            case Value.KindOneofCase.ListValue:
                return PropertyValue.Array(value.ListValue.Values.Select(FromValue));
            case Value.KindOneofCase.StructValue:
                return FromObject(value.StructValue);
            default:
                return PropertyValue.Null;
        }
    }

    private static PropertyValue FromObject(Struct value)
    {
        if (!value.Fields.TryGetValue(WireSentinels.SignatureKey, out var signature) ||
            signature.KindCase != Value.KindOneofCase.StringValue)
        {
            return PropertyValue.Object(FromStruct(value));
        }

        switch (signature.StringValue)
        {
            case WireSentinels.SecretSignature:
                return PropertyValue.Secret(FromValue(value.Fields.GetValueOrDefault("value")));
            case WireSentinels.OutputValueSignature:
                var inner = value.Fields.TryGetValue("value", out var known)
                    ? FromValue(known)
                    : PropertyValue.Unknown();
                var isSecret = value.Fields.TryGetValue("secret", out var secret) &&
                    secret.KindCase == Value.KindOneofCase.BoolValue && secret.BoolValue;
                return isSecret ? PropertyValue.Secret(inner) : inner;
            default:
                return PropertyValue.Object(FromStruct(value));
        }
    }
}
