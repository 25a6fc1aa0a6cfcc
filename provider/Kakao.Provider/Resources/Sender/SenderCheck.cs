using Kakao.Provider.Model;

namespace Kakao.Provider.Resources.Sender;

/// <summary>
/// Check for senders: per-property validation and normalisation, without the network. Unknown values pass
/// through untouched; secret inputs stay secret and <c>adminPhoneNo</c> always becomes secret.
/// </summary>
internal static class SenderCheck
{
    public static CheckResult Check(PropertyMap news)
    {
        var failures = new List<CheckFailure>();
        var builder = new PropertyMapBuilder();

        foreach (var (key, raw) in news)
        {
            if (!SenderProperties.Inputs.Contains(key))
            {
                failures.Add(new(key, $"{key} is not an input of {SenderProperties.Token}; valid inputs are {string.Join(", ", SenderProperties.Inputs)}"));
                continue;
            }

            var (value, secret) = raw.Unwrap();
            secret |= SenderProperties.AlwaysSecret.Contains(key);
            if (value.IsComputed)
            {
                // Not known until the update runs: keep it exactly as given, validate later.
                builder.Set(key, secret ? PropertyValue.Secret(value) : value);
                continue;
            }

            if (value.IsNull)
            {
                continue;
            }

            if (key == SenderProperties.Submit)
            {
                if (AsBool(value) is { } submit)
                {
                    builder.Set(key, Wrap(PropertyValue.Create(submit), secret));
                }
                else
                {
                    failures.Add(new(key, $"submit must be true or false (got a {value.Kind})"));
                }

                continue;
            }

            if (value.Kind != PropertyValueKind.String)
            {
                failures.Add(new(key, $"{key} must be a string (got a {value.Kind})"));
                continue;
            }

            var normalized = SenderInputRules.Normalize(key, value.StringValue, secret, out var reason);
            if (normalized is null)
            {
                failures.Add(new(key, secret ? WithoutSecret(reason!, value.StringValue) : reason!));
                continue;
            }

            builder.Set(key, Wrap(PropertyValue.Create(normalized), secret));
        }

        var inputs = builder.Build();
        foreach (var required in SenderProperties.Required)
        {
            if (!inputs.ContainsKey(required) && !failures.Any(f => f.Property == required))
            {
                failures.Add(new(required, $"{required} is required"));
            }
        }

        if (!inputs.ContainsKey(SenderProperties.Submit))
        {
            inputs = inputs.With(SenderProperties.Submit, PropertyValue.Create(true));
        }

        return new CheckResult(inputs, failures);
    }

    /// <summary>Normalises inputs read back from the API exactly as Check does; invalid values are kept as they are.</summary>
    public static PropertyMap Normalize(PropertyMap inputs)
    {
        var result = Check(inputs).Inputs;
        foreach (var (key, value) in inputs)
        {
            if (!result.ContainsKey(key))
            {
                result = result.With(key, value);
            }
        }

        return result;
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

    // Shorter values turn up by chance in any sentence ("1 to 30"); the rules never quote secrets of any length.
    private const int MinMaskedLength = 4;

    private static PropertyValue Wrap(PropertyValue value, bool secret) => secret ? PropertyValue.Secret(value) : value;

    private static bool? AsBool(PropertyValue value) => value.Kind switch
    {
        PropertyValueKind.Bool => value.BoolValue,
        PropertyValueKind.String when bool.TryParse(value.StringValue.Trim(), out var parsed) => parsed,
        _ => null,
    };
}
