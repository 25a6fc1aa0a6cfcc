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
    /// False when the plugin did not accept secrets (or for CheckConfig/DiffConfig, which the engine always sends
    /// plain): the engine then sends the plain values instead.
    /// </param>
    /// <param name="keepUnknowns">
    /// False where the engine marshals without KeepUnknowns (Invoke arguments): an unknown value, in a map or an
    /// array, is then left out instead of being sent as a sentinel.
    /// </param>
    public static Struct ToStruct(PropertyMap properties, bool keepSecrets = true, bool keepUnknowns = true)
    {
        ArgumentNullException.ThrowIfNull(properties);
        var result = new Struct();
        foreach (var (key, value) in properties)
        {
            if (Encode(value, keepSecrets, keepUnknowns) is { } encoded)
            {
                result.Fields[key] = encoded;
            }
        }

        return result;
    }

    /// <summary>Encodes one value (unknowns as sentinels).</summary>
    public static Value ToValue(PropertyValue value, bool keepSecrets = true) => Encode(value, keepSecrets, keepUnknowns: true)!;

    // Null only when the value is unknown and unknowns are dropped.
    private static Value? Encode(PropertyValue value, bool keepSecrets, bool keepUnknowns)
    {
        ArgumentNullException.ThrowIfNull(value);
        switch (value.Kind)
        {
            case PropertyValueKind.Null: return Value.ForNull();
            case PropertyValueKind.Bool: return Value.ForBool(value.BoolValue);
            case PropertyValueKind.Number: return Value.ForNumber(value.NumberValue);
            case PropertyValueKind.String: return Value.ForString(value.StringValue);
            case PropertyValueKind.Unknown:
                return keepUnknowns ? Value.ForString(WireSentinels.ForUnknown(value.UnknownKind)) : null;
            case PropertyValueKind.Array:
                return Value.ForList(value.ArrayValue
                    .Select(item => Encode(item, keepSecrets, keepUnknowns))
                    .OfType<Value>()
                    .ToArray());
            case PropertyValueKind.Object:
                return Value.ForStruct(ToStruct(value.ObjectValue, keepSecrets, keepUnknowns));
            case PropertyValueKind.Secret:
                if (Encode(value.SecretValue, keepSecrets, keepUnknowns) is not { } inner)
                {
                    return null;
                }

                return keepSecrets
                    ? Value.ForStruct(new Struct
                    {
                        Fields =
                        {
                            [WireSentinels.SignatureKey] = Value.ForString(WireSentinels.SecretSignature),
                            ["value"] = inner,
                        },
                    })
                    : inner;
            default:
                throw new ArgumentOutOfRangeException(nameof(value), value.Kind, "Unsupported value kind.");
        }
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
