using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kakao.Emulator.Tests.Support;

namespace Kakao.Emulator.Tests.Control;

/// <summary>GET /_emulator/requests and POST /_emulator/reset.</summary>
[TestFixture]
public sealed class RequestLogTests
{
    [Test]
    public async Task Requests_AfterLifecycle_LogMethodPathStatusAndRedactEverySecret()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        string project = EmulatorHarness.NewProject();
        await emulator.CreateActiveSenderAsync(project);
        (await emulator.PostAsync($"v1/projects/{project}/webhooks", """{"target": "http://127.0.0.1:9/h", "secret": "hook-secret-value", "triggers": ["KAKAOTALK_SENDER_ACTIVE"]}""")).Dispose();
        (await emulator.Anonymous.PostAsync("oauth2/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "emulator-key",
            ["client_secret"] = "emulator-secret",
        }))).Dispose();
        (await emulator.PostAsync(EmulatorHarness.Sender(project) + "/verify", """{"code": 987654""")).Dispose();

        string log = await emulator.Anonymous.GetStringAsync("_emulator/requests");

        var entries = JsonNode.Parse(log)!["requests"]!.AsArray();
        var create = entries.First(e => e!["method"]!.GetValue<string>() == "POST" && e["path"]!.GetValue<string>() == EmulatorHarness.Senders("x").Replace("x", project, StringComparison.Ordinal).Insert(0, "/"))!;
        Assert.Multiple(() =>
        {
            Assert.That(create["status"]!.GetValue<int>(), Is.EqualTo(201));
            Assert.That(create["authScheme"]!.GetValue<string>(), Is.EqualTo("Basic"));
            Assert.That(create["body"]!.GetValue<string>(), Does.Contain("Sinch Demo Shop"));
            Assert.That(log, Does.Not.Contain("+48777777777"));
            Assert.That(log, Does.Not.Contain("emulator-secret"));
            Assert.That(log, Does.Not.Contain("ZW11bGF0b3Ita2V5OmVtdWxhdG9yLXNlY3JldA")); // the Basic credentials
            Assert.That(log, Does.Not.Contain("hook-secret-value"));
            Assert.That(log, Does.Not.Contain("987654"));
            Assert.That(entries.Any(e => e!["path"]!.GetValue<string>().EndsWith("/verify", StringComparison.Ordinal) && e["body"]!.GetValue<string>().Contains("***", StringComparison.Ordinal)), Is.True);
        });
    }

    [Test]
    public async Task Requests_VerifyCode_IsRedactedEvenWhenItSucceeded()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        string project = EmulatorHarness.NewProject();
        await emulator.CreateSenderAsync(project);
        (await emulator.Client.PostAsync(EmulatorHarness.Sender(project) + "/register", null)).Dispose();
        int code = await emulator.GetOtpAsync(project);
        (await emulator.PostAsync(EmulatorHarness.Sender(project) + "/verify", $$"""{"code": {{code}}}""")).Dispose();

        string log = await emulator.Anonymous.GetStringAsync("_emulator/requests");

        Assert.That(log, Does.Not.Contain(code.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Test]
    public async Task Requests_Since_ReturnsOnlyNewerEntries()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        (await emulator.Client.GetAsync(EmulatorHarness.Senders("a"))).Dispose();
        var first = await emulator.Anonymous.GetFromJsonAsync<JsonObject>("_emulator/requests");
        long last = first!["requests"]!.AsArray()[^1]!["sequence"]!.GetValue<long>();
        (await emulator.Client.GetAsync(EmulatorHarness.Senders("b"))).Dispose();

        var newer = await emulator.Anonymous.GetFromJsonAsync<JsonObject>($"_emulator/requests?since={last}");

        Assert.That(newer!["requests"]!.AsArray().Select(e => e!["path"]!.GetValue<string>()), Is.EqualTo(new[] { "/v1/projects/b/kakaotalk/senders" }));
        using var bad = await emulator.Anonymous.GetAsync("_emulator/requests?since=-1");
        await ApiAssert.FailsAsync(bad, "invalid_input");
    }

    [Test]
    public async Task Reset_AfterChanges_ForgetsSendersFaultsPolicyAndLog()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        string project = EmulatorHarness.NewProject();
        await emulator.CreateSenderAsync(project);
        (await emulator.PostAsync("_emulator/review-policy", """{"mode": "manual"}""", emulator.Anonymous)).Dispose();
        (await emulator.PostAsync("_emulator/faults", """{"rules": [{"path": "/v1/projects/*/kakaotalk/categories/**", "status": 503}]}""", emulator.Anonymous)).Dispose();

        using var reset = await emulator.Anonymous.PostAsync("_emulator/reset", null);

        Assert.That(reset.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        using var get = await emulator.Client.GetAsync(EmulatorHarness.Sender(project));
        await ApiAssert.FailsAsync(get, "sender_not_found");
        using var categories = await emulator.Client.GetAsync($"v1/projects/{project}/kakaotalk/categories/senders");
        Assert.That(categories.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var policy = await emulator.Anonymous.GetFromJsonAsync<JsonObject>("_emulator/review-policy");
        Assert.That(policy!["mode"]!.GetValue<string>(), Is.EqualTo("approve"));
        var log = await emulator.Anonymous.GetFromJsonAsync<JsonObject>("_emulator/requests");
        Assert.That(log!["requests"]!.AsArray().Select(e => e!["path"]!.GetValue<string>()), Does.Not.Contain("/_emulator/faults"));
    }
}
