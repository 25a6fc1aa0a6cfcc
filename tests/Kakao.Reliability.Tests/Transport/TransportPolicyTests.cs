using Grpc.Core;
using Kakao.EngineHarness.Results;
using Kakao.EngineHarness.Values;
using Kakao.Provisioning;
using Kakao.Reliability.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace Kakao.Reliability.Tests.Transport;

/// <summary>
/// Transport policy end to end: <c>http://</c> only to loopback (client, plugin, driver), credentials never
/// follow a redirect to another host, and TLS certificate errors fail closed.
/// </summary>
[TestFixture]
[Category("Transport")]
public sealed class TransportPolicyTests
{
    private static readonly string[] NonLoopbackHttp = ["http://provisioning.api.sinch.com", "http://10.0.0.1:8080", "http://192.168.1.20", "http://localhost.example.com", "http://127.0.0.1.nip.io"];

    [TestCaseSource(nameof(NonLoopbackHttp))]
    public void ClientOptions_HttpToNonLoopbackHost_Refused(string endpoint)
    {
        var endpointError = Assert.Throws<ArgumentException>(() => new ProvisioningClient(Options(new Uri(endpoint))));
        var authError = Assert.Throws<ArgumentException>(() =>
        {
            var options = Options(new Uri("https://provisioning.api.sinch.com"));
            options.AuthEndpoint = new Uri(endpoint);
            using var client = new ProvisioningClient(options);
        });

        Assert.Multiple(() =>
        {
            Assert.That(endpointError!.ParamName, Does.Contain("Endpoint"));
            Assert.That(authError!.ParamName, Does.Contain("AuthEndpoint"));
        });
    }

    [TestCase("http://127.0.0.1:5080")]
    [TestCase("http://localhost:5080")]
    [TestCase("http://[::1]:5080")]
    public void ClientOptions_HttpToLoopback_Accepted(string endpoint)
    {
        using var client = new ProvisioningClient(Options(new Uri(endpoint)));
        Assert.That(client, Is.Not.Null);
    }

    [Test]
    public async Task Plugin_HttpToNonLoopbackEndpoint_RefusedByCheckConfigAndConfigure()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var session = await ReliabilityWorld.StartPluginAsync(timeout.Token);
        var problems = new List<string>();
        foreach (var endpoint in NonLoopbackHttp)
        {
            foreach (var key in new[] { "endpoint", "authEndpoint" })
            {
                var config = ReliabilityWorld.ConfigFor(new Uri("http://127.0.0.1:9")).With(key, endpoint);
                var check = await session.Provider.CheckConfigAsync(session.ProviderUrn, PropertyMap.Empty, config, timeout.Token);
                if (!check.Failures.Any(f => f.Property.EndsWith(key, StringComparison.Ordinal) && f.Reason.Contains("https", StringComparison.Ordinal)))
                {
                    problems.Add($"CheckConfig {key}={endpoint}: {string.Join("; ", check.Failures)}");
                }

                var error = Assert.ThrowsAsync<ProviderRpcException>(() => session.Provider.ConfigureAsync(session.ProviderUrn, "kakao", config, cancellationToken: timeout.Token));
                if (error!.StatusCode != StatusCode.InvalidArgument)
                {
                    problems.Add($"Configure {key}={endpoint}: {error.StatusCode} {error.Detail}");
                }
            }
        }

        Assert.That(problems, Is.Empty);
    }

    [Test]
    public async Task Driver_HttpToNonLoopbackEndpoint_ExitsTwoNamingHttps()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var byOption = await DriverProcess.RunAsync(["senders", "categories", "--endpoint", "http://provisioning.api.sinch.com"], Credentials(), timeout.Token);
        var environment = Credentials();
        environment["KAKAO_ENDPOINT"] = "http://10.0.0.1:8080";
        var byEnvironment = await DriverProcess.RunAsync(["senders", "categories"], environment, timeout.Token);

        Assert.Multiple(() =>
        {
            foreach (var result in new[] { byOption, byEnvironment })
            {
                Assert.That(result.ExitCode, Is.EqualTo(2), result.StandardError);
                Assert.That(result.StandardError, Does.Contain("https://"));
                Assert.That(result.HasStackTrace, Is.False, result.StandardError);
            }
        });
    }

    [Test]
    public async Task Client_RedirectToAnotherHost_DoesNotForwardCredentials()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var target = await LoopbackServer.StartAsync(context => Results.Json(new { plusFriendId = "@x" }).ExecuteAsync(context), cancellationToken: timeout.Token);
        // Same port space, another host name: 127.0.0.1 redirects to localhost.
        var elsewhere = $"http://localhost:{target.Port}";
        await using var redirector = await LoopbackServer.StartAsync(context =>
        {
            context.Response.StatusCode = StatusCodes.Status307TemporaryRedirect;
            context.Response.Headers.Location = elsewhere + context.Request.Path + context.Request.QueryString;
            return Task.CompletedTask;
        }, cancellationToken: timeout.Token);

        var basic = Options(redirector.Address);
        basic.AuthMode = ProvisioningAuthMode.Basic; // OAuth2 is the default since issue 15
        var oauth = Options(redirector.Address);
        oauth.AuthMode = ProvisioningAuthMode.OAuth2;
        foreach (var options in new[] { basic, oauth })
        {
            using var client = new ProvisioningClient(options);
            try
            {
                await client.GetSenderAsync("@x", timeout.Token);
            }
            catch (ProvisioningApiException)
            {
                // Refusing to follow is as good as following without credentials; only what arrived matters.
            }
        }

        Assert.Multiple(() =>
        {
            Assert.That(redirector.Calls.Where(c => c.Path.StartsWith("/v1", StringComparison.Ordinal)), Is.Not.Empty, "the client called the endpoint");
            Assert.That(redirector.Calls.Where(c => c.Path.StartsWith("/oauth2", StringComparison.Ordinal)), Is.Not.Empty, "the client asked for a token");
            Assert.That(target.Calls.Where(c => c.Authorization.Length > 0), Is.Empty, "credentials followed a redirect to another host");
        });
    }

    [Test]
    public async Task Plugin_RedirectToAnotherHost_DoesNotForwardCredentials()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var target = await LoopbackServer.StartAsync(context => Results.Json(new { plusFriendId = "@x" }).ExecuteAsync(context), cancellationToken: timeout.Token);
        await using var redirector = await LoopbackServer.StartAsync(context =>
        {
            context.Response.StatusCode = StatusCodes.Status307TemporaryRedirect;
            context.Response.Headers.Location = $"http://localhost:{target.Port}{context.Request.Path}";
            return Task.CompletedTask;
        }, cancellationToken: timeout.Token);
        await using var session = await ReliabilityWorld.StartPluginAsync(timeout.Token);
        await session.ConfigureAsync(ReliabilityWorld.ConfigFor(redirector.Address, maxRetries: 0), cancellationToken: timeout.Token);

        var error = Assert.ThrowsAsync<ProviderRpcException>(() => session.InvokeAsync(ReliabilityWorld.GetSender, new PropertyMap { ["plusFriendId"] = "@x" }, timeout.Token));

        Assert.Multiple(() =>
        {
            Assert.That(error!.StatusCode, Is.Not.AnyOf(StatusCode.Internal, StatusCode.Unknown), error.Detail);
            Assert.That(redirector.Calls, Is.Not.Empty);
            Assert.That(target.Calls.Where(c => c.Authorization.Length > 0), Is.Empty, "credentials followed a redirect to another host");
        });
    }

    [Test]
    public async Task Client_UntrustedCertificate_FailsClosed()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var certificate = LoopbackServer.SelfSignedCertificate();
        await using var server = await LoopbackServer.StartAsync(context => Results.Json(new { plusFriendId = "@x" }).ExecuteAsync(context), certificate, timeout.Token);
        var options = Options(new Uri($"https://localhost:{server.Port}"));
        options.MaxRetries = 3;
        using var client = new ProvisioningClient(options);

        var error = Assert.ThrowsAsync<ProvisioningApiException>(() => client.GetSenderAsync("@x", timeout.Token));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Status, Is.Zero, "no answer was accepted");
            Assert.That(error.Message, Does.Contain("after 1 attempt(s)"), "a certificate error is not retried");
            Assert.That(server.Calls, Is.Empty, "no request (and no credential) went over the untrusted connection");
            Assert.That(error.Message, Does.Not.Contain(Sentinels.KeySecret));
        });
    }

    [Test]
    public async Task PluginAndDriver_UntrustedCertificate_FailClosedWithoutCrash()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(40));
        using var certificate = LoopbackServer.SelfSignedCertificate();
        await using var server = await LoopbackServer.StartAsync(context => Results.Json(new { plusFriendId = "@x" }).ExecuteAsync(context), certificate, timeout.Token);
        var endpoint = new Uri($"https://127.0.0.1:{server.Port}");
        await using var session = await ReliabilityWorld.StartPluginAsync(timeout.Token);
        await session.ConfigureAsync(ReliabilityWorld.ConfigFor(endpoint, maxRetries: 0), cancellationToken: timeout.Token);

        var pluginError = Assert.ThrowsAsync<ProviderRpcException>(() => session.InvokeAsync(ReliabilityWorld.GetSender, new PropertyMap { ["plusFriendId"] = "@x" }, timeout.Token));
        var environment = Credentials();
        environment["KAKAO_ENDPOINT"] = endpoint.ToString();
        var driver = await DriverProcess.RunAsync(["senders", "categories"], environment, timeout.Token);

        Assert.Multiple(() =>
        {
            Assert.That(pluginError!.StatusCode, Is.EqualTo(StatusCode.Unavailable), pluginError.Detail);
            Assert.That(session.Process!.HasExited, Is.False);
            Assert.That(driver.ExitCode, Is.EqualTo(7), driver.StandardError);
            Assert.That(driver.HasStackTrace, Is.False, driver.StandardError);
            Assert.That(server.Calls, Is.Empty, "no request went over the untrusted connection");
        });
    }

    private static ProvisioningClientOptions Options(Uri endpoint) => new()
    {
        Endpoint = endpoint,
        AuthEndpoint = endpoint,
        ProjectId = Sentinels.ProjectId,
        KeyId = Sentinels.KeyId,
        KeySecret = Sentinels.KeySecret,
        MaxRetries = 0,
    };

    private static Dictionary<string, string?> Credentials() => new()
    {
        ["SINCH_PROJECT_ID"] = Sentinels.ProjectId,
        ["SINCH_KEY_ID"] = Sentinels.KeyId,
        ["SINCH_KEY_SECRET"] = Sentinels.KeySecret,
    };
}
