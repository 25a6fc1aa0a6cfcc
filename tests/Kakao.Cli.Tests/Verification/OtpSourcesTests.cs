using Kakao.Cli.Stack;
using Kakao.Cli.Tests.Support;
using Kakao.Cli.Verification;

namespace Kakao.Cli.Tests.Verification;

public class OtpSourcesTests
{
    [TestCase("123456", 123456)]
    [TestCase(" 123 456 \n", 123456)]
    [TestCase("123-456", 123456)]
    [TestCase("012345", 12345)]
    public void TryParse_SixDigits_Accepts(string text, int expected)
    {
        Assert.That(OtpCode.TryParse(text, out var code), Is.True);
        Assert.That(code.Value, Is.EqualTo(expected));
    }

    [TestCase("")]
    [TestCase("12345")]
    [TestCase("1234567")]
    [TestCase("12a456")]
    [TestCase("١٢٣٤٥٦")]
    public void TryParse_NotSixAsciiDigits_Refuses(string text) => Assert.That(OtpCode.TryParse(text, out _), Is.False);

    [Test]
    public void ToString_Always_MasksTheCode()
    {
        OtpCode.TryParse("482913", out var code);

        Assert.That($"{code}", Is.EqualTo("******"));
    }

    [Test]
    public void Pick_PairsForSeveralSenders_PicksThisSendersCode()
    {
        var read = OtpValues.Pick("@a=111111\n@sinch-demo=482913\n", "@sinch-demo", "x");

        Assert.That(read.Code?.Value, Is.EqualTo(482913));
    }

    [Test]
    public void Pick_NoCodeForSender_SaysSoWithoutQuotingTheValue()
    {
        var read = OtpValues.Pick("@a=111111", "@sinch-demo", "file f");

        Assert.That(read.Code, Is.Null);
        Assert.That(read.Problem, Does.Contain("@sinch-demo").And.Not.Contain("111111"));
    }

    [Test]
    public void Pick_Garbage_ProblemDoesNotEchoIt()
    {
        var read = OtpValues.Pick("hunter2-secret", "@sinch-demo", "environment variable X");

        Assert.That(read.Problem, Does.Not.Contain("hunter2"));
    }

    [Test]
    public async Task Create_EnvSpec_ReadsTheVariable()
    {
        var source = OtpSources.Create("env:KAKAO_OTP", new FakeConsole(), name => name == "KAKAO_OTP" ? "482913" : null, TextReader.Null);

        Assert.That((await source.ReadAsync(new OtpRequest("@x", "p"), CancellationToken.None)).Code?.Value, Is.EqualTo(482913));
        Assert.That(source.FixedBeforeRun, Is.True);
    }

    [Test]
    public async Task Create_StdinSpec_ReadsOneLinePerCode()
    {
        var source = OtpSources.Create("stdin", new FakeConsole(), _ => null, new StringReader("111111\n222222\n"));

        Assert.That((await source.ReadAsync(new OtpRequest("@a", "p"), CancellationToken.None)).Code?.Value, Is.EqualTo(111111));
        Assert.That((await source.ReadAsync(new OtpRequest("@b", "p"), CancellationToken.None)).Code?.Value, Is.EqualTo(222222));
        Assert.That((await source.ReadAsync(new OtpRequest("@c", "p"), CancellationToken.None)).Problem, Does.Contain("ended"));
    }

    [Test]
    public async Task Create_FileSpecMissingFile_SaysItDoesNotExist()
    {
        var source = OtpSources.Create("file:/nonexistent/kakao-otp", new FakeConsole(), _ => null, TextReader.Null);

        Assert.That((await source.ReadAsync(new OtpRequest("@a", "p"), CancellationToken.None)).Problem, Does.Contain("does not exist"));
    }

    [Test]
    public void Create_PromptWithoutTerminal_GivesNoSource() =>
        Assert.That(OtpSources.Create(null, new FakeConsole(interactive: false), _ => null, TextReader.Null).CanSupplyCodes, Is.False);

    [Test]
    public void Create_PromptAtTerminal_GivesPrompt() =>
        Assert.That(OtpSources.Create("prompt", new FakeConsole(interactive: true), _ => null, TextReader.Null), Is.InstanceOf<PromptOtpSource>());

    [Test]
    public void Create_UnknownSpec_IsConfigurationError() =>
        Assert.Throws<ConfigurationException>(() => OtpSources.Create("vault:x", new FakeConsole(), _ => null, TextReader.Null));

    [Test]
    public void Create_Emulator_IsConfigurationErrorInTheInstalledTool()
    {
        // The emulator's phone belongs to the quick start (provider/Kakao.Quickstart), not to the tool users install.
        var ex = Assert.Throws<ConfigurationException>(() => OtpSources.Create("emulator", new FakeConsole(), _ => null, TextReader.Null));
        Assert.That(ex!.Message, Does.Contain("prompt, env:VAR, file:PATH or stdin"));
    }
}
