using System.Globalization;
using System.Text;

namespace Kakao.EngineHarness.Values;

/// <summary>
/// A resource property value as the engine sees it: plain JSON-like data plus the two things plain JSON cannot
/// say, secrecy and "not known yet". Immutable, with structural equality.
/// </summary>
public sealed class PropertyValue : IEquatable<PropertyValue>
{
    private readonly object? _payload;

    private PropertyValue(PropertyValueKind kind, object? payload)
    {
        Kind = kind;
        _payload = payload;
    }

    /// <summary>The shared null value.</summary>
    public static PropertyValue Null { get; } = new(PropertyValueKind.Null, null);

    /// <summary>The shape of this value.</summary>
    public PropertyValueKind Kind { get; }

    /// <summary>True when this is <see cref="Null"/>.</summary>
    public bool IsNull => Kind == PropertyValueKind.Null;

    /// <summary>True when this value is secret.</summary>
    public bool IsSecret => Kind == PropertyValueKind.Secret;

    /// <summary>True when this value is unknown.</summary>
    public bool IsUnknown => Kind == PropertyValueKind.Unknown;

    /// <summary>True when this value or anything inside it is unknown.</summary>
    public bool ContainsUnknowns => Kind switch
    {
        PropertyValueKind.Unknown => true,
        PropertyValueKind.Secret => SecretValue.ContainsUnknowns,
        PropertyValueKind.Array => ArrayValue.Any(item => item.ContainsUnknowns),
        PropertyValueKind.Object => ObjectValue.Values.Any(item => item.ContainsUnknowns),
        _ => false,
    };

    /// <summary>True when this value or anything inside it is secret.</summary>
    public bool ContainsSecrets => Kind switch
    {
        PropertyValueKind.Secret => true,
        PropertyValueKind.Array => ArrayValue.Any(item => item.ContainsSecrets),
        PropertyValueKind.Object => ObjectValue.Values.Any(item => item.ContainsSecrets),
        _ => false,
    };

    /// <summary>The boolean; throws when <see cref="Kind"/> is not <see cref="PropertyValueKind.Bool"/>.</summary>
    public bool BoolValue => As<bool>(PropertyValueKind.Bool);

    /// <summary>The number; throws when <see cref="Kind"/> is not <see cref="PropertyValueKind.Number"/>.</summary>
    public double NumberValue => As<double>(PropertyValueKind.Number);

    /// <summary>The string; throws when <see cref="Kind"/> is not <see cref="PropertyValueKind.String"/>.</summary>
    public string StringValue => As<string>(PropertyValueKind.String);

    /// <summary>The items; throws when <see cref="Kind"/> is not <see cref="PropertyValueKind.Array"/>.</summary>
    public IReadOnlyList<PropertyValue> ArrayValue => As<IReadOnlyList<PropertyValue>>(PropertyValueKind.Array);

    /// <summary>The properties; throws when <see cref="Kind"/> is not <see cref="PropertyValueKind.Object"/>.</summary>
    public PropertyMap ObjectValue => As<PropertyMap>(PropertyValueKind.Object);

    /// <summary>The value inside a secret; throws when <see cref="Kind"/> is not <see cref="PropertyValueKind.Secret"/>.</summary>
    public PropertyValue SecretValue => As<PropertyValue>(PropertyValueKind.Secret);

    /// <summary>The expected type of an unknown; throws when <see cref="Kind"/> is not <see cref="PropertyValueKind.Unknown"/>.</summary>
    public UnknownKind UnknownKind => As<UnknownKind>(PropertyValueKind.Unknown);

    /// <summary>Creates a boolean value.</summary>
    public static PropertyValue Bool(bool value) => new(PropertyValueKind.Bool, value);

    /// <summary>Creates a number value.</summary>
    public static PropertyValue Number(double value) => new(PropertyValueKind.Number, value);

    /// <summary>Creates a string value.</summary>
    public static PropertyValue String(string value) =>
        new(PropertyValueKind.String, value ?? throw new ArgumentNullException(nameof(value)));

    /// <summary>Creates an array value.</summary>
    public static PropertyValue Array(params IEnumerable<PropertyValue> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return new(PropertyValueKind.Array, items.ToArray());
    }

    /// <summary>Creates an object value.</summary>
    public static PropertyValue Object(PropertyMap properties) =>
        new(PropertyValueKind.Object, properties ?? throw new ArgumentNullException(nameof(properties)));

    /// <summary>Marks a value secret; a secret of a secret is the same secret.</summary>
    public static PropertyValue Secret(PropertyValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.IsSecret ? value : new(PropertyValueKind.Secret, value);
    }

    /// <summary>Creates an unknown value of the given expected type.</summary>
    public static PropertyValue Unknown(UnknownKind kind = UnknownKind.String) => new(PropertyValueKind.Unknown, kind);

    /// <summary>Converts a string to a value.</summary>
    public static implicit operator PropertyValue(string value) => String(value);

    /// <summary>Converts a boolean to a value.</summary>
    public static implicit operator PropertyValue(bool value) => Bool(value);

    /// <summary>Converts a number to a value.</summary>
    public static implicit operator PropertyValue(double value) => Number(value);

    /// <summary>Converts a map to an object value.</summary>
    public static implicit operator PropertyValue(PropertyMap value) => Object(value);

    /// <summary>This value with any secret marking removed (recursively).</summary>
    public PropertyValue Unsecret() => Kind switch
    {
        PropertyValueKind.Secret => SecretValue.Unsecret(),
        PropertyValueKind.Array => Array(ArrayValue.Select(item => item.Unsecret())),
        PropertyValueKind.Object => Object(ObjectValue.Unsecret()),
        _ => this,
    };

    /// <inheritdoc />
    public bool Equals(PropertyValue? other)
    {
        if (other is null || other.Kind != Kind)
        {
            return false;
        }

        return Kind switch
        {
            PropertyValueKind.Null => true,
            PropertyValueKind.Array => ArrayValue.SequenceEqual(other.ArrayValue),
            PropertyValueKind.Number => NumberValue.Equals(other.NumberValue),
            _ => Equals(_payload, other._payload),
        };
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as PropertyValue);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Kind);
        if (Kind == PropertyValueKind.Array)
        {
            foreach (var item in ArrayValue)
            {
                hash.Add(item);
            }
        }
        else
        {
            hash.Add(_payload);
        }

        return hash.ToHashCode();
    }

    /// <summary>Equality operator.</summary>
    public static bool operator ==(PropertyValue? left, PropertyValue? right) => Equals(left, right);

    /// <summary>Inequality operator.</summary>
    public static bool operator !=(PropertyValue? left, PropertyValue? right) => !Equals(left, right);

    /// <summary>A debugging rendering; secrets print as <c>[secret]</c> so they never leak into test output.</summary>
    public override string ToString()
    {
        var builder = new StringBuilder();
        Render(builder);
        return builder.ToString();
    }

    internal void Render(StringBuilder builder)
    {
        switch (Kind)
        {
            case PropertyValueKind.Null: builder.Append("null"); break;
            case PropertyValueKind.Bool: builder.Append(BoolValue ? "true" : "false"); break;
            case PropertyValueKind.Number: builder.Append(NumberValue.ToString("R", CultureInfo.InvariantCulture)); break;
            case PropertyValueKind.String: builder.Append('"').Append(StringValue).Append('"'); break;
            case PropertyValueKind.Secret: builder.Append("[secret]"); break;
            case PropertyValueKind.Unknown: builder.Append("[unknown ").Append(UnknownKind).Append(']'); break;
            case PropertyValueKind.Array:
                builder.Append('[');
                for (var i = 0; i < ArrayValue.Count; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(", ");
                    }

                    ArrayValue[i].Render(builder);
                }

                builder.Append(']');
                break;
            case PropertyValueKind.Object: ObjectValue.Render(builder); break;
        }
    }

    private T As<T>(PropertyValueKind expected)
    {
        if (Kind != expected)
        {
            throw new InvalidOperationException($"The value is {Kind}, not {expected}.");
        }

        return (T)_payload!;
    }
}
