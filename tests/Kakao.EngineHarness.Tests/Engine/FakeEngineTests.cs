using Kakao.EngineHarness.Engine;
using Kakao.EngineHarness.Tests.Fakes;
using Kakao.EngineHarness.Wire;

namespace Kakao.EngineHarness.Tests.Engine;

public class FakeEngineTests
{
    [Test]
    public async Task Log_FromPlugin_IsRecordedWithEveryField()
    {
        await using var engine = await FakeEngine.StartAsync();

        await FakeResourceProvider.LogToEngineAsync(engine.Address, new LogRequest
        {
            Severity = EngineHarness.Wire.LogSeverity.Warning,
            Message = "waiting for review",
            Urn = "urn:x",
            Ephemeral = true,
            StreamId = 4,
        });

        Assert.That(engine.Logs, Is.EqualTo(new[]
        {
            new LogEntry(EngineHarness.Engine.LogSeverity.Warning, "waiting for review", "urn:x", true, 4),
        }));
    }

    [Test]
    public async Task WaitForLogAsync_EntryArrivesLater_Completes()
    {
        await using var engine = await FakeEngine.StartAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));

        var waiting = engine.WaitForLogAsync(entry => entry.Message == "done", timeout.Token);
        await FakeResourceProvider.LogToEngineAsync(engine.Address, new LogRequest { Message = "other" });
        await FakeResourceProvider.LogToEngineAsync(engine.Address, new LogRequest { Message = "done" });

        Assert.That((await waiting).Message, Is.EqualTo("done"));
    }

    [Test]
    public async Task Address_Started_IsLoopbackWithPort()
    {
        await using var engine = await FakeEngine.StartAsync();

        Assert.That(engine.Address, Does.Match(@"^127\.0\.0\.1:\d+$"));
    }
}
