using Kakao.Provider.Models;

namespace Kakao.Provider.Typed;

/// <summary>A record that the generator gave a codec: its spec, and decode/encode against property maps.</summary>
/// <typeparam name="TSelf">The record itself.</typeparam>
internal interface IPropertyRecord<TSelf>
    where TSelf : IPropertyRecord<TSelf>
{
    /// <summary>The schema facts of the record's properties.</summary>
    static abstract RecordSpec Spec { get; }

    /// <summary>Reads the record; <see cref="PropertyReader"/> says how strictly.</summary>
    static abstract TSelf Decode(PropertyReader reader);

    /// <summary>Writes the record, secrets wrapped and absent values left out.</summary>
    static abstract void Encode(TSelf value, PropertyWriter writer);
}

/// <summary>What a property holds on the wire (enums are strings with <see cref="PropertySpec.AllowedValues"/>).</summary>
internal enum PropertyKind
{
    String,
    Bool,
    Integer,
    Number,
    Object,
    Array,
}

/// <summary>The schema facts of one property, as the default Check, Diff and preview use them.</summary>
/// <param name="Name">The wire name.</param>
/// <param name="Kind">The wire kind.</param>
internal sealed record PropertySpec(string Name, PropertyKind Kind)
{
    public bool Required { get; init; }

    public bool Secret { get; init; }

    public bool ReplaceOnChanges { get; init; }

    public bool OutputRequired { get; init; }

    public bool Stable { get; init; }

    public PropertyValue? Default { get; init; }

    public int? MinLength { get; init; }

    public int? MaxLength { get; init; }

    public double? Minimum { get; init; }

    public double? Maximum { get; init; }

    public int? MinItems { get; init; }

    public IReadOnlyList<string>? AllowedValues { get; init; }

    /// <summary>For objects: the nested record's spec (a function, so that a type may contain itself).</summary>
    public Func<RecordSpec>? Object { get; init; }

    /// <summary>For lists: the items' spec.</summary>
    public PropertySpec? Items { get; init; }
}

/// <summary>The properties of a record, in declaration order, with lookup by wire name.</summary>
internal sealed class RecordSpec
{
    private readonly Dictionary<string, PropertySpec> _byName;

    public RecordSpec(string? token, IReadOnlyList<PropertySpec> properties)
    {
        Token = token;
        Properties = properties;
        _byName = properties.ToDictionary(p => p.Name, StringComparer.Ordinal);
        Names = [.. properties.Select(p => p.Name)];
    }

    /// <summary>The object type token, for named types.</summary>
    public string? Token { get; }

    public IReadOnlyList<PropertySpec> Properties { get; }

    /// <summary>The wire names, in declaration order.</summary>
    public IReadOnlyList<string> Names { get; }

    public PropertySpec? Find(string name) => _byName.GetValueOrDefault(name);

    public bool Contains(string name) => _byName.ContainsKey(name);
}

/// <summary>Default values as property values (used by generated specs).</summary>
internal static class PropertyDefaults
{
    public static PropertyValue Of(bool value) => PropertyValue.Create(value);

    public static PropertyValue Of(string value) => PropertyValue.Create(value);

    public static PropertyValue Of(double value) => PropertyValue.Create(value);
}
