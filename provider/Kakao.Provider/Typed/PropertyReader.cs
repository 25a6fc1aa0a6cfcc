using Kakao.Provider.Models;

namespace Kakao.Provider.Typed;

/// <summary>Parses a wire string into an enum member.</summary>
internal delegate bool TryParser<T>(string text, out T value);

/// <summary>
/// Reads typed values out of a property map for generated <c>Decode</c> methods. Strict (checked inputs of a
/// Create or Update): a missing required value, an unknown or a wrong kind throws
/// <see cref="InvalidInputException"/> naming the property. Lenient (state, Check, Diff, preview): such values
/// read as null and are recorded in <see cref="Unknowns"/> or <see cref="WrongKinds"/>. Either way it records
/// which properties arrived secret (paths: <c>buttons[0].name</c> for nested ones).
/// </summary>
internal sealed class PropertyReader
{
    private readonly PropertyMap _map;
    private readonly bool _strict;
    private readonly string _prefix;
    private readonly HashSet<string> _unknowns;
    private readonly HashSet<string> _secrets;
    private readonly Dictionary<string, PropertyValueKind> _wrongKinds;

    private PropertyReader(PropertyMap map, bool strict, string prefix, HashSet<string> unknowns, HashSet<string> secrets, Dictionary<string, PropertyValueKind> wrongKinds)
    {
        _map = map;
        _strict = strict;
        _prefix = prefix;
        _unknowns = unknowns;
        _secrets = secrets;
        _wrongKinds = wrongKinds;
    }

    public static PropertyReader Strict(PropertyMap map) => new(map, strict: true, "", new(StringComparer.Ordinal), new(StringComparer.Ordinal), new(StringComparer.Ordinal));

    public static PropertyReader Lenient(PropertyMap map) => new(map, strict: false, "", new(StringComparer.Ordinal), new(StringComparer.Ordinal), new(StringComparer.Ordinal));

    /// <summary>Properties (paths) whose value was not known.</summary>
    public IReadOnlySet<string> Unknowns => _unknowns;

    /// <summary>Properties (paths) that arrived secret.</summary>
    public IReadOnlySet<string> Secrets => _secrets;

    /// <summary>Properties (paths) of the wrong kind, with the kind they had (lenient only).</summary>
    public IReadOnlyDictionary<string, PropertyValueKind> WrongKinds => _wrongKinds;

    public string? String(string key, bool required = false) =>
        Take(key, required) is { } value ? AsString(value, _prefix + key) : null;

    public bool? Bool(string key, bool required = false)
    {
        if (Take(key, required) is not { } value)
        {
            return null;
        }

        return value.Kind switch
        {
            PropertyValueKind.Bool => value.BoolValue,
            PropertyValueKind.String when bool.TryParse(value.StringValue.Trim(), out var parsed) => parsed,
            _ => Wrong<bool?>(_prefix + key, value, "must be true or false"),
        };
    }

    public int? Integer(string key, bool required = false) =>
        Take(key, required) is { } value
            ? value.Kind == PropertyValueKind.Number && value.NumberValue == Math.Floor(value.NumberValue) && Math.Abs(value.NumberValue) <= int.MaxValue
                ? (int)value.NumberValue
                : Wrong<int?>(_prefix + key, value, "must be a whole number")
            : null;

    public double? Number(string key, bool required = false) =>
        Take(key, required) is { } value
            ? value.Kind == PropertyValueKind.Number ? value.NumberValue : Wrong<double?>(_prefix + key, value, "must be a number")
            : null;

    public T? Enum<T>(string key, TryParser<T> parse, bool required = false)
        where T : struct =>
        Take(key, required) is { } value ? AsEnum(value, _prefix + key, parse) : null;

    public T? Object<T>(string key, bool required = false)
        where T : class, IPropertyRecord<T> =>
        Take(key, required) is { } value ? AsObject<T>(value, _prefix + key) : null;

    public IReadOnlyList<string>? StringList(string key, bool required = false) =>
        List(key, required, (PropertyValue item, string path, out string value) => (value = AsString(item, path)!) is not null);

    public IReadOnlyList<T>? EnumList<T>(string key, TryParser<T> parse, bool required = false)
        where T : struct =>
        List(key, required, (PropertyValue item, string path, out T value) =>
        {
            var member = AsEnum(item, path, parse);
            value = member.GetValueOrDefault();
            return member.HasValue;
        });

    public IReadOnlyList<T>? ObjectList<T>(string key, bool required = false)
        where T : class, IPropertyRecord<T> =>
        List(key, required, (PropertyValue item, string path, out T value) => (value = AsObject<T>(item, path)!) is not null);

    private delegate bool ItemReader<TItem>(PropertyValue item, string path, out TItem value);

    private IReadOnlyList<TItem>? List<TItem>(string key, bool required, ItemReader<TItem> read)
    {
        if (Take(key, required) is not { } value)
        {
            return null;
        }

        var path = _prefix + key;
        if (value.Kind != PropertyValueKind.Array)
        {
            return Wrong<IReadOnlyList<TItem>?>(path, value, "must be a list");
        }

        var items = new List<TItem>(value.ArrayValue.Length);
        for (int i = 0; i < value.ArrayValue.Length; i++)
        {
            var itemPath = $"{path}[{i}]";
            if (Known(value.ArrayValue[i], itemPath) is { IsNull: false } item && read(item, itemPath, out var typed))
            {
                items.Add(typed);
            }
            else if (!_strict)
            {
                // A list with an unknown or invalid item is not known as a whole.
                _unknowns.Add(path);
                return null;
            }
        }

        return items;
    }

    private PropertyValue? Take(string key, bool required)
    {
        var path = _prefix + key;
        if (_map.Get(key) is not { } raw || Known(raw, path) is not { IsNull: false } value)
        {
            if (required && _strict && !_unknowns.Contains(path))
            {
                throw new InvalidInputException($"{path} is required");
            }

            return null;
        }

        return value;
    }

    private PropertyValue? Known(PropertyValue raw, string path)
    {
        var (value, secret) = raw.Unwrap();
        if (secret)
        {
            _secrets.Add(path);
        }

        if (value.IsComputed)
        {
            if (_strict)
            {
                throw new InvalidInputException($"{path} is not known yet; it can only be used once its value is known");
            }

            _unknowns.Add(path);
            return null;
        }

        return value;
    }

    private string? AsString(PropertyValue value, string path) =>
        value.Kind == PropertyValueKind.String ? value.StringValue : Wrong<string?>(path, value, "must be a string");

    private T? AsEnum<T>(PropertyValue value, string path, TryParser<T> parse)
        where T : struct =>
        value.Kind == PropertyValueKind.String && parse(value.StringValue, out var member) ? member : Wrong<T?>(path, value, "is not one of the allowed values");

    private T? AsObject<T>(PropertyValue value, string path)
        where T : class, IPropertyRecord<T> =>
        value.Kind == PropertyValueKind.Object
            ? T.Decode(new PropertyReader(value.ObjectValue, _strict, path + ".", _unknowns, _secrets, _wrongKinds))
            : Wrong<T?>(path, value, "must be an object");

    private T Wrong<T>(string path, PropertyValue value, string rule)
    {
        if (_strict)
        {
            throw new InvalidInputException($"{path} {rule}");
        }

        _wrongKinds[path] = value.Kind;
        return default!;
    }
}
