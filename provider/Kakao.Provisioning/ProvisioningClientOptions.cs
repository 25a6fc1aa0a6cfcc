using Microsoft.Extensions.Logging;

namespace Kakao.Provisioning;

/// <summary>Settings of a <see cref="ProvisioningClient"/>. Defaults suit the real Sinch service.</summary>
public sealed class ProvisioningClientOptions
{
    /// <summary>Sinch's production Provisioning API.</summary>
    public static readonly Uri DefaultEndpoint = new("https://provisioning.api.sinch.com");

    /// <summary>Sinch's production OAuth2 token service.</summary>
    public static readonly Uri DefaultAuthEndpoint = new("https://auth.sinch.com");

    /// <summary>Base address of the Provisioning API. <c>http://</c> is accepted only for loopback hosts.</summary>
    public Uri Endpoint { get; set; } = DefaultEndpoint;

    /// <summary>Base address of the OAuth2 token service (<c>/oauth2/token</c> is appended).</summary>
    public Uri AuthEndpoint { get; set; } = DefaultAuthEndpoint;

    /// <summary>The Sinch project id every path starts with.</summary>
    public string ProjectId { get; set; } = "";

    /// <summary>The access key id.</summary>
    public string KeyId { get; set; } = "";

    /// <summary>The access key secret. Never logged, never part of <see cref="ToString"/>.</summary>
    public string KeySecret { get; set; } = "";

    /// <summary>Basic (default) or OAuth2 client credentials.</summary>
    public ProvisioningAuthMode AuthMode { get; set; } = ProvisioningAuthMode.Basic;

    /// <summary>Retries after the first attempt for retryable failures (default 4; 0 disables retries).</summary>
    public int MaxRetries { get; set; } = 4;

    /// <summary>First back-off delay; doubles per retry, with jitter (default 500 ms).</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Longest single back-off, including a server's <c>Retry-After</c> (default 30 s).</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Timeout of one HTTP attempt (default 30 s).</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Timeout of a whole call including retries and back-off (default 2 min).</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Renew an OAuth2 token this long before it expires (default 60 s).</summary>
    public TimeSpan TokenRefreshMargin { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Clock used for back-off, timeouts and token expiry; tests pass a fake.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Where the client logs requests (never secrets). Null logs nothing.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        throw new NotImplementedException();
    }

    /// <summary>A copy with another project id (shares nothing mutable with this instance).</summary>
    /// <param name="projectId">The project id.</param>
    public ProvisioningClientOptions WithProjectId(string projectId)
    {
        var copy = (ProvisioningClientOptions)MemberwiseClone();
        copy.ProjectId = projectId;
        return copy;
    }

    /// <summary>Describes the options with the key secret redacted.</summary>
    public override string ToString() =>
        $"ProvisioningClientOptions {{ Endpoint = {Endpoint}, AuthEndpoint = {AuthEndpoint}, ProjectId = {ProjectId}, KeyId = {KeyId}, KeySecret = ***, AuthMode = {AuthMode}, MaxRetries = {MaxRetries} }}";
}
