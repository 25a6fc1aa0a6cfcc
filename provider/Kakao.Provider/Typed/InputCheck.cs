using System.Globalization;
using Kakao.Provider.Models;

namespace Kakao.Provider.Typed;

/// <summary>
/// The default Check, from the inputs' spec: every property known to the resource, of its kind, within its
/// bounds and allowed values, then the resource's per-property rule; required ones present; defaults filled
/// in. Unknown values pass untouched; secret inputs stay secret and properties marked secret become secret. A
/// failure never quotes a secret value.
/// </summary>
internal static class InputCheck
{
    // Shorter values turn up by chance in any sentence ("1 to 30"); the rules never quote secrets of any length.
    private const int MinMaskedLength = 4;

    public static CheckResult Check(RecordSpec spec, string token, PropertyMap news, IInputRules? rules)
    {
        var failures = new List<CheckFailure>();
        var builder = new PropertyMapBuilder();
        foreach (var (key, raw) in news)
        {
            if (spec.Find(key) is not { } property)
            {
                failures.Add(new(key, $"{key} is not an input of {token}; valid inputs are {string.Join(", ", spec.Names)}"));
                continue;
            }

            if (Value(property, key, raw, secret: false, rules, failures) is { } checkedValue)
            {
                builder.Set(key, checkedValue);
            }
        }

        var inputs = builder.Build();
        foreach (var property in spec.Properties)
        {
            if (property.Required && !inputs.ContainsKey(property.Name) && !failures.Any(f => f.Property == property.Name))
            {
                failures.Add(new(property.Name, $"{property.Name} is required"));
            }

            if (property.Default is { } value && !inputs.ContainsKey(property.Name))
            {
                inputs = inputs.With(property.Name, value);
            }
        }

        return new CheckResult(inputs, failures);
    }

    /// <summary>
    /// The rules describe secret values instead of quoting them; this is the net under them, for every property:
    /// a failure about a secret input never carries the value (nor its trimmed form).
    /// </summary>
    internal static string WithoutSecret(string reason, string value)
    {
        foreach (var form in new[] { value, value.Trim() }.Where(f => f.Length >= MinMaskedLength).Distinct(StringComparer.Ordinal).OrderByDescending(f => f.Length))
        {
            reason = reason.Replace(form, "(secret)", StringComparison.Ordinal);
        }

        return reason;
    }

    /// <summary>A value for a message: quoted (and shortened) when it may be shown, described when it is secret.</summary>
    internal static string Quote(string value, bool secret)
    {
        if (secret)
        {
            return $"a secret value of {value.Length} characters (not shown)";
        }

        var printable = new string(value.Where(c => !char.IsControl(c)).Take(40).ToArray());
        return value.Length > 40 ? $"\"{printable}…\" ({value.Length} characters)" : $"\"{printable}\"";
    }

    // The checked value (wrapped as secret when it is), or null when absent or invalid (a failure is added).
    private static PropertyValue? Value(PropertySpec property, string path, PropertyValue raw, bool secret, IInputRules? rules, List<CheckFailure> failures)
    {
        var (value, wasSecret) = raw.Unwrap();
        secret |= wasSecret || property.Secret;
        if (value.IsComputed)
        {
            // Not known until the update runs: keep it exactly as given, validate later.
            return Wrap(value, secret);
        }

        if (value.IsNull)
        {
            return null;
        }

        string? reason = null;
        PropertyValue? result = null;
        switch (property.Kind)
        {
            case PropertyKind.Bool:
                bool? flag = value.Kind switch
                {
                    PropertyValueKind.Bool => value.BoolValue,
                    PropertyValueKind.String when bool.TryParse(value.StringValue.Trim(), out var parsed) => parsed,
                    _ => null,
                };
                result = flag is { } b ? PropertyValue.Create(b) : null;
                reason = flag is null ? $"{path} must be true or false (got a {value.Kind})" : null;
                break;
            case PropertyKind.String:
                result = Text(property, path, value, secret, rules, out reason);
                break;
            case PropertyKind.Integer or PropertyKind.Number:
                result = Number(property, path, value, out reason);
                break;
            case PropertyKind.Array:
                result = List(property, path, value, secret, rules, failures, out reason);
                break;
            case PropertyKind.Object:
                result = Object(property, path, value, rules, failures, out reason);
                break;
        }

        if (reason is not null)
        {
            failures.Add(new(path, secret && value.Kind == PropertyValueKind.String ? WithoutSecret(reason, value.StringValue) : reason));
        }

        return result is null ? null : Wrap(result, secret);
    }

    private static PropertyValue? Text(PropertySpec property, string path, PropertyValue value, bool secret, IInputRules? rules, out string? reason)
    {
        if (value.Kind != PropertyValueKind.String)
        {
            reason = $"{path} must be a string (got a {value.Kind})";
            return null;
        }

        var text = value.StringValue;
        if ((property.MinLength is { } min && text.Length < min) || (property.MaxLength is { } max && text.Length > max))
        {
            var bounds = (property.MinLength, property.MaxLength) switch
            {
                ({ } lo, { } hi) => $"{lo} to {hi}",
                ({ } lo, null) => $"at least {lo}",
                (null, { } hi) => $"at most {hi}",
                _ => "",
            };
            reason = $"{path} must be {bounds} characters; got {text.Length} characters";
            return null;
        }

        if (property.AllowedValues is { } allowed && !allowed.Contains(text, StringComparer.Ordinal))
        {
            reason = $"{path} must be one of {string.Join(", ", allowed)}; got {Quote(text, secret)}";
            return null;
        }

        if (rules is not null)
        {
            var normalized = rules.Normalize(path, text, secret, out reason);
            return normalized is null ? null : PropertyValue.Create(normalized);
        }

        reason = null;
        return value;
    }

    private static PropertyValue? Number(PropertySpec property, string path, PropertyValue value, out string? reason)
    {
        reason = null;
        if (value.Kind != PropertyValueKind.Number || (property.Kind == PropertyKind.Integer && value.NumberValue != Math.Floor(value.NumberValue)))
        {
            reason = $"{path} must be {(property.Kind == PropertyKind.Integer ? "a whole number" : "a number")} (got a {value.Kind})";
            return null;
        }

        var number = value.NumberValue;
        if ((property.Minimum is { } min && number < min) || (property.Maximum is { } max && number > max))
        {
            reason = $"{path} must be between {Show(property.Minimum)} and {Show(property.Maximum)}; got {Show(number)}";
            return null;
        }

        return value;
    }

    private static PropertyValue? List(PropertySpec property, string path, PropertyValue value, bool secret, IInputRules? rules, List<CheckFailure> failures, out string? reason)
    {
        reason = null;
        if (value.Kind != PropertyValueKind.Array)
        {
            reason = $"{path} must be a list (got a {value.Kind})";
            return null;
        }

        if (property.MinItems is { } minItems && value.ArrayValue.Length < minItems)
        {
            reason = $"{path} must have at least {minItems} item{(minItems == 1 ? "" : "s")}";
            return null;
        }

        var items = new List<PropertyValue>(value.ArrayValue.Length);
        int before = failures.Count;
        for (int i = 0; i < value.ArrayValue.Length; i++)
        {
            // Secrecy of the list is the list's; an item's own secret wrapper stays on the item.
            var item = Value(property.Items!, $"{path}[{i}]", value.ArrayValue[i], secret: false, rules, failures);
            items.Add(item ?? PropertyValue.Null);
        }

        return failures.Count > before ? null : PropertyValue.Create(items);
    }

    private static PropertyValue? Object(PropertySpec property, string path, PropertyValue value, IInputRules? rules, List<CheckFailure> failures, out string? reason)
    {
        reason = null;
        if (value.Kind != PropertyValueKind.Object)
        {
            reason = $"{path} must be an object (got a {value.Kind})";
            return null;
        }

        var spec = property.Object!();
        var builder = new PropertyMapBuilder();
        int before = failures.Count;
        foreach (var (key, raw) in value.ObjectValue)
        {
            if (spec.Find(key) is not { } nested)
            {
                failures.Add(new($"{path}.{key}", $"{path}.{key} is not a property of {spec.Token}; valid properties are {string.Join(", ", spec.Names)}"));
                continue;
            }

            builder.Set(key, Value(nested, $"{path}.{key}", raw, secret: false, rules, failures));
        }

        var map = builder.Build();
        foreach (var nested in spec.Properties)
        {
            if (nested.Required && !map.ContainsKey(nested.Name) && !failures.Any(f => f.Property == $"{path}.{nested.Name}"))
            {
                failures.Add(new($"{path}.{nested.Name}", $"{path}.{nested.Name} is required"));
            }
        }

        return failures.Count > before ? null : PropertyValue.Create(map);
    }

    private static PropertyValue Wrap(PropertyValue value, bool secret) => secret ? PropertyValue.Secret(value) : value;

    private static string Show(double? number) => number?.ToString(CultureInfo.InvariantCulture) ?? "…";
}
