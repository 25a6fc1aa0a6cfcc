using Kakao.Provisioning;

namespace Kakao.Provider.Configuration;

/// <summary>The provider's effective configuration after Configure (config values, then environment fallbacks).</summary>
internal sealed record ProviderConfiguration
{
    public required string ProjectId { get; init; }

    public required string KeyId { get; init; }

    /// <summary>The key secret; excluded from <see cref="ToString"/>.</summary>
    public required string KeySecret { get; init; }

    public Uri Endpoint { get; init; } = ProvisioningClientOptions.DefaultEndpoint;

    public Uri AuthEndpoint { get; init; } = ProvisioningClientOptions.DefaultAuthEndpoint;

    public ProvisioningAuthMode AuthMode { get; init; } = ProvisioningAuthMode.OAuth2;

    /// <summary>Retries of the client; null keeps the client's default.</summary>
    public int? MaxRetries { get; init; }

    /// <summary>Timeout of a whole API call; null keeps the client's default.</summary>
    public TimeSpan? RequestTimeout { get; init; }

    /// <summary>Where the key id came from (a configuration key or an environment variable), for a refused key.</summary>
    public string KeyIdOrigin { get; init; } = $"configuration key {ConfigKeys.Qualified(ConfigKeys.KeyId)}";

    /// <summary>Where the key secret came from (never the value).</summary>
    public string KeySecretOrigin { get; init; } = $"configuration key {ConfigKeys.Qualified(ConfigKeys.KeySecret)}";

    /// <summary>Client options for these settings (the client validates them when it is created).</summary>
    public ProvisioningClientOptions ToClientOptions()
    {
        var options = new ProvisioningClientOptions
        {
            ProjectId = ProjectId,
            KeyId = KeyId,
            KeySecret = KeySecret,
            Endpoint = Endpoint,
            AuthEndpoint = AuthEndpoint,
            AuthMode = AuthMode,
        };
        if (MaxRetries is { } retries)
        {
            options.MaxRetries = retries;
        }

        if (RequestTimeout is { } timeout)
        {
            options.RequestTimeout = timeout;
            if (options.AttemptTimeout > timeout)
            {
                options.AttemptTimeout = timeout;
            }
        }

        return options;
    }

    /// <summary>Describes the configuration without the key secret.</summary>
    public override string ToString() =>
        $"ProviderConfiguration {{ ProjectId = {ProjectId}, KeyId = {KeyId}, KeySecret = ***, Endpoint = {Endpoint}, AuthEndpoint = {AuthEndpoint}, AuthMode = {AuthMode}, MaxRetries = {MaxRetries}, RequestTimeout = {RequestTimeout} }}";
}
