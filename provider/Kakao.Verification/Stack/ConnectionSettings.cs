using Kakao.Provisioning;

namespace Kakao.Verification.Stack;

/// <summary>Connection settings as the user gave them (any may be missing), before validation.</summary>
internal sealed record ConnectionSettings
{
    public string? ProjectId { get; init; }
    public string? Endpoint { get; init; }
    public string? AuthEndpoint { get; init; }
    public string? KeyId { get; init; }
    public string? KeySecret { get; init; }
    public string? AuthMode { get; init; }

    /// <summary>Where <see cref="ProjectId"/> came from, e.g. "--project" or "stack config kakao:projectId".</summary>
    public string? ProjectIdOrigin { get; init; }

    /// <summary>Where <see cref="KeyId"/> came from, for the message when Sinch refuses the key.</summary>
    public string? KeyIdOrigin { get; init; }

    /// <summary>Where <see cref="KeySecret"/> came from (never the value itself).</summary>
    public string? KeySecretOrigin { get; init; }

    /// <summary>Fills the gaps from the environment (SINCH_PROJECT_ID, SINCH_KEY_ID, SINCH_KEY_SECRET, KAKAO_ENDPOINT, ...).</summary>
    public ConnectionSettings WithEnvironmentFallbacks(Func<string, string?> env) => this with
    {
        ProjectId = Pick(ProjectId, env("SINCH_PROJECT_ID")),
        Endpoint = Pick(Endpoint, env("KAKAO_ENDPOINT")),
        AuthEndpoint = Pick(AuthEndpoint, env("KAKAO_AUTH_ENDPOINT")),
        KeyId = Pick(KeyId, env("SINCH_KEY_ID")),
        KeySecret = Pick(KeySecret, env("SINCH_KEY_SECRET")),
        AuthMode = Pick(AuthMode, env("KAKAO_AUTH_MODE")),
        ProjectIdOrigin = Origin(ProjectId, ProjectIdOrigin, "SINCH_PROJECT_ID", env),
        KeyIdOrigin = Origin(KeyId, KeyIdOrigin, "SINCH_KEY_ID", env),
        KeySecretOrigin = Origin(KeySecret, KeySecretOrigin, "SINCH_KEY_SECRET", env),
    };

    /// <summary>Validates and builds the connection; <paramref name="origin"/> names where settings came from.</summary>
    public SinchConnection Build(string origin)
    {
        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(ProjectId)) missing.Add("projectId (--project or SINCH_PROJECT_ID)");
        if (string.IsNullOrWhiteSpace(KeyId)) missing.Add("keyId (--key-id or SINCH_KEY_ID)");
        if (string.IsNullOrWhiteSpace(KeySecret)) missing.Add("keySecret (SINCH_KEY_SECRET)");
        if (missing.Count > 0)
        {
            throw new ConfigurationException($"Missing Sinch settings for {origin}: {string.Join(", ", missing)}.");
        }

        var endpoint = ParseEndpoint(Endpoint, "endpoint") ?? ProvisioningClientOptions.DefaultEndpoint;
        var authEndpoint = ParseEndpoint(AuthEndpoint, "authEndpoint");
        var mode = (AuthMode ?? "oauth2").Trim().ToUpperInvariant() switch
        {
            "BASIC" => ProvisioningAuthMode.Basic,
            "OAUTH2" => ProvisioningAuthMode.OAuth2,
            _ => throw new ConfigurationException($"Unknown auth mode '{AuthMode}' for {origin}: use basic or oauth2."),
        };
        return new SinchConnection(ProjectId!.Trim(), endpoint, authEndpoint, KeyId!.Trim(), KeySecret!, mode)
        {
            ProjectOrigin = ProjectIdOrigin ?? "projectId",
            CredentialOrigin = KeyIdOrigin == KeySecretOrigin || KeyIdOrigin is null || KeySecretOrigin is null
                ? $"the key id and key secret (from {KeyIdOrigin ?? KeySecretOrigin ?? "the settings"})"
                : $"the key id (from {KeyIdOrigin}) and the key secret (from {KeySecretOrigin})",
        };
    }

    private static Uri? ParseEndpoint(string? text, string name)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new ConfigurationException($"The {name} '{text}' is not an http(s) URL.");
        }

        if (uri.Scheme == Uri.UriSchemeHttp && !uri.IsLoopback)
        {
            throw new ConfigurationException($"The {name} '{text}' uses http:// on a non-loopback host; use https://.");
        }

        return uri;
    }

    private static string? Pick(string? given, string? fallback) => string.IsNullOrWhiteSpace(given) ? fallback : given;

    private static string? Origin(string? given, string? origin, string variable, Func<string, string?> env) =>
        !string.IsNullOrWhiteSpace(given) ? origin
            : !string.IsNullOrWhiteSpace(env(variable)) ? $"environment variable {variable}"
            : origin;

    public override string ToString() => $"ConnectionSettings {{ ProjectId = {ProjectId}, Endpoint = {Endpoint}, KeyId = {KeyId}, KeySecret = *** }}";
}
