using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Kakao.Provisioning.Internal;

/// <summary>
/// OAuth2 client-credentials tokens: one cached token, renewed <c>TokenRefreshMargin</c> before it expires
/// (by the injected clock), fetched by one caller at a time while the others wait for it, and replaced when
/// the API refuses it with 401.
/// </summary>
internal sealed class OAuth2TokenCache : CredentialSource, IDisposable
{
    // Sinch documents 3600 s; used when the token answer leaves expires_in out.
    private static readonly TimeSpan DefaultLifetime = TimeSpan.FromHours(1);

    private readonly SemaphoreSlim _refreshGate = new(1, 1);
    private readonly Func<Func<HttpRequestMessage>, CancellationToken, Task<HttpResponseMessage>> _send;
    private readonly Uri _tokenUri;
    private readonly AuthenticationHeaderValue _keyHeader;
    private readonly TimeSpan _refreshMargin;
    private readonly TimeProvider _time;
    private readonly SecretRedactor _redactor;
    private readonly ILogger _logger;
    private volatile CachedToken? _current;

    // send: posts a token request with retries and throws ProvisioningApiException on failure.
    public OAuth2TokenCache(
        Func<Func<HttpRequestMessage>, CancellationToken, Task<HttpResponseMessage>> send,
        Uri authEndpoint,
        string keyId,
        string keySecret,
        TimeSpan refreshMargin,
        TimeProvider time,
        SecretRedactor redactor,
        ILogger logger)
    {
        _send = send;
        _tokenUri = new Uri(EnsureTrailingSlash(authEndpoint), "oauth2/token");
        _keyHeader = BasicHeader(keyId, keySecret);
        _refreshMargin = refreshMargin;
        _time = time;
        _redactor = redactor;
        _logger = logger;
    }

    /// <summary>How many tokens were fetched (tests and diagnostics).</summary>
    public int TokensFetched { get; private set; }

    public override bool CanRefresh => true;

    public override async ValueTask<AuthenticationHeaderValue> GetAsync(AuthenticationHeaderValue? rejected, CancellationToken cancellationToken)
    {
        if (Usable(_current, rejected) is { } fresh)
        {
            return fresh.Header;
        }

        await _refreshGate.WaitAsync(cancellationToken);
        try
        {
            // Another caller may have renewed it while this one waited.
            if (Usable(_current, rejected) is { } renewed)
            {
                return renewed.Header;
            }

            var token = await FetchAsync(cancellationToken);
            _current = token;
            return token.Header;
        }
        finally
        {
            _refreshGate.Release();
        }
    }

    public void Dispose() => _refreshGate.Dispose();

    private CachedToken? Usable(CachedToken? token, AuthenticationHeaderValue? rejected)
    {
        if (token is null || _time.GetUtcNow() >= token.RenewAt)
        {
            return null;
        }

        return rejected is not null && string.Equals(rejected.Parameter, token.Header.Parameter, StringComparison.Ordinal) ? null : token;
    }

    private async Task<CachedToken> FetchAsync(CancellationToken cancellationToken)
    {
        var requestedAt = _time.GetUtcNow();
        using var response = await _send(CreateRequest, cancellationToken);
        TokenResponse? answer;
        try
        {
            answer = await response.Content.ReadFromJsonAsync(ProvisioningJsonContext.Wire.TokenResponse, cancellationToken);
        }
        catch (JsonException ex)
        {
            throw new ProvisioningApiException((int)response.StatusCode, ProvisioningApiException.InvalidTokenResponseErrorCode, "The token endpoint's answer is not valid JSON.", innerException: ex);
        }

        if (answer?.AccessToken is not { Length: > 0 } accessToken)
        {
            throw new ProvisioningApiException((int)response.StatusCode, ProvisioningApiException.InvalidTokenResponseErrorCode, "The token endpoint's answer has no access_token.");
        }

        _redactor.AddToken(accessToken);
        var lifetime = answer.ExpiresIn is > 0 and < int.MaxValue ? TimeSpan.FromSeconds(answer.ExpiresIn.Value) : DefaultLifetime;

        // A margin as long as the token itself would renew on every call; keep at least half the lifetime.
        var margin = _refreshMargin < lifetime / 2 ? _refreshMargin : lifetime / 2;
        TokensFetched++;
        Log.TokenObtained(_logger, lifetime);
        return new CachedToken(new AuthenticationHeaderValue("Bearer", accessToken), requestedAt + lifetime - margin);
    }

    private HttpRequestMessage CreateRequest()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, _tokenUri)
        {
            Content = new FormUrlEncodedContent([new KeyValuePair<string, string>("grant_type", "client_credentials")]),
        };
        request.Headers.Authorization = _keyHeader;
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return request;
    }

    internal static Uri EnsureTrailingSlash(Uri uri) =>
        uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");

    private sealed record CachedToken(AuthenticationHeaderValue Header, DateTimeOffset RenewAt);
}
