using System.Collections;
using System.Collections.Immutable;

namespace Kakao.Provider.Models;

/// <summary>An immutable, ordered-by-key map of property names to values (a resource's inputs or outputs).</summary>
internal sealed class PropertyMap : IReadOnlyDictionary<string, PropertyValue>, IEquatable<PropertyMap>
{
    private readonly ImmutableSortedDictionary<string, PropertyValue> _items;

    public PropertyMap(IEnumerable<KeyValuePair<string, PropertyValue>> items) =>
        _items = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, items);

    private PropertyMap(ImmutableSortedDictionary<string, PropertyValue> items) => _items = items;

    public static PropertyMap Empty { get; } = new(ImmutableSortedDictionary.Create<string, PropertyValue>(StringComparer.Ordinal));

    public int Count => _items.Count;

    public IEnumerable<string> Keys => _items.Keys;

    public IEnumerable<PropertyValue> Values => _items.Values;

    public PropertyValue this[string key] => _items[key];

    public bool ContainsKey(string key) => _items.ContainsKey(key);

    public bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out PropertyValue value) =>
        _items.TryGetValue(key, out value);

    /// <summary>The value of <paramref name="key"/>, or null when absent.</summary>
    public PropertyValue? Get(string key) => _items.TryGetValue(key, out var value) ? value : null;

    public PropertyMap With(string key, PropertyValue value) => new(_items.SetItem(key, value));

    public PropertyMap Without(string key) => new(_items.Remove(key));

    public IEnumerator<KeyValuePair<string, PropertyValue>> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool Equals(PropertyMap? other) =>
        other is not null && other.Count == Count && _items.All(kv => other.TryGetValue(kv.Key, out var v) && kv.Value.Equals(v));

    public override bool Equals(object? obj) => Equals(obj as PropertyMap);

    public override int GetHashCode() => Count;

    /// <summary>Renders the map; secrets render as <c>[secret]</c>.</summary>
    public override string ToString() => "{" + string.Join(", ", _items.Select(kv => $"{kv.Key}: {kv.Value}")) + "}";
}
