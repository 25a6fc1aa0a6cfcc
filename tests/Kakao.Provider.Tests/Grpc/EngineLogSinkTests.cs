using Kakao.Provider.Grpc;
using Kakao.Provider.Models;
using Kakao.Provider.Protocol;
using Kakao.Provider.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kakao.Provider.Tests.Grpc;

public class EngineLogSinkTests
{
    [Test]
    public async Task LogAsync_EngineAddressSet_DeliversSeverityMessageAndUrn()
    {
        await using var engine = await FakeEngine.StartAsync();
        using var sink = new EngineLogSink(NullLogger<EngineLogSink>.Instance);
        sink.SetAddress(engine.Address);

        await sink.LogAsync(DiagnosticSeverity.Warning, "Sender @sinch-demo was rejected", Samples.Urn);

        var log = engine.Logs.Single();
        Assert.Multiple(() =>
        {
            Assert.That(log.Severity, Is.EqualTo(LogSeverity.Warning));
            Assert.That(log.Message, Is.EqualTo("Sender @sinch-demo was rejected"));
            Assert.That(log.Urn, Is.EqualTo(Samples.Urn));
        });
    }

    [Test]
    public void LogAsync_EngineUnreachable_DoesNotThrow()
    {
        using var sink = new EngineLogSink(NullLogger<EngineLogSink>.Instance);
        sink.SetAddress("127.0.0.1:1");

        Assert.DoesNotThrowAsync(() => sink.LogAsync(DiagnosticSeverity.Info, "waiting for review…"));
    }

    [Test]
    public void LogAsync_NoEngineAddress_DoesNotThrow()
    {
        using var sink = new EngineLogSink(NullLogger<EngineLogSink>.Instance);

        Assert.DoesNotThrowAsync(() => sink.LogAsync(DiagnosticSeverity.Info, "no engine"));
    }

    [Test]
    public void LogAsync_BadAddress_DoesNotThrow()
    {
        using var sink = new EngineLogSink(NullLogger<EngineLogSink>.Instance);
        sink.SetAddress("not an address::");

        Assert.DoesNotThrowAsync(() => sink.LogAsync(DiagnosticSeverity.Info, "x"));
    }
}
