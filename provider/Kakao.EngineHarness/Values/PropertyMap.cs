using System.Collections;
using System.Text;

namespace Kakao.EngineHarness.Values;

/// <summary>
/// An immutable map of property names to values (resource inputs, outputs, config), with structural equality.
/// Build one with a collection initializer: <c>new PropertyMap { ["name"] = "Sinch Demo Shop" }</c> or
/// <see cref="With"/>.
/// </summary>
public sealed class PropertyMap : IReadOnlyDictionary<string, PropertyValue>, IEquatable<PropertyMap>
{
    private readonly SortedDictionary<string, PropertyValue> _items;
    private bool _frozen;

    /// <summary>Creates an empty map; fill it with a collection initializer.</summary>
    public PropertyMap()
    {
        _items = new SortedDictionary<string, PropertyValue>(StringComparer.Ordinal);
    }

    /// <summary>Creates a map holding the given entries.</summary>
    public PropertyMap(IEnumerable<KeyValuePair<string, PropertyValue>> entries)
        : this()
    {
        ArgumentNullException.ThrowIfNull(entries);
        foreach (var (key, value) in entries)
        {
            _items[key] = value ?? PropertyValue.Null;
        }

        _frozen = true;
    }

    /// <summary>An empty map.</summary>
    public static PropertyMap Empty { get; } = new(System.Array.Empty<KeyValuePair<string, PropertyValue>>());

    /// <summary>
    /// Gets a value, or sets one while the map is being built by a collection initializer. A map that has been
    /// read (or passed to the harness) is frozen and refuses further writes.
    /// </summary>
    public PropertyValue this[string key]
    {
        get
        {
            _frozen = true;
            return _items[key];
        }

        init
        {
            ArgumentNullException.ThrowIfNull(key);
            _items[key] = value ?? PropertyValue.Null;
        }
    }

    /// <inheritdoc />
    public int Count => _items.Count;

    /// <inheritdoc />
    public IEnumerable<string> Keys => _items.Keys;

    /// <inheritdoc />
    public IEnumerable<PropertyValue> Values => _items.Values;

    /// <inheritdoc />
    public bool ContainsKey(string key) => _items.ContainsKey(key);

    /// <inheritdoc />
    public bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out PropertyValue value) =>
        _items.TryGetValue(key, out value);

    /// <summary>The value of <paramref name="key"/>, or null when absent.</summary>
    public PropertyValue? GetOrDefault(string key) => _items.TryGetValue(key, out var value) ? value : null;

    /// <summary>A copy of this map with <paramref name="key"/> set to <paramref name="value"/>.</summary>
    public PropertyMap With(string key, PropertyValue value)
    {
        ArgumentNullException.ThrowIfNull(key);
        var copy = new Dictionary<string, PropertyValue>(_items, StringComparer.Ordinal) { [key] = value };
        return new PropertyMap(copy);
    }

    /// <summary>A copy of this map without <paramref name="key"/>.</summary>
    public PropertyMap Without(string key) => new(_items.Where(pair => pair.Key != key));

    /// <summary>This map with every secret marking removed.</summary>
    public PropertyMap Unsecret() => new(_items.Select(pair => KeyValuePair.Create(pair.Key, pair.Value.Unsecret())));

    /// <summary>Names of properties whose values differ between this map and <paramref name="other"/>.</summary>
    public IReadOnlyList<string> ChangedKeys(PropertyMap other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Keys.Union(other.Keys, StringComparer.Ordinal)
            .Where(key => !Equals(GetOrDefault(key), other.GetOrDefault(key)))
            .OrderBy(key => key, StringComparer.Ordinal)
            .ToArray();
    }

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, PropertyValue>> GetEnumerator()
    {
        _frozen = true;
        return _items.GetEnumerator();
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Adds an entry while building with a collection initializer.</summary>
    public void Add(string key, PropertyValue value)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (_frozen)
        {
            throw new InvalidOperationException("A PropertyMap is immutable once built; use With() to derive a new one.");
        }

        _items.Add(key, value ?? PropertyValue.Null);
    }

    /// <inheritdoc />
    public bool Equals(PropertyMap? other) =>
        other is not null && other.Count == Count &&
        _items.All(pair => other._items.TryGetValue(pair.Key, out var value) && pair.Value.Equals(value));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as PropertyMap);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var (key, value) in _items)
        {
            hash.Add(key);
            hash.Add(value);
        }

        return hash.ToHashCode();
    }

    /// <summary>A debugging rendering; secrets print as <c>[secret]</c>.</summary>
    public override string ToString()
    {
        var builder = new StringBuilder();
        Render(builder);
        return builder.ToString();
    }

    internal void Render(StringBuilder builder)
    {
        builder.Append('{');
        var first = true;
        foreach (var (key, value) in _items)
        {
            if (!first)
            {
                builder.Append(", ");
            }

            first = false;
            builder.Append(key).Append(": ");
            value.Render(builder);
        }

        builder.Append('}');
    }
}
