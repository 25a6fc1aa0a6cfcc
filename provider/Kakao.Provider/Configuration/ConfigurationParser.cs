using System.Globalization;
using System.Text.Json;
using Kakao.Provider.Models;
using Kakao.Provisioning;

namespace Kakao.Provider.Configuration;

/// <summary>
/// Validates (CheckConfig) and reads (Configure) the provider configuration. Values may arrive typed or as
/// strings (stack config is text); unknown values are tolerated in preview. Never touches the network.
/// </summary>
internal sealed class ConfigurationParser(Func<string, string?> environment)
{
    /// <summary>A parser reading fallbacks from the process environment.</summary>
    public static ConfigurationParser FromProcessEnvironment() => new(Environment.GetEnvironmentVariable);

    /// <summary>Validates formats and normalises values; required keys are checked by Configure (env may supply them).</summary>
    public CheckResult Check(PropertyMap news)
    {
        var failures = new List<CheckFailure>();
        var inputs = news;

        foreach (var key in new[] { ConfigKeys.ProjectId, ConfigKeys.KeyId, ConfigKeys.KeySecret, ConfigKeys.Endpoint, ConfigKeys.AuthEndpoint, ConfigKeys.AuthMode })
        {
            // Text settings: a list or an object would otherwise read as "not set" and slip through.
            if (news.Get(key)?.Unwrap().Value.Kind is { } kind && kind is PropertyValueKind.Array or PropertyValueKind.Object)
            {
                failures.Add(new(key, $"{ConfigKeys.Qualified(key)} must be a string (got a value of kind {kind})"));
            }
        }

        foreach (var key in new[] { ConfigKeys.ProjectId, ConfigKeys.KeyId })
        {
            if (ReadText(news, key) is { Known: true, Text: { } text } && string.IsNullOrWhiteSpace(text))
            {
                failures.Add(new(key, $"{ConfigKeys.Qualified(key)} must not be empty"));
            }
        }

        // The project id is a segment of every API URL: one that could address another (".." etc.) is refused here.
        if (ReadText(news, ConfigKeys.ProjectId) is { Known: true, Text: { } projectId } && !string.IsNullOrWhiteSpace(projectId)
            && Kakao.Provisioning.PathSegment.Problem(projectId.Trim()) is { } projectProblem)
        {
            failures.Add(new(ConfigKeys.ProjectId, $"{ConfigKeys.Qualified(ConfigKeys.ProjectId)} {projectProblem}"));
        }

        if (news.Get(ConfigKeys.KeySecret) is { IsNull: false } secret)
        {
            // The key secret is stored encrypted whatever the user wrote.
            inputs = inputs.With(ConfigKeys.KeySecret, secret.IsSecret ? secret : PropertyValue.Secret(secret.Unwrap().Value));
        }

        foreach (var key in new[] { ConfigKeys.Endpoint, ConfigKeys.AuthEndpoint })
        {
            if (ReadText(news, key) is { Known: true, Text: { } text } && EndpointRules.TryParse(text, out var reason) is null)
            {
                failures.Add(new(key, $"{ConfigKeys.Qualified(key)} {Masked(reason!, text, news[key])}"));
            }
        }

        if (ReadText(news, ConfigKeys.AuthMode) is { Known: true, Text: { } mode })
        {
            if (ParseAuthMode(mode) is null)
            {
                failures.Add(new(ConfigKeys.AuthMode, Masked($"{ConfigKeys.Qualified(ConfigKeys.AuthMode)} must be \"basic\" or \"oauth2\" (got \"{mode}\")", mode, news[ConfigKeys.AuthMode])));
            }
            else
            {
                inputs = inputs.With(ConfigKeys.AuthMode, Rewrap(news[ConfigKeys.AuthMode], PropertyValue.Create(mode.Trim().ToLowerInvariant())));
            }
        }

        if (ReadNumber(news, ConfigKeys.MaxRetries, out var retriesReason) is { } retries)
        {
            if (retries < 0 || retries > ConfigKeys.MaxRetriesLimit || retries != Math.Floor(retries))
            {
                failures.Add(new(ConfigKeys.MaxRetries, $"{ConfigKeys.Qualified(ConfigKeys.MaxRetries)} must be a whole number from 0 to {ConfigKeys.MaxRetriesLimit} (got {retries.ToString(CultureInfo.InvariantCulture)})"));
            }
            else
            {
                inputs = inputs.With(ConfigKeys.MaxRetries, Rewrap(news[ConfigKeys.MaxRetries], PropertyValue.Create(retries)));
            }
        }
        else if (retriesReason is not null)
        {
            failures.Add(new(ConfigKeys.MaxRetries, retriesReason));
        }

        if (ReadNumber(news, ConfigKeys.RequestTimeout, out var timeoutReason) is { } timeout)
        {
            if (timeout <= 0 || timeout > ConfigKeys.RequestTimeoutLimitSeconds)
            {
                failures.Add(new(ConfigKeys.RequestTimeout, $"{ConfigKeys.Qualified(ConfigKeys.RequestTimeout)} must be a number of seconds greater than 0 and at most {ConfigKeys.RequestTimeoutLimitSeconds} (got {timeout.ToString(CultureInfo.InvariantCulture)})"));
            }
            else
            {
                inputs = inputs.With(ConfigKeys.RequestTimeout, Rewrap(news[ConfigKeys.RequestTimeout], PropertyValue.Create(timeout)));
            }
        }
        else if (timeoutReason is not null)
        {
            failures.Add(new(ConfigKeys.RequestTimeout, timeoutReason));
        }

        return new CheckResult(inputs, failures);
    }

    /// <summary>
    /// Reads the effective configuration. Returns null when a value is still unknown (preview before the
    /// values exist). Throws <see cref="MissingConfigurationException"/> for missing required keys and
    /// <see cref="InvalidInputException"/> for malformed values.
    /// </summary>
    public ProviderConfiguration? Parse(PropertyMap args)
    {
        var check = Check(args);
        if (check.Failures.Count > 0)
        {
            throw new InvalidInputException(string.Join("; ", check.Failures.Select(f => f.Reason)));
        }

        bool unknown = false;
        var origins = new Dictionary<string, string>(StringComparer.Ordinal);
        string? Required(string key, string env)
        {
            var value = ReadText(args, key);
            unknown |= !value.Known;
            if (!value.Known)
            {
                return null;
            }

            // Remembered for the message when Sinch refuses the key: which setting to fix.
            origins[key] = NonEmpty(value.Text) is not null ? $"configuration key {ConfigKeys.Qualified(key)}" : $"environment variable {env}";
            return NonEmpty(value.Text) ?? NonEmpty(environment(env));
        }

        var projectId = Required(ConfigKeys.ProjectId, ConfigKeys.ProjectIdEnv);
        var keyId = Required(ConfigKeys.KeyId, ConfigKeys.KeyIdEnv);
        var keySecret = Required(ConfigKeys.KeySecret, ConfigKeys.KeySecretEnv);

        var missing = new List<MissingConfigurationKey>();
        AddIfMissing(missing, projectId, ConfigKeys.ProjectId, ConfigKeys.ProjectIdEnv, "The Sinch project id (Sinch Build dashboard)");
        AddIfMissing(missing, keyId, ConfigKeys.KeyId, ConfigKeys.KeyIdEnv, "The Sinch access key id");
        AddIfMissing(missing, keySecret, ConfigKeys.KeySecret, ConfigKeys.KeySecretEnv, "The Sinch access key secret (set it with --secret)");
        if (!unknown && missing.Count > 0)
        {
            throw new MissingConfigurationException(missing);
        }

        if (projectId is not null && Kakao.Provisioning.PathSegment.Problem(projectId.Trim()) is { } projectProblem)
        {
            throw new InvalidInputException($"{ConfigKeys.Qualified(ConfigKeys.ProjectId)} {projectProblem}");
        }

        var endpointText = ReadText(args, ConfigKeys.Endpoint);
        var authEndpointText = ReadText(args, ConfigKeys.AuthEndpoint);
        var authModeText = ReadText(args, ConfigKeys.AuthMode);
        var retries = ReadNumber(args, ConfigKeys.MaxRetries, out _);
        var timeout = ReadNumber(args, ConfigKeys.RequestTimeout, out _);
        unknown |= !endpointText.Known || !authEndpointText.Known || !authModeText.Known
            || args.Get(ConfigKeys.MaxRetries)?.IsComputed == true || args.Get(ConfigKeys.RequestTimeout)?.IsComputed == true;
        if (unknown)
        {
            return null;
        }

        var endpoint = NonEmpty(endpointText.Text) ?? NonEmpty(environment(ConfigKeys.EndpointEnv));
        Uri? endpointUri = null;
        if (endpoint is not null && (endpointUri = EndpointRules.TryParse(endpoint, out var reason)) is null)
        {
            throw new InvalidInputException($"{ConfigKeys.EndpointEnv} {reason}");
        }

        return new ProviderConfiguration
        {
            ProjectId = projectId!.Trim(),
            KeyId = keyId!.Trim(),
            KeySecret = keySecret!,
            Endpoint = endpointUri ?? ProvisioningClientOptions.DefaultEndpoint,
            AuthEndpoint = NonEmpty(authEndpointText.Text) is { } auth ? EndpointRules.TryParse(auth, out _)! : ProvisioningClientOptions.DefaultAuthEndpoint,
            AuthMode = NonEmpty(authModeText.Text) is { } mode ? ParseAuthMode(mode)!.Value : ProvisioningAuthMode.OAuth2,
            MaxRetries = retries is { } r ? (int)r : null,
            RequestTimeout = timeout is { } t ? TimeSpan.FromSeconds(t) : null,
            KeyIdOrigin = origins[ConfigKeys.KeyId],
            KeySecretOrigin = origins[ConfigKeys.KeySecret],
        };
    }

    /// <summary>
    /// Converts the legacy <c>variables</c> map (<c>kakao:key</c> or <c>kakao:config:key</c> → text) into config
    /// args. JSON numbers and booleans are kept typed; other text stays a string.
    /// </summary>
    public static PropertyMap FromVariables(IReadOnlyDictionary<string, string> variables)
    {
        var builder = new PropertyMapBuilder();
        foreach (var (qualified, text) in variables)
        {
            var key = qualified[(qualified.LastIndexOf(':') + 1)..];
            builder.Set(key, ParseVariable(text));
        }

        return builder.Build();
    }

    private static PropertyValue ParseVariable(string text)
    {
        var trimmed = text.Trim();
        if (trimmed is "true" or "false")
        {
            return PropertyValue.Create(trimmed == "true");
        }

        if (double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && trimmed.Length > 0 && (char.IsDigit(trimmed[0]) || trimmed[0] == '-'))
        {
            return PropertyValue.Create(number);
        }

        if (trimmed.StartsWith('"'))
        {
            try
            {
                using var document = JsonDocument.Parse(trimmed);
                if (document.RootElement.ValueKind == JsonValueKind.String)
                {
                    return PropertyValue.Create(document.RootElement.GetString());
                }
            }
            catch (JsonException)
            {
                // Not JSON: keep the text as written.
            }
        }

        return PropertyValue.Create(text);
    }

    private static void AddIfMissing(List<MissingConfigurationKey> missing, string? value, string key, string env, string description)
    {
        if (value is null)
        {
            missing.Add(new(ConfigKeys.Qualified(key), $"{description}; or set the {env} environment variable"));
        }
    }

    // A value the user marked secret is never quoted back, whatever key it was given for.
    // CheckConfig's values arrive without secret wrappers (the engine strips them, engine-behaviour.md §2), so a
    // config value the user set with --secret cannot be told apart here: no config value is ever quoted back.
    private static string Masked(string reason, string text, PropertyValue raw) =>
        text.Length > 0 ? reason.Replace(text, raw.IsSecret ? "***" : "(the value given)", StringComparison.Ordinal) : reason;

    private static string? NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private static ProvisioningAuthMode? ParseAuthMode(string text) => text.Trim().ToLowerInvariant() switch
    {
        "basic" => ProvisioningAuthMode.Basic,
        "oauth2" => ProvisioningAuthMode.OAuth2,
        _ => null,
    };

    private static PropertyValue Rewrap(PropertyValue original, PropertyValue replacement) =>
        original.IsSecret ? PropertyValue.Secret(replacement) : replacement;

    /// <summary>A config value as text: absent/null → (true, null); unknown → (false, null).</summary>
    private static (bool Known, string? Text) ReadText(PropertyMap map, string key)
    {
        if (map.Get(key) is not { } raw)
        {
            return (true, null);
        }

        var (value, _) = raw.Unwrap();
        return value.Kind switch
        {
            PropertyValueKind.Computed => (false, null),
            PropertyValueKind.String => (true, value.StringValue),
            PropertyValueKind.Number => (true, value.NumberValue.ToString(CultureInfo.InvariantCulture)),
            PropertyValueKind.Bool => (true, value.BoolValue ? "true" : "false"),
            _ => (true, null),
        };
    }

    private static double? ReadNumber(PropertyMap map, string key, out string? failure)
    {
        failure = null;
        if (map.Get(key) is not { } raw)
        {
            return null;
        }

        var (value, _) = raw.Unwrap();
        switch (value.Kind)
        {
            case PropertyValueKind.Number:
                return value.NumberValue;
            case PropertyValueKind.String when double.TryParse(value.StringValue.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed):
                return parsed;
            case PropertyValueKind.String when value.StringValue.Trim().Length == 0:
            case PropertyValueKind.Null:
            case PropertyValueKind.Computed:
                return null;
            default:
                failure = $"{ConfigKeys.Qualified(key)} must be a number (got a value of kind {value.Kind})";
                return null;
        }
    }
}
