using System.Net;
using System.Text;
using Kakao.Provisioning.Tests.TestSupport;

namespace Kakao.Provisioning.Tests;

/// <summary>OAuth2 client credentials: cached token, renewal before expiry, one refresh under concurrency, 401 retry.</summary>
public class ProvisioningClientAuthTests
{
    private TestClock _clock = null!;
    private int _tokensIssued;

    [SetUp]
    public void SetUp()
    {
        _clock = new TestClock();
        _tokensIssued = 0;
    }

    private static bool IsTokenRequest(RecordedRequest r) => r.Path == "/oauth2/token";

    private HttpResponseMessage IssueToken(int expiresIn = 3600) =>
        StubHandler.Json(HttpStatusCode.OK, $$"""{"access_token":"token-{{Interlocked.Increment(ref _tokensIssued)}}","token_type":"Bearer","expires_in":{{expiresIn}},"scope":""}""");

    private ProvisioningClient OAuthClient(StubHandler handler, Action<ProvisioningClientOptions>? configure = null) =>
        Clients.Create(handler, _clock, o =>
        {
            o.AuthMode = ProvisioningAuthMode.OAuth2;
            configure?.Invoke(o);
        });

    private static HttpResponseMessage Sender() => StubHandler.Json(HttpStatusCode.OK, Clients.SenderJson());

    [Test]
    public async Task OAuth2_FirstCall_FetchesATokenWithClientCredentialsAndSendsItAsBearer()
    {
        var handler = new StubHandler((request, _) => IsTokenRequest(request) ? IssueToken() : Sender());
        using var client = OAuthClient(handler);

        await client.GetSenderAsync(Clients.PlusFriendId);

        var token = handler.Requests[0];
        var api = handler.Requests[1];
        Assert.Multiple(() =>
        {
            Assert.That(token.Uri.AbsoluteUri, Is.EqualTo("https://auth.test/oauth2/token"));
            Assert.That(token.Method, Is.EqualTo(HttpMethod.Post));
            Assert.That(token.Body, Is.EqualTo("grant_type=client_credentials"));
            Assert.That(token.ContentType, Is.EqualTo("application/x-www-form-urlencoded"));
            Assert.That(token.Authorization?.Scheme, Is.EqualTo("Basic"));
            Assert.That(Encoding.UTF8.GetString(Convert.FromBase64String(token.Authorization!.Parameter!)), Is.EqualTo($"{Clients.KeyId}:{Clients.KeySecret}"));
            Assert.That(api.Authorization?.ToString(), Is.EqualTo("Bearer token-1"));
        });
    }

    [Test]
    public async Task OAuth2_TokenIsCachedAcrossCallsAndDerivedClients()
    {
        var handler = new StubHandler((request, _) => IsTokenRequest(request) ? IssueToken() : Sender());
        using var client = OAuthClient(handler);

        await client.GetSenderAsync(Clients.PlusFriendId);
        await client.GetSenderAsync(Clients.PlusFriendId);
        await client.ForProject("proj-2").GetSenderAsync(Clients.PlusFriendId);

        Assert.That(handler.Requests.Count(IsTokenRequest), Is.EqualTo(1));
        Assert.That(handler.Requests.Where(r => !IsTokenRequest(r)).Select(r => r.Authorization?.Parameter), Is.All.EqualTo("token-1"));
    }

    [Test]
    public async Task OAuth2_TokenIsRenewedTheRefreshMarginBeforeExpiry()
    {
        var handler = new StubHandler((request, _) => IsTokenRequest(request) ? IssueToken(expiresIn: 3600) : Sender());
        using var client = OAuthClient(handler, o => o.TokenRefreshMargin = TimeSpan.FromSeconds(60));

        await client.GetSenderAsync(Clients.PlusFriendId);
        _clock.Advance(TimeSpan.FromSeconds(3600 - 61));
        await client.GetSenderAsync(Clients.PlusFriendId);
        var beforeMargin = handler.Requests.Count(IsTokenRequest);
        _clock.Advance(TimeSpan.FromSeconds(1));
        await client.GetSenderAsync(Clients.PlusFriendId);

        Assert.That(beforeMargin, Is.EqualTo(1), "still valid outside the margin");
        Assert.That(handler.Requests.Count(IsTokenRequest), Is.EqualTo(2), "renewed inside the margin");
        Assert.That(handler.Requests[^1].Authorization?.Parameter, Is.EqualTo("token-2"));
    }

    [Test]
    public async Task OAuth2_ShortLivedToken_IsNotRenewedOnEveryCall()
    {
        var handler = new StubHandler((request, _) => IsTokenRequest(request) ? IssueToken(expiresIn: 30) : Sender());
        using var client = OAuthClient(handler, o => o.TokenRefreshMargin = TimeSpan.FromSeconds(60));

        await client.GetSenderAsync(Clients.PlusFriendId);
        await client.GetSenderAsync(Clients.PlusFriendId);

        Assert.That(handler.Requests.Count(IsTokenRequest), Is.EqualTo(1));
    }

    [Test]
    public async Task OAuth2_ManyConcurrentCalls_ShareOneTokenFetch()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handler = new StubHandler(async (request, _, _) =>
        {
            if (IsTokenRequest(request))
            {
                await release.Task;
                return IssueToken();
            }

            return Sender();
        });
        using var client = OAuthClient(handler);

        var calls = Enumerable.Range(0, 20).Select(_ => Task.Run(() => client.GetSenderAsync(Clients.PlusFriendId))).ToArray();
        await handler.WaitForRequestsAsync(1);
        release.SetResult();
        await Task.WhenAll(calls);

        Assert.That(handler.Requests.Count(IsTokenRequest), Is.EqualTo(1));
        Assert.That(handler.Requests.Count(r => !IsTokenRequest(r)), Is.EqualTo(20));
    }

    [Test]
    public async Task OAuth2_401_FetchesAFreshTokenAndRetriesOnce()
    {
        var handler = new StubHandler((request, _) =>
            IsTokenRequest(request) ? IssueToken()
            : request.Authorization?.Parameter == "token-1" ? StubHandler.Json(HttpStatusCode.Unauthorized, """{"type":"about:blank","title":"Unauthorized","detail":"Token revoked"}""")
            : Sender());
        var logs = new ListLoggerFactory();
        using var client = OAuthClient(handler, o => o.LoggerFactory = logs);

        await client.GetSenderAsync(Clients.PlusFriendId);

        Assert.That(handler.Requests.Select(r => IsTokenRequest(r) ? "token" : r.Authorization!.Parameter), Is.EqualTo(new[] { "token", "token-1", "token", "token-2" }));
        Assert.That(logs.AllText, Does.Contain("401; retrying once with a fresh token"));
        Assert.That(logs.AllText, Does.Not.Contain("token-1").And.Not.Contain("token-2").And.Not.Contain(Clients.KeySecret));
    }

    [Test]
    public void OAuth2_401AgainWithTheFreshToken_IsRaisedWithoutLooping()
    {
        var handler = new StubHandler((request, _) => IsTokenRequest(request) ? IssueToken() : StubHandler.SinchError(HttpStatusCode.Unauthorized, "unauthorized_error"));
        using var client = OAuthClient(handler);

        var ex = Assert.ThrowsAsync<ProvisioningApiException>(() => client.GetSenderAsync(Clients.PlusFriendId));

        Assert.That(ex!.Status, Is.EqualTo(401));
        Assert.That(handler.Requests.Count(r => !IsTokenRequest(r)), Is.EqualTo(2));
        Assert.That(ex.ToString(), Does.Not.Contain("token-1").And.Not.Contain("token-2"));
    }

    [Test]
    public void OAuth2_WrongKey_RaisesUnauthorizedFromTheTokenEndpoint()
    {
        var handler = new StubHandler((request, _) => IsTokenRequest(request)
            ? StubHandler.Json(HttpStatusCode.Unauthorized, """{"error":"invalid_client"}""")
            : Sender());
        using var client = OAuthClient(handler);

        var ex = Assert.ThrowsAsync<ProvisioningApiException>(() => client.GetSenderAsync(Clients.PlusFriendId));

        Assert.That(ex!.Status, Is.EqualTo(401));
        Assert.That(ex.ErrorCode, Is.EqualTo("unauthorized_error"));
        Assert.That(ex.Message, Does.Contain("OAuth2 token"));
        Assert.That(handler.Requests.Count(r => !IsTokenRequest(r)), Is.EqualTo(0));
    }

    [Test]
    public async Task OAuth2_TokenEndpointUnavailable_IsRetriedLikeARead()
    {
        int tokenCalls = 0;
        var handler = new StubHandler((request, _) => IsTokenRequest(request)
            ? (++tokenCalls == 1 ? StubHandler.Status(HttpStatusCode.ServiceUnavailable) : IssueToken())
            : Sender());
        using var client = OAuthClient(handler);

        var call = client.GetSenderAsync(Clients.PlusFriendId);
        await _clock.AdvanceToNextTimerAsync();
        await call;

        Assert.That(tokenCalls, Is.EqualTo(2));
    }

    [Test]
    public void Basic_401_IsNotRetried()
    {
        var handler = new StubHandler((_, _) => StubHandler.SinchError(HttpStatusCode.Unauthorized, "unauthorized_error", "Unauthorized error.", "Verify that projectId is correct."));
        using var client = Clients.Create(handler, _clock);

        var ex = Assert.ThrowsAsync<ProvisioningApiException>(() => client.GetSenderAsync(Clients.PlusFriendId));

        Assert.That(ex!.ErrorCode, Is.EqualTo("unauthorized_error"));
        Assert.That(handler.Requests, Has.Count.EqualTo(1));
    }
}
