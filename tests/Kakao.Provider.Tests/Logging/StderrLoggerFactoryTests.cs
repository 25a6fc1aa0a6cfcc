using System.Text;
using Kakao.Provider.Logging;
using Microsoft.Extensions.Logging;

namespace Kakao.Provider.Tests.Logging;

public class StderrLoggerFactoryTests
{
    private static (ILoggerFactory Factory, MemoryStream Output, Func<bool> Opened) Create(LogLevel minimum)
    {
        var output = new MemoryStream();
        bool opened = false;
        var factory = new StderrLoggerFactory(minimum, () =>
        {
            opened = true;
            return output;
        });
        return (factory, output, () => opened);
    }

    private static string Text(MemoryStream output) => Encoding.UTF8.GetString(output.ToArray());

    [Test]
    public void Log_Warning_WritesConsoleSimpleFormat()
    {
        var (factory, output, _) = Create(LogLevel.Warning);
        using (factory)
        {
            factory.CreateLogger("Kakao.Provider.Grpc.EngineLogSink").Log(LogLevel.Warning, new EventId(7), "Sender @sinch-demo was rejected", null, (s, _) => s);
        }

        Assert.That(Text(output), Is.EqualTo("warn: Kakao.Provider.Grpc.EngineLogSink[7]\n      Sender @sinch-demo was rejected\n"));
    }

    [Test]
    public void Log_BelowMinimumLevel_WritesNothingAndNeverOpensTheStream()
    {
        var (factory, output, opened) = Create(LogLevel.Warning);
        using (factory)
        {
            var logger = factory.CreateLogger("Category");
            logger.LogDebug("not shown");
            logger.LogInformation("not shown either");
        }

        Assert.Multiple(() =>
        {
            Assert.That(output.Length, Is.Zero);
            Assert.That(opened(), Is.False, "stderr is opened on the first message, not at start-up");
        });
    }

    [Test]
    public void Log_MultiLineMessageAndException_IndentsEveryLine()
    {
        var (factory, output, _) = Create(LogLevel.Trace);
        using (factory)
        {
            factory.CreateLogger("C").Log(LogLevel.Error, new EventId(1), "first\r\nsecond", new InvalidOperationException("boom"), (s, _) => s);
        }

        var lines = Text(output).Split('\n');
        Assert.Multiple(() =>
        {
            Assert.That(lines[0], Is.EqualTo("fail: C[1]"));
            Assert.That(lines[1], Is.EqualTo("      first"));
            Assert.That(lines[2], Is.EqualTo("      second"));
            Assert.That(lines[3], Is.EqualTo("      System.InvalidOperationException: boom"));
        });
    }

    [TestCase(LogLevel.Trace, "trce")]
    [TestCase(LogLevel.Debug, "dbug")]
    [TestCase(LogLevel.Information, "info")]
    [TestCase(LogLevel.Critical, "crit")]
    public void Log_Level_UsesTheConsoleLoggersAbbreviation(LogLevel level, string abbreviation)
    {
        var (factory, output, _) = Create(LogLevel.Trace);
        using (factory)
        {
            factory.CreateLogger("C").Log(level, "m");
        }

        Assert.That(Text(output), Does.StartWith(abbreviation + ": C[0]\n"));
    }

    [Test]
    public void Log_ConcurrentWriters_KeepEntriesWhole()
    {
        var (factory, output, _) = Create(LogLevel.Trace);
        using (factory)
        {
            var logger = factory.CreateLogger("C");
            Parallel.For(0, 200, i => logger.LogInformation("entry {Index}", i));
        }

        var lines = Text(output).TrimEnd('\n').Split('\n');
        Assert.Multiple(() =>
        {
            Assert.That(lines, Has.Length.EqualTo(400));
            Assert.That(lines.Where((_, i) => i % 2 == 0), Is.All.EqualTo("info: C[0]"));
            Assert.That(lines.Where((_, i) => i % 2 == 1).Select(l => l.Trim()).Distinct().Count(), Is.EqualTo(200));
        });
    }

    [Test]
    public void Log_AfterFactoryDisposed_IsDroppedWithoutThrowing()
    {
        var (factory, output, _) = Create(LogLevel.Trace);
        var logger = factory.CreateLogger("C");
        logger.LogInformation("before");
        factory.Dispose();

        Assert.Multiple(() =>
        {
            Assert.DoesNotThrow(() => logger.LogInformation("after"));
            Assert.That(Text(output), Does.Contain("before").And.Not.Contain("after"));
        });
    }

    [Test]
    public void CreateLogger_SameCategory_ReturnsTheSameLogger()
    {
        using var factory = new StderrLoggerFactory(LogLevel.Warning, () => new MemoryStream());

        var first = factory.CreateLogger("C");
        var second = factory.CreateLogger("C");

        Assert.That(second, Is.SameAs(first));
    }

    [Test]
    public void IsEnabled_BelowMinimumOrNone_IsFalse()
    {
        using var factory = new StderrLoggerFactory(LogLevel.Warning, () => new MemoryStream());
        var logger = factory.CreateLogger("C");

        Assert.Multiple(() =>
        {
            Assert.That(logger.IsEnabled(LogLevel.Information), Is.False);
            Assert.That(logger.IsEnabled(LogLevel.Warning), Is.True);
            Assert.That(logger.IsEnabled(LogLevel.None), Is.False);
        });
    }
}
