namespace Kakao.Provider.Models;

/// <summary>Builds a <see cref="PropertyMap"/> while skipping absent values.</summary>
internal sealed class PropertyMapBuilder
{
    private readonly Dictionary<string, PropertyValue> _items = new(StringComparer.Ordinal);

    public PropertyMapBuilder Set(string key, PropertyValue? value)
    {
        if (value is not null)
        {
            _items[key] = value;
        }

        return this;
    }

    /// <summary>Sets a string, wrapped in a secret when <paramref name="secret"/>; null strings are skipped.</summary>
    public PropertyMapBuilder SetString(string key, string? value, bool secret = false) =>
        value is null ? this : Set(key, secret ? PropertyValue.Secret(PropertyValue.Create(value)) : PropertyValue.Create(value));

    public PropertyMap Build() => new(_items);
}
