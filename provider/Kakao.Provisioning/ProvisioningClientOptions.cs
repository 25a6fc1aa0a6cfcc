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

    /// <summary>
    /// Base address of the OAuth2 token service (<c>/oauth2/token</c> is appended). Left at its default while
    /// <see cref="Endpoint"/> is a loopback address (the emulator, its own token service), the endpoint is used.
    /// </summary>
    public Uri AuthEndpoint { get; set; } = DefaultAuthEndpoint;

    /// <summary>The Sinch project id every path starts with.</summary>
    public string ProjectId { get; set; } = "";

    /// <summary>The access key id.</summary>
    public string KeyId { get; set; } = "";

    /// <summary>The access key secret. Never logged, never part of <see cref="ToString"/>.</summary>
    public string KeySecret { get; set; } = "";

    /// <summary>
    /// OAuth2 client credentials (the default, what Sinch recommends: Basic is heavily rate limited) or Basic.
    /// </summary>
    public ProvisioningAuthMode AuthMode { get; set; } = ProvisioningAuthMode.OAuth2;

    /// <summary>The token service actually used: <see cref="AuthEndpoint"/>, or a loopback <see cref="Endpoint"/> when it was left at its default.</summary>
    internal Uri EffectiveAuthEndpoint =>
        AuthEndpoint == DefaultAuthEndpoint && Endpoint is { IsAbsoluteUri: true, IsLoopback: true } ? Endpoint : AuthEndpoint;

    /// <summary>Retries after the first attempt for retryable failures (default 4; 0 disables retries).</summary>
    public int MaxRetries { get; set; } = 4;

    /// <summary>First back-off delay; grows exponentially per retry, with jitter (default 500 ms).</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Longest single back-off, including a server's <c>Retry-After</c> (default 30 s).</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Timeout of one HTTP exchange, from sending to the whole answer (default 30 s; <see cref="System.Threading.Timeout.InfiniteTimeSpan"/>
    /// disables it). Time a call waits for its slot under a learned rate limit is not counted; <see cref="RequestTimeout"/> bounds it.
    /// </summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Timeout of a whole call including retries, back-off and reconciliation (default 2 min; infinite disables it).</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Renew an OAuth2 token this long before it expires (default 60 s).</summary>
    public TimeSpan TokenRefreshMargin { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Clock used for back-off, timeouts and token expiry; tests pass a fake.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Source of the back-off jitter (values in [0, 1)); tests fix it. Null: a shared thread-safe random.</summary>
    internal Func<double>? Randomizer { get; set; }

    /// <summary>Where the client logs requests (never secrets). Null logs nothing.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        ValidateEndpoint(Endpoint, nameof(Endpoint));
        ValidateEndpoint(AuthEndpoint, nameof(AuthEndpoint));
        RequireText(ProjectId, nameof(ProjectId));

        // The project id becomes a path segment of every call: refuse one that could address another.
        Internal.ApiPaths.RequireSegment(ProjectId, nameof(ProjectId));
        RequireText(KeyId, nameof(KeyId));
        RequireText(KeySecret, nameof(KeySecret));
        if (!Enum.IsDefined(AuthMode))
        {
            throw new ArgumentException($"{nameof(AuthMode)} must be Basic or OAuth2.", nameof(AuthMode));
        }

        if (MaxRetries is < 0 or > MaxRetriesLimit)
        {
            throw new ArgumentException($"{nameof(MaxRetries)} must be between 0 and {MaxRetriesLimit}.", nameof(MaxRetries));
        }

        RequireRange(RetryBaseDelay, TimeSpan.Zero, TimeSpan.FromMinutes(10), nameof(RetryBaseDelay));
        RequireRange(MaxRetryDelay, TimeSpan.Zero, TimeSpan.FromHours(1), nameof(MaxRetryDelay));
        if (RetryBaseDelay > MaxRetryDelay)
        {
            throw new ArgumentException($"{nameof(RetryBaseDelay)} must not exceed {nameof(MaxRetryDelay)}.", nameof(RetryBaseDelay));
        }

        RequireTimeout(AttemptTimeout, nameof(AttemptTimeout));
        RequireTimeout(RequestTimeout, nameof(RequestTimeout));
        RequireRange(TokenRefreshMargin, TimeSpan.Zero, TimeSpan.FromMinutes(30), nameof(TokenRefreshMargin));
        if (TimeProvider is null)
        {
            throw new ArgumentException($"{nameof(TimeProvider)} is required.", nameof(TimeProvider));
        }
    }

    /// <summary>Upper bound accepted for <see cref="MaxRetries"/>.</summary>
    public const int MaxRetriesLimit = 20;

    /// <summary>Shortest accepted <see cref="AttemptTimeout"/> / <see cref="RequestTimeout"/>.</summary>
    public static readonly TimeSpan MinTimeout = TimeSpan.FromMilliseconds(10);

    /// <summary>Longest accepted finite <see cref="AttemptTimeout"/> / <see cref="RequestTimeout"/>.</summary>
    public static readonly TimeSpan MaxTimeout = TimeSpan.FromHours(23);

    /// <summary>True when <paramref name="host"/> names this machine: <c>localhost</c>, 127.0.0.0/8 or ::1.</summary>
    /// <param name="host">A URI host (IPv6 literals may carry brackets).</param>
    public static bool IsLoopbackHost(string? host)
    {
        if (string.IsNullOrEmpty(host))
        {
            return false;
        }

        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var literal = host.StartsWith('[') && host.EndsWith(']') ? host[1..^1] : host;
        return System.Net.IPAddress.TryParse(literal, out var address) && System.Net.IPAddress.IsLoopback(address);
    }

    private static void ValidateEndpoint(Uri? endpoint, string name)
    {
        if (endpoint is null)
        {
            throw new ArgumentException($"{name} is required.", name);
        }

        if (ProvisioningEndpoint.Problem(endpoint) is { } problem)
        {
            throw new ArgumentException($"{name} {problem}.", name);
        }
    }

    private static void RequireText(string? value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"{name} is required.", name);
        }
    }

    private static void RequireRange(TimeSpan value, TimeSpan min, TimeSpan max, string name)
    {
        if (value < min || value > max)
        {
            throw new ArgumentException($"{name} must be between {min} and {max}.", name);
        }
    }

    private static void RequireTimeout(TimeSpan value, string name)
    {
        if (value == System.Threading.Timeout.InfiniteTimeSpan)
        {
            return;
        }

        if (value < MinTimeout || value > MaxTimeout)
        {
            throw new ArgumentException($"{name} must be between {MinTimeout} and {MaxTimeout}, or Timeout.InfiniteTimeSpan.", name);
        }
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
