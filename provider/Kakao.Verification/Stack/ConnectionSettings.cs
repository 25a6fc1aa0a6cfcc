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

    /// <summary>Fills the gaps from the environment (<see cref="ProvisioningEnvironment"/>).</summary>
    public ConnectionSettings WithEnvironmentFallbacks(Func<string, string?> env) => this with
    {
        ProjectId = Pick(ProjectId, env(ProvisioningEnvironment.ProjectId)),
        Endpoint = Pick(Endpoint, env(ProvisioningEnvironment.Endpoint)),
        AuthEndpoint = Pick(AuthEndpoint, env(ProvisioningEnvironment.AuthEndpoint)),
        KeyId = Pick(KeyId, env(ProvisioningEnvironment.KeyId)),
        KeySecret = Pick(KeySecret, env(ProvisioningEnvironment.KeySecret)),
        AuthMode = Pick(AuthMode, env(ProvisioningEnvironment.AuthMode)),
        ProjectIdOrigin = Origin(ProjectId, ProjectIdOrigin, ProvisioningEnvironment.ProjectId, env),
        KeyIdOrigin = Origin(KeyId, KeyIdOrigin, ProvisioningEnvironment.KeyId, env),
        KeySecretOrigin = Origin(KeySecret, KeySecretOrigin, ProvisioningEnvironment.KeySecret, env),
    };

    /// <summary>Validates and builds the connection; <paramref name="origin"/> names where settings came from.</summary>
    public SinchConnection Build(string origin)
    {
        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(ProjectId)) missing.Add($"projectId (--project or {ProvisioningEnvironment.ProjectId})");
        if (string.IsNullOrWhiteSpace(KeyId)) missing.Add($"keyId (--key-id or {ProvisioningEnvironment.KeyId})");
        if (string.IsNullOrWhiteSpace(KeySecret)) missing.Add($"keySecret ({ProvisioningEnvironment.KeySecret})");
        if (missing.Count > 0)
        {
            throw new ConfigurationException($"Missing Sinch settings for {origin}: {string.Join(", ", missing)}.");
        }

        var endpoint = ParseEndpoint(Endpoint, "endpoint") ?? ProvisioningClientOptions.DefaultEndpoint;
        var authEndpoint = ParseEndpoint(AuthEndpoint, "authEndpoint");
        var mode = ProvisioningAuthMode.OAuth2;
        if (!string.IsNullOrWhiteSpace(AuthMode) && !ProvisioningAuthModes.TryParse(AuthMode, out mode))
        {
            throw new ConfigurationException($"Unknown auth mode '{AuthMode}' for {origin}: use {ProvisioningAuthModes.Choices}.");
        }

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

        if (!ProvisioningEndpoint.TryParse(text, out var uri, out var problem))
        {
            throw new ConfigurationException($"The {name} '{text}' {problem}.");
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
