using Kakao.Emulator;
using Kakao.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Kakao.Provisioning.Tests.Integration;

/// <summary>OAuth2 against the emulator's token endpoint, with the emulator's clock under the test's control.</summary>
public class OAuth2IntegrationTests
{
    private FakeTimeProvider _emulatorClock = null!;
    private EmulatorServer _server = null!;
    private EmulatorControlClient _control = null!;

    [SetUp]
    public async Task StartAsync()
    {
        _emulatorClock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
        _server = await EmulatorServer.StartAsync(new EmulatorOptions { TimeProvider = _emulatorClock });
        _control = new EmulatorControlClient(_server.BaseAddress);
    }

    [TearDown]
    public async Task StopAsync()
    {
        _control.Dispose();
        await _server.DisposeAsync();
    }

    private ProvisioningClient NewClient(TimeProvider clientClock) => new(new ProvisioningClientOptions
    {
        Endpoint = _server.BaseAddress,
        AuthEndpoint = _server.BaseAddress,
        ProjectId = "oauth-project",
        KeyId = "emulator-key",
        KeySecret = "emulator-secret",
        AuthMode = ProvisioningAuthMode.OAuth2,
        TokenRefreshMargin = TimeSpan.FromSeconds(60),
        RetryBaseDelay = TimeSpan.Zero,
        TimeProvider = clientClock,
        AttemptTimeout = Timeout.InfiniteTimeSpan,
        RequestTimeout = Timeout.InfiniteTimeSpan,
    });

    private async Task<int> TokenRequestsAsync() => (await _control.RequestsAsync("/oauth2/token")).Count;

    private async Task<IEnumerable<string?>> ApiAuthSchemesAsync() =>
        (await _control.RequestsAsync("/v1/")).Select(r => r.AuthScheme);

    [Test]
    public async Task OAuth2_TokenIsUsedUntilTheRefreshMarginThenRenewed()
    {
        using var client = NewClient(_emulatorClock);

        await client.ListSenderCategoriesAsync();
        _emulatorClock.Advance(TimeSpan.FromMinutes(58));
        await client.ListSenderCategoriesAsync();
        int beforeMargin = await TokenRequestsAsync();
        _emulatorClock.Advance(TimeSpan.FromMinutes(1.5));
        await client.ListSenderCategoriesAsync();

        Assert.That(beforeMargin, Is.EqualTo(1));
        Assert.That(await TokenRequestsAsync(), Is.EqualTo(2));
        Assert.That(await ApiAuthSchemesAsync(), Is.All.EqualTo("Bearer"));
    }

    [Test]
    public async Task OAuth2_TokenExpiredOnTheServerEarly_IsReplacedAfterOne401()
    {
        // The client's clock says the token is fresh; the service says it expired (clock skew, revocation).
        var clientClock = new FakeTimeProvider(_emulatorClock.GetUtcNow());
        using var client = NewClient(clientClock);
        await client.ListSenderCategoriesAsync();
        _emulatorClock.Advance(TimeSpan.FromHours(2));

        var tree = await client.ListSenderCategoriesAsync();

        var statuses = (await _control.RequestsAsync("/v1/")).Select(r => r.Status);
        Assert.That(tree, Is.Not.Empty);
        Assert.That(statuses, Is.EqualTo(new[] { 200, 401, 200 }));
        Assert.That(await TokenRequestsAsync(), Is.EqualTo(2));
    }

    [Test]
    public async Task OAuth2_ConcurrentCallsOnAColdCache_FetchOneToken()
    {
        using var client = NewClient(_emulatorClock);

        await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => client.ListSenderCategoriesAsync()));

        Assert.That(await TokenRequestsAsync(), Is.EqualTo(1));
    }

    [Test]
    public async Task OAuth2_WrongSecret_IsUnauthorizedWithoutCallingTheApi()
    {
        using var client = new ProvisioningClient(new ProvisioningClientOptions
        {
            Endpoint = _server.BaseAddress,
            AuthEndpoint = _server.BaseAddress,
            ProjectId = "oauth-project",
            KeyId = "emulator-key",
            KeySecret = "wrong-secret",
            AuthMode = ProvisioningAuthMode.OAuth2,
        });

        var ex = Assert.ThrowsAsync<ProvisioningApiException>(() => client.ListSenderCategoriesAsync());

        Assert.That(ex!.Status, Is.EqualTo(401));
        Assert.That(ex.ToString(), Does.Not.Contain("wrong-secret"));
        Assert.That(await _control.RequestsAsync("/v1/"), Is.Empty);
    }
}
