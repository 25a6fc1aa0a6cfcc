using Kakao.Provider.Models;

namespace Kakao.Provider.Typed;

/// <summary>
/// Writes typed values into a property map for generated <c>Encode</c> methods: null values are left out, and a
/// value is wrapped as secret when its spec says so or when the caller names it (an input the program marked
/// secret stays secret in the outputs).
/// </summary>
internal sealed class PropertyWriter
{
    private readonly RecordSpec _spec;
    private readonly IReadOnlySet<string>? _secrets;
    private readonly PropertyMapBuilder _builder = new();

    private PropertyWriter(RecordSpec spec, IReadOnlySet<string>? secrets)
    {
        _spec = spec;
        _secrets = secrets;
    }

    /// <summary>Encodes <paramref name="value"/>; <paramref name="secrets"/> are top-level names to wrap as well.</summary>
    public static PropertyMap Write<T>(T value, IReadOnlySet<string>? secrets = null)
        where T : IPropertyRecord<T>
    {
        var writer = new PropertyWriter(T.Spec, secrets);
        T.Encode(value, writer);
        return writer._builder.Build();
    }

    public void String(string key, string? value)
    {
        if (value is not null)
        {
            Set(key, PropertyValue.Create(value));
        }
    }

    public void Bool(string key, bool value) => Set(key, PropertyValue.Create(value));

    public void Bool(string key, bool? value)
    {
        if (value is { } known)
        {
            Bool(key, known);
        }
    }

    public void Integer(string key, int value) => Set(key, PropertyValue.Create(value));

    public void Integer(string key, int? value)
    {
        if (value is { } known)
        {
            Integer(key, known);
        }
    }

    public void Number(string key, double value) => Set(key, PropertyValue.Create(value));

    public void Number(string key, double? value)
    {
        if (value is { } known)
        {
            Number(key, known);
        }
    }

    public void Enum<T>(string key, T value, Func<T, string> format)
        where T : struct => Set(key, PropertyValue.Create(format(value)));

    public void Enum<T>(string key, T? value, Func<T, string> format)
        where T : struct
    {
        if (value is { } known)
        {
            Enum(key, known, format);
        }
    }

    public void Object<T>(string key, T? value)
        where T : class, IPropertyRecord<T>
    {
        if (value is not null)
        {
            Set(key, PropertyValue.Create(Write(value)));
        }
    }

    public void StringList(string key, IReadOnlyList<string>? values)
    {
        if (values is not null)
        {
            Set(key, PropertyValue.Create(values.Select(PropertyValue.Create)));
        }
    }

    public void EnumList<T>(string key, IReadOnlyList<T>? values, Func<T, string> format)
        where T : struct
    {
        if (values is not null)
        {
            Set(key, PropertyValue.Create(values.Select(v => PropertyValue.Create(format(v)))));
        }
    }

    public void ObjectList<T>(string key, IReadOnlyList<T>? values)
        where T : class, IPropertyRecord<T>
    {
        if (values is not null)
        {
            Set(key, PropertyValue.Create(values.Select(v => PropertyValue.Create(Write(v)))));
        }
    }

    private void Set(string key, PropertyValue value)
    {
        bool secret = _spec.Find(key)?.Secret == true || _secrets?.Contains(key) == true;
        _builder.Set(key, secret ? PropertyValue.Secret(value) : value);
    }
}
