using System.Collections.Immutable;
using System.Globalization;

namespace Kakao.Provider.Models;

/// <summary>
/// A Pulumi property value as the provider's domain code sees it: plain JSON-like data plus secrets, unknowns
/// and output values. Immutable; equality is structural. <see cref="ToString"/> never reveals a secret.
/// </summary>
internal sealed class PropertyValue : IEquatable<PropertyValue>
{
    private readonly object? _value;

    private PropertyValue(PropertyValueKind kind, object? value, UnknownType unknownType = UnknownType.String, bool outputSecret = false, ImmutableArray<string> dependencies = default)
    {
        Kind = kind;
        _value = value;
        ComputedType = unknownType;
        OutputSecret = outputSecret;
        Dependencies = dependencies.IsDefault ? [] : dependencies;
    }

    /// <summary>The null value.</summary>
    public static PropertyValue Null { get; } = new(PropertyValueKind.Null, null);

    public PropertyValueKind Kind { get; }

    /// <summary>For <see cref="PropertyValueKind.Computed"/>: the type of the value once known.</summary>
    public UnknownType ComputedType { get; }

    /// <summary>For <see cref="PropertyValueKind.Output"/>: whether the value is secret.</summary>
    public bool OutputSecret { get; }

    /// <summary>For <see cref="PropertyValueKind.Output"/>: URNs the value depends on.</summary>
    public ImmutableArray<string> Dependencies { get; }

    public bool IsNull => Kind == PropertyValueKind.Null;

    public bool IsComputed => Kind == PropertyValueKind.Computed || (Kind == PropertyValueKind.Output && _value is null);

    public bool IsSecret => Kind == PropertyValueKind.Secret || (Kind == PropertyValueKind.Output && OutputSecret);

    public bool BoolValue => Kind == PropertyValueKind.Bool ? (bool)_value! : throw WrongKind(PropertyValueKind.Bool);

    public double NumberValue => Kind == PropertyValueKind.Number ? (double)_value! : throw WrongKind(PropertyValueKind.Number);

    public string StringValue => Kind == PropertyValueKind.String ? (string)_value! : throw WrongKind(PropertyValueKind.String);

    public ImmutableArray<PropertyValue> ArrayValue => Kind == PropertyValueKind.Array ? (ImmutableArray<PropertyValue>)_value! : throw WrongKind(PropertyValueKind.Array);

    public PropertyMap ObjectValue => Kind == PropertyValueKind.Object ? (PropertyMap)_value! : throw WrongKind(PropertyValueKind.Object);

    /// <summary>For <see cref="PropertyValueKind.Secret"/>: the wrapped value.</summary>
    public PropertyValue SecretValue => Kind == PropertyValueKind.Secret ? (PropertyValue)_value! : throw WrongKind(PropertyValueKind.Secret);

    /// <summary>For <see cref="PropertyValueKind.Output"/>: the value, or null when unknown.</summary>
    public PropertyValue? OutputValue => Kind == PropertyValueKind.Output ? (PropertyValue?)_value : throw WrongKind(PropertyValueKind.Output);

    public static PropertyValue Create(bool value) => new(PropertyValueKind.Bool, value);

    public static PropertyValue Create(double value) => new(PropertyValueKind.Number, value);

    public static PropertyValue Create(string? value) => value is null ? Null : new(PropertyValueKind.String, value);

    public static PropertyValue Create(IEnumerable<PropertyValue> items) => new(PropertyValueKind.Array, items.ToImmutableArray());

    public static PropertyValue Create(PropertyMap map) => new(PropertyValueKind.Object, map);

    public static PropertyValue Secret(PropertyValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Kind == PropertyValueKind.Secret ? value : new(PropertyValueKind.Secret, value);
    }

    public static PropertyValue Computed(UnknownType type = UnknownType.String) => new(PropertyValueKind.Computed, null, type);

    public static PropertyValue Output(PropertyValue? value, bool secret, IEnumerable<string>? dependencies = null) =>
        new(PropertyValueKind.Output, value, outputSecret: secret, dependencies: dependencies?.ToImmutableArray() ?? []);

    /// <summary>
    /// The value with secret and output wrappers removed (unknown outputs become <see cref="Computed(UnknownType)"/>),
    /// and whether any wrapper said "secret".
    /// </summary>
    public (PropertyValue Value, bool Secret) Unwrap()
    {
        var current = this;
        bool secret = false;
        while (true)
        {
            switch (current.Kind)
            {
                case PropertyValueKind.Secret:
                    secret = true;
                    current = current.SecretValue;
                    break;
                case PropertyValueKind.Output:
                    secret |= current.OutputSecret;
                    if (current.OutputValue is not { } inner)
                    {
                        return (Computed(), secret);
                    }

                    current = inner;
                    break;
                default:
                    return (current, secret);
            }
        }
    }

    /// <summary>Whether this value or anything nested in it is unknown.</summary>
    public bool ContainsUnknowns() => Kind switch
    {
        PropertyValueKind.Computed => true,
        PropertyValueKind.Output => OutputValue is not { } v || v.ContainsUnknowns(),
        PropertyValueKind.Secret => SecretValue.ContainsUnknowns(),
        PropertyValueKind.Array => ArrayValue.Any(v => v.ContainsUnknowns()),
        PropertyValueKind.Object => ObjectValue.Values.Any(v => v.ContainsUnknowns()),
        _ => false,
    };

    public bool Equals(PropertyValue? other)
    {
        if (other is null || other.Kind != Kind)
        {
            return false;
        }

        return Kind switch
        {
            PropertyValueKind.Null => true,
            PropertyValueKind.Bool => BoolValue == other.BoolValue,
            PropertyValueKind.Number => NumberValue.Equals(other.NumberValue),
            PropertyValueKind.String => StringValue == other.StringValue,
            PropertyValueKind.Array => ArrayValue.SequenceEqual(other.ArrayValue),
            PropertyValueKind.Object => ObjectValue.Equals(other.ObjectValue),
            PropertyValueKind.Secret => SecretValue.Equals(other.SecretValue),
            PropertyValueKind.Computed => ComputedType == other.ComputedType,
            PropertyValueKind.Output => OutputSecret == other.OutputSecret
                && Equals(OutputValue, other.OutputValue)
                && Dependencies.SequenceEqual(other.Dependencies),
            _ => false,
        };
    }

    public override bool Equals(object? obj) => Equals(obj as PropertyValue);

    public override int GetHashCode() => Kind switch
    {
        PropertyValueKind.Array => HashCode.Combine(Kind, ArrayValue.Length),
        PropertyValueKind.Object => HashCode.Combine(Kind, ObjectValue.Count),
        PropertyValueKind.Secret => HashCode.Combine(Kind, SecretValue),
        PropertyValueKind.Output => HashCode.Combine(Kind, OutputSecret, OutputValue),
        PropertyValueKind.Computed => HashCode.Combine(Kind, ComputedType),
        _ => HashCode.Combine(Kind, _value),
    };

    /// <summary>A readable rendering for diagnostics: secrets render as <c>[secret]</c>.</summary>
    public override string ToString() => Kind switch
    {
        PropertyValueKind.Null => "null",
        PropertyValueKind.Bool => BoolValue ? "true" : "false",
        PropertyValueKind.Number => NumberValue.ToString(CultureInfo.InvariantCulture),
        PropertyValueKind.String => "\"" + StringValue + "\"",
        PropertyValueKind.Array => "[" + string.Join(", ", ArrayValue) + "]",
        PropertyValueKind.Object => ObjectValue.ToString(),
        PropertyValueKind.Secret => "[secret]",
        PropertyValueKind.Computed => "[unknown]",
        PropertyValueKind.Output => OutputSecret ? "[secret]" : OutputValue is { } v ? v.ToString() : "[unknown]",
        _ => "?",
    };

    private InvalidOperationException WrongKind(PropertyValueKind expected) =>
        new($"The property value is {Kind}, not {expected}.");
}
