using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kakao.Emulator.Tests.Support;

namespace Kakao.Emulator.Tests.Control;

/// <summary>POST /_emulator/faults: injected errors, latency, dropped connections and commit-then-fail.</summary>
[TestFixture]
public sealed class FaultTests
{
    private EmulatorHarness _emulator = null!;
    private string _project = null!;

    [SetUp]
    public async Task StartAsync()
    {
        _emulator = await EmulatorHarness.StartAsync();
        _project = EmulatorHarness.NewProject();
    }

    [TearDown]
    public async Task StopAsync() => await _emulator.DisposeAsync();

    [Test]
    public async Task Fault_503WithCount_FailsThatManyTimesWithRetryAfterThenPasses()
    {
        await SetFaultsAsync("""{"rules": [{"method": "GET", "path": "/v1/projects/*/kakaotalk/senders", "status": 503, "count": 2, "retryAfterSeconds": 7}]}""");

        var statuses = new List<int>();
        for (int i = 0; i < 3; i++)
        {
            using var response = await _emulator.Client.GetAsync(EmulatorHarness.Senders(_project));
            statuses.Add((int)response.StatusCode);
            if (i == 0)
            {
                Assert.Multiple(() =>
                {
                    Assert.That(response.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(7)));
                    Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
                });
            }
        }

        Assert.That(statuses, Is.EqualTo(new[] { 503, 503, 200 }));
    }

    [Test]
    public async Task Fault_500_AnswersSinchInternalErrorBody()
    {
        await SetFaultsAsync("""{"rules": [{"path": "/v1/**", "status": 500, "count": 1}]}""");

        using var response = await _emulator.Client.GetAsync(EmulatorHarness.Sender(_project));

        await ApiAssert.FailsAsync(response, "internal_error");
    }

    [Test]
    public async Task Fault_429_AnswersProblemWithRetryAfter()
    {
        await SetFaultsAsync("""{"rules": [{"path": "/v1/projects/*/kakaotalk/senders/*", "status": 429, "retryAfterSeconds": 2}]}""");

        using var response = await _emulator.Client.GetAsync(EmulatorHarness.Sender(_project));

        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(429));
            Assert.That(response.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(2)));
        });
    }

    [Test]
    public async Task Fault_PathPatternStar_MatchesOneSegmentOnly()
    {
        await SetFaultsAsync("""{"rules": [{"path": "/v1/projects/*/kakaotalk/senders", "status": 503}]}""");

        using var list = await _emulator.Client.GetAsync(EmulatorHarness.Senders(_project));
        using var get = await _emulator.Client.GetAsync(EmulatorHarness.Sender(_project));

        Assert.Multiple(() =>
        {
            Assert.That((int)list.StatusCode, Is.EqualTo(503));
            Assert.That((int)get.StatusCode, Is.EqualTo(404));
        });
    }

    [Test]
    public async Task Fault_Skip_LetsTheFirstRequestsThrough()
    {
        await SetFaultsAsync("""{"rules": [{"path": "/v1/**", "status": 502, "skip": 1, "count": 1}]}""");

        var statuses = new List<int>();
        for (int i = 0; i < 3; i++)
        {
            using var response = await _emulator.Client.GetAsync(EmulatorHarness.Senders(_project));
            statuses.Add((int)response.StatusCode);
        }

        Assert.That(statuses, Is.EqualTo(new[] { 200, 502, 200 }));
    }

    [Test]
    public async Task Fault_ProbabilityWithSeed_IsDeterministicAndRoughlyProportional()
    {
        async Task<List<int>> RunAsync()
        {
            await SetFaultsAsync("""{"seed": 1234, "rules": [{"path": "/v1/**", "status": 503, "probability": 0.3}]}""");
            var statuses = new List<int>();
            for (int i = 0; i < 40; i++)
            {
                using var response = await _emulator.Client.GetAsync(EmulatorHarness.Senders(_project));
                statuses.Add((int)response.StatusCode);
            }

            return statuses;
        }

        var first = await RunAsync();
        var second = await RunAsync();

        Assert.Multiple(() =>
        {
            Assert.That(second, Is.EqualTo(first));
            Assert.That(first.Count(s => s == 503), Is.InRange(4, 24));
            Assert.That(first, Does.Contain(200));
        });
    }

    [Test]
    public async Task Fault_Abort_DropsTheConnection()
    {
        await SetFaultsAsync("""{"rules": [{"path": "/v1/**", "abort": true, "count": 1}]}""");

        Assert.That(async () => await _emulator.Client.GetAsync(EmulatorHarness.Senders(_project)), Throws.InstanceOf<HttpRequestException>());
        using var next = await _emulator.Client.GetAsync(EmulatorHarness.Senders(_project));
        Assert.That(next.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var log = await _emulator.Anonymous.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>("_emulator/requests");
        var dropped = log!["requests"]!.AsArray().First(e => e!["path"]!.GetValue<string>().StartsWith("/v1/", StringComparison.Ordinal))!;
        Assert.Multiple(() =>
        {
            Assert.That(dropped["status"]!.GetValue<int>(), Is.Zero);
            Assert.That(dropped["aborted"]!.GetValue<bool>(), Is.True);
            Assert.That(dropped["fault"]!.GetValue<string>(), Is.EqualTo("rule 0: abort"));
        });
    }

    [Test]
    public async Task Fault_CommitThenFail_CreatesTheSenderButAnswers503()
    {
        await SetFaultsAsync("""{"rules": [{"method": "POST", "path": "/v1/projects/*/kakaotalk/senders", "commitThenFail": true, "count": 1}]}""");

        using var response = await _emulator.PostAsync(EmulatorHarness.Senders(_project), EmulatorHarness.SampleCreateBody());

        Assert.That((int)response.StatusCode, Is.EqualTo(503));
        Assert.That((await _emulator.GetSenderAsync(_project))["plusFriendId"]!.GetValue<string>(), Is.EqualTo("@sinch-demo"));
        using var retry = await _emulator.PostAsync(EmulatorHarness.Senders(_project), EmulatorHarness.SampleCreateBody());
        await ApiAssert.FailsAsync(retry, "plus_friend_id_used");
    }

    [Test]
    public async Task Fault_CommitThenAbort_RegistersButDropsTheConnection()
    {
        await _emulator.CreateSenderAsync(_project);
        await SetFaultsAsync("""{"rules": [{"method": "POST", "path": "/v1/projects/*/kakaotalk/senders/*/register", "commitThenFail": true, "abort": true, "count": 1}]}""");

        Assert.That(async () => await _emulator.Client.PostAsync(EmulatorHarness.Sender(_project) + "/register", null), Throws.InstanceOf<HttpRequestException>());

        Assert.That((await _emulator.GetSenderAsync(_project))["state"]!.GetValue<string>(), Is.EqualTo("VERIFYING"));
    }

    [Test]
    public async Task Fault_CommitThenDelay_AppliesTheWriteBeforeItsHeldAnswerGoesOut()
    {
        await SetFaultsAsync("""{"rules": [{"method": "POST", "path": "/v1/projects/*/kakaotalk/senders", "commitThenDelayMs": 30000, "count": 1}]}""");

        var pending = _emulator.PostAsync(EmulatorHarness.Senders(_project), EmulatorHarness.SampleCreateBody());
        // The write is visible while its answer is still held.
        JsonNode? created = null;
        while (created is null)
        {
            using var get = await _emulator.Client.GetAsync(EmulatorHarness.Sender(_project));
            created = get.IsSuccessStatusCode ? await get.Content.ReadFromJsonAsync<JsonNode>() : null;
            Assert.That(pending.IsCompleted, Is.False, "the answer went out before the delay elapsed");
        }

        while (!pending.IsCompleted)
        {
            _emulator.Time.Advance(TimeSpan.FromSeconds(30));
            await Task.WhenAny(pending, Task.Delay(10));
        }

        using var response = await pending;
        Assert.Multiple(async () =>
        {
            Assert.That(created!["plusFriendId"]!.GetValue<string>(), Is.EqualTo("@sinch-demo"));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), "the write's own answer, late");
            Assert.That((await response.Content.ReadFromJsonAsync<JsonNode>())!["plusFriendId"]!.GetValue<string>(), Is.EqualTo("@sinch-demo"));
        });
    }

    [Test]
    public async Task Fault_CommitThenDelayClientGivesUp_KeepsTheWrite()
    {
        await SetFaultsAsync("""{"rules": [{"method": "POST", "path": "/v1/projects/*/kakaotalk/senders", "commitThenDelayMs": 60000, "count": 1}]}""");
        using var giveUp = new CancellationTokenSource();
        using var content = new StringContent(EmulatorHarness.SampleCreateBody(), System.Text.Encoding.UTF8, "application/json");

        var pending = _emulator.Client.PostAsync(EmulatorHarness.Senders(_project), content, giveUp.Token);
        HttpStatusCode seen = HttpStatusCode.NotFound;
        while (seen != HttpStatusCode.OK)
        {
            using var get = await _emulator.Client.GetAsync(EmulatorHarness.Sender(_project));
            seen = get.StatusCode;
        }

        await giveUp.CancelAsync();

        Assert.That(async () => await pending, Throws.InstanceOf<OperationCanceledException>());
        Assert.That((await _emulator.GetSenderAsync(_project))["plusFriendId"]!.GetValue<string>(), Is.EqualTo("@sinch-demo"));
    }

    [TestCase("""{"rules": [{"path": "/v1/**", "commitThenDelayMs": 100, "status": 503}]}""")]
    [TestCase("""{"rules": [{"path": "/v1/**", "commitThenDelayMs": 100, "commitThenFail": true}]}""")]
    [TestCase("""{"rules": [{"path": "/v1/**", "commitThenDelayMs": -1}]}""")]
    public async Task Faults_CommitThenDelayContradicted_AnswersInvalidInput(string body)
    {
        using var response = await _emulator.PostAsync("_emulator/faults", body, _emulator.Anonymous);

        await ApiAssert.FailsAsync(response, "invalid_input");
    }

    [Test]
    public async Task Fault_Latency_DelaysOnTheEmulatorClock()
    {
        await SetFaultsAsync("""{"rules": [{"path": "/v1/**", "latencyMs": 5000, "count": 1}]}""");

        var pending = _emulator.Client.GetAsync(EmulatorHarness.Senders(_project));
        await Task.Yield();
        Assert.That(pending.IsCompleted, Is.False);
        while (!pending.IsCompleted)
        {
            // The request waits on the fake clock; advancing it (repeatedly, in case the timer was not yet
            // armed) releases it without any real waiting.
            _emulator.Time.Advance(TimeSpan.FromSeconds(5));
            await Task.WhenAny(pending, Task.Delay(10));
        }

        using var response = await pending;
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Faults_Delete_ClearsAllRules()
    {
        await SetFaultsAsync("""{"rules": [{"path": "/v1/**", "status": 503}]}""");

        using var delete = await _emulator.Anonymous.DeleteAsync("_emulator/faults");
        using var response = await _emulator.Client.GetAsync(EmulatorHarness.Senders(_project));

        Assert.Multiple(() =>
        {
            Assert.That(delete.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        });
    }

    [Test]
    public async Task Faults_ControlApiRequest_IsNeverFaulted()
    {
        await SetFaultsAsync("""{"rules": [{"path": "/**", "status": 503}]}""");

        using var response = await _emulator.Anonymous.GetAsync("_emulator/faults");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [TestCase("""{"rules": [{"status": 503}]}""")]
    [TestCase("""{"rules": [{"path": "/v1/**"}]}""")]
    [TestCase("""{"rules": [{"path": "/v1/**", "status": 200}]}""")]
    [TestCase("""{"rules": [{"path": "/v1/**", "status": 503, "probability": 2}]}""")]
    [TestCase("""{"rules": [{"path": "/v1/**", "status": "503"}]}""")]
    [TestCase("""{"rules": {}}""")]
    [TestCase("""{"seed": "x", "rules": []}""")]
    public async Task Faults_BadBody_AnswersInvalidInputAndKeepsPreviousRules(string body)
    {
        await SetFaultsAsync("""{"rules": [{"path": "/v1/**", "status": 418}]}""");

        using var response = await _emulator.PostAsync("_emulator/faults", body, _emulator.Anonymous);

        await ApiAssert.FailsAsync(response, "invalid_input");
        using var still = await _emulator.Client.GetAsync(EmulatorHarness.Senders(_project));
        Assert.That((int)still.StatusCode, Is.EqualTo(418));
    }

    private async Task SetFaultsAsync(string json)
    {
        using var response = await _emulator.PostAsync("_emulator/faults", json, _emulator.Anonymous);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }
}
