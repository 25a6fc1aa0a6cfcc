using System.Net;
using Kakao.Emulator.Tests.Support;

namespace Kakao.Emulator.Tests.Control;

/// <summary>POST /_emulator/rate-limit: a token bucket on the emulator's clock.</summary>
[TestFixture]
public sealed class RateLimitTests
{
    [Test]
    public async Task RateLimit_BeyondRate_Answers429WithRetryAfterUntilTheClockRefills()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        using var set = await emulator.PostAsync("_emulator/rate-limit", """{"requestsPerSecond": 2}""", emulator.Anonymous);
        Assert.That(set.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        string path = EmulatorHarness.Senders(EmulatorHarness.NewProject());

        var statuses = new List<int>();
        for (int i = 0; i < 3; i++)
        {
            using var response = await emulator.Client.GetAsync(path);
            statuses.Add((int)response.StatusCode);
            if (i == 2)
            {
                Assert.That(response.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(1)));
            }
        }

        emulator.Time.Advance(TimeSpan.FromMilliseconds(500));
        using var refilled = await emulator.Client.GetAsync(path);

        Assert.Multiple(() =>
        {
            Assert.That(statuses, Is.EqualTo(new[] { 200, 200, 429 }));
            Assert.That(refilled.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        });
    }

    [Test]
    public async Task RateLimit_Zero_TurnsLimitingOffAndControlApiIsNeverLimited()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        (await emulator.PostAsync("_emulator/rate-limit", """{"requestsPerSecond": 1}""", emulator.Anonymous)).Dispose();
        string path = EmulatorHarness.Senders(EmulatorHarness.NewProject());
        (await emulator.Client.GetAsync(path)).Dispose();
        using (var limited = await emulator.Client.GetAsync(path))
        {
            Assert.That((int)limited.StatusCode, Is.EqualTo(429));
        }

        using var off = await emulator.PostAsync("_emulator/rate-limit", """{"requestsPerSecond": 0}""", emulator.Anonymous);
        Assert.That(off.StatusCode, Is.EqualTo(HttpStatusCode.OK));

        for (int i = 0; i < 5; i++)
        {
            using var response = await emulator.Client.GetAsync(path);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }
    }

    [TestCase("""{"requestsPerSecond": -1}""")]
    [TestCase("""{"requestsPerSecond": "fast"}""")]
    public async Task RateLimit_BadBody_AnswersInvalidInput(string body)
    {
        await using var emulator = await EmulatorHarness.StartAsync();

        using var response = await emulator.PostAsync("_emulator/rate-limit", body, emulator.Anonymous);

        await ApiAssert.FailsAsync(response, "invalid_input");
    }
}
