using Kakao.Benchmarks.Runner;

namespace Kakao.Benchmarks.Tests.Runner;

/// <summary>The runner's command line: help on request, usage and exit 2 instead of a surprise full run.</summary>
[TestFixture]
public class RunnerCommandLineTests
{
    private static (RunnerOptions? Options, int ExitCode, string Output, string Error) Interpret(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var (options, exitCode) = RunnerCommandLine.Interpret(args, output, error);
        return (options, exitCode, output.ToString(), error.ToString());
    }

    [TestCase("--help")]
    [TestCase("-h")]
    [TestCase("startup", "--help")]
    public void Interpret_Help_PrintsUsageOnStdoutAndExits0(params string[] args)
    {
        var result = Interpret(args);

        Assert.Multiple(() =>
        {
            Assert.That(result.Options, Is.Null, "nothing may run");
            Assert.That(result.ExitCode, Is.EqualTo(0));
            Assert.That(result.Output, Does.Contain("Usage:").And.Contain("startup").And.Contain("--runs <N>").And.Contain("--plugin-aot <PATH>"));
            Assert.That(result.Error, Is.Empty);
        });
    }

    [Test]
    public void Interpret_NoArguments_PrintsUsageAndExits2()
    {
        var result = Interpret();

        Assert.Multiple(() =>
        {
            Assert.That(result.Options, Is.Null, "no argument must not run every benchmark");
            Assert.That(result.ExitCode, Is.EqualTo(2));
            Assert.That(result.Error, Does.Contain("Name a benchmark").And.Contain("Usage:"));
        });
    }

    [TestCase("--runs", "5")]
    [TestCase("--rebuild")]
    public void Interpret_OptionsWithoutBenchmark_PrintsUsageAndExits2(params string[] args)
    {
        var result = Interpret(args);

        Assert.Multiple(() =>
        {
            Assert.That(result.Options, Is.Null);
            Assert.That(result.ExitCode, Is.EqualTo(2));
        });
    }

    [TestCase("startpu")]
    [TestCase("startup", "--fast")]
    [TestCase("startup", "--runs")]
    [TestCase("startup", "--runs", "many")]
    [TestCase("startup", "--runs", "0")]
    public void Interpret_UnknownOrBadArgument_NamesItPrintsUsageAndExits2(params string[] args)
    {
        var result = Interpret(args);

        Assert.Multiple(() =>
        {
            Assert.That(result.Options, Is.Null);
            Assert.That(result.ExitCode, Is.EqualTo(2));
            Assert.That(result.Error, Does.Contain(args[^1] is "many" or "0" ? "--runs" : args[^1]).And.Contain("Usage:"));
            Assert.That(result.Output, Is.Empty);
        });
    }

    [Test]
    public void Interpret_BenchmarkWithOptions_RunsIt()
    {
        var result = Interpret("refresh", "--runs", "3", "--senders", "10");

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(0));
            Assert.That(result.Options?.Command, Is.EqualTo("refresh"));
            Assert.That(result.Options?.Runs, Is.EqualTo(3));
            Assert.That(result.Options?.Senders, Is.EqualTo(10));
        });
    }

    [Test]
    public void Interpret_PrebuiltExecutables_AreKeyedByTheirVariant()
    {
        var result = Interpret("startup", "--plugin-aot", "bin/p", "--minimal-jit", "bin/m", "--rebuild");

        Assert.Multiple(() =>
        {
            Assert.That(result.Options?.Prebuilt.Keys, Is.EquivalentTo(new[] { "plugin-aot", "minimal-jit" }));
            Assert.That(result.Options?.Prebuilt["plugin-aot"], Is.EqualTo(Path.GetFullPath("bin/p")));
            Assert.That(result.Options?.Rebuild, Is.True);
            Assert.That(result.Options?.Runs, Is.EqualTo(20), "the default");
        });
    }

    [Test]
    public void Interpret_HelpAfterDoubleDash_GoesToBenchmarkDotNet()
    {
        var result = Interpret("micro", "--", "--help");

        Assert.Multiple(() =>
        {
            Assert.That(result.Options?.Command, Is.EqualTo("micro"));
            Assert.That(result.Options?.BenchmarkDotNetArgs, Is.EqualTo(new[] { "--help" }));
        });
    }
}
