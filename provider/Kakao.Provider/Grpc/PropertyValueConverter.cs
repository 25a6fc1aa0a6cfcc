using Google.Protobuf.WellKnownTypes;
using Kakao.Provider.Models;

namespace Kakao.Provider.Grpc;

/// <summary>
/// Translates between protobuf <see cref="Struct"/> values in Pulumi's encoding and <see cref="PropertyValue"/>:
/// secrets and output values are special objects, unknowns are sentinel strings. Resource references, assets
/// and archives are kept as plain objects so they survive a round trip untouched.
/// </summary>
internal static class PropertyValueConverter
{
    private static readonly Dictionary<string, UnknownType> SentinelToType = new(StringComparer.Ordinal)
    {
        [WireSignatures.UnknownString] = UnknownType.String,
        [WireSignatures.UnknownBool] = UnknownType.Bool,
        [WireSignatures.UnknownNumber] = UnknownType.Number,
        [WireSignatures.UnknownArray] = UnknownType.Array,
        [WireSignatures.UnknownObject] = UnknownType.Object,
        [WireSignatures.UnknownAsset] = UnknownType.Asset,
        [WireSignatures.UnknownArchive] = UnknownType.Archive,
    };

    public static PropertyMap ToPropertyMap(Struct? value) =>
        value is null ? PropertyMap.Empty : new PropertyMap(value.Fields.Select(kv => KeyValuePair.Create(kv.Key, ToPropertyValue(kv.Value))));

    public static PropertyValue ToPropertyValue(Value? value)
    {
        if (value is null)
        {
            return PropertyValue.Null;
        }

        return value.KindCase switch
        {
            Value.KindOneofCase.BoolValue => PropertyValue.Create(value.BoolValue),
            Value.KindOneofCase.NumberValue => PropertyValue.Create(value.NumberValue),
            Value.KindOneofCase.StringValue => SentinelToType.TryGetValue(value.StringValue, out var type)
                ? PropertyValue.Computed(type)
                : PropertyValue.Create(value.StringValue),
            Value.KindOneofCase.ListValue => PropertyValue.Create(value.ListValue.Values.Select(ToPropertyValue)),
            Value.KindOneofCase.StructValue => FromStruct(value.StructValue),
            _ => PropertyValue.Null,
        };
    }

    public static Struct ToStruct(PropertyMap map)
    {
        var result = new Struct();
        foreach (var (key, value) in map)
        {
            result.Fields[key] = ToValue(value);
        }

        return result;
    }

    public static Value ToValue(PropertyValue value) => value.Kind switch
    {
        PropertyValueKind.Null => Value.ForNull(),
        PropertyValueKind.Bool => Value.ForBool(value.BoolValue),
        PropertyValueKind.Number => Value.ForNumber(value.NumberValue),
        PropertyValueKind.String => Value.ForString(value.StringValue),
        PropertyValueKind.Array => Value.ForList([.. value.ArrayValue.Select(ToValue)]),
        PropertyValueKind.Object => Value.ForStruct(ToStruct(value.ObjectValue)),
        PropertyValueKind.Secret => Value.ForStruct(SecretStruct(value.SecretValue)),
        PropertyValueKind.Computed => Value.ForString(SentinelOf(value.ComputedType)),
        PropertyValueKind.Output => Value.ForStruct(OutputStruct(value)),
        _ => throw new ArgumentOutOfRangeException(nameof(value), value.Kind, "Unsupported property value kind."),
    };

    private static PropertyValue FromStruct(Struct value)
    {
        if (!value.Fields.TryGetValue(WireSignatures.SignatureKey, out var signature) || signature.KindCase != Value.KindOneofCase.StringValue)
        {
            return PropertyValue.Create(ToPropertyMap(value));
        }

        switch (signature.StringValue)
        {
            case WireSignatures.Secret:
                return PropertyValue.Secret(value.Fields.TryGetValue("value", out var inner) ? ToPropertyValue(inner) : PropertyValue.Null);
            case WireSignatures.OutputValue:
                var known = value.Fields.TryGetValue("value", out var outputInner) ? ToPropertyValue(outputInner) : null;
                bool secret = value.Fields.TryGetValue("secret", out var s) && s.KindCase == Value.KindOneofCase.BoolValue && s.BoolValue;
                var dependencies = value.Fields.TryGetValue("dependencies", out var d) && d.KindCase == Value.KindOneofCase.ListValue
                    ? d.ListValue.Values.Where(v => v.KindCase == Value.KindOneofCase.StringValue).Select(v => v.StringValue)
                    : [];
                return PropertyValue.Output(known is { IsComputed: true } ? null : known, secret, dependencies);
            default:
                // Resource references, assets and archives: carried through as data.
                return PropertyValue.Create(ToPropertyMap(value));
        }
    }

    private static Struct SecretStruct(PropertyValue inner)
    {
        var result = new Struct();
        result.Fields[WireSignatures.SignatureKey] = Value.ForString(WireSignatures.Secret);
        result.Fields["value"] = ToValue(inner);
        return result;
    }

    private static Struct OutputStruct(PropertyValue output)
    {
        var result = new Struct();
        result.Fields[WireSignatures.SignatureKey] = Value.ForString(WireSignatures.OutputValue);
        if (output.OutputValue is { } known)
        {
            result.Fields["value"] = ToValue(known);
        }

        if (output.OutputSecret)
        {
            result.Fields["secret"] = Value.ForBool(true);
        }

        if (output.Dependencies.Length > 0)
        {
            result.Fields["dependencies"] = Value.ForList([.. output.Dependencies.Select(Value.ForString)]);
        }

        return result;
    }

    private static string SentinelOf(UnknownType type) => type switch
    {
        UnknownType.Bool => WireSignatures.UnknownBool,
        UnknownType.Number => WireSignatures.UnknownNumber,
        UnknownType.Array => WireSignatures.UnknownArray,
        UnknownType.Object => WireSignatures.UnknownObject,
        UnknownType.Asset => WireSignatures.UnknownAsset,
        UnknownType.Archive => WireSignatures.UnknownArchive,
        _ => WireSignatures.UnknownString,
    };
}
