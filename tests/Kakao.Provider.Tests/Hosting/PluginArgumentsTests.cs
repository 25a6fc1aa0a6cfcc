using Kakao.Provider.Hosting;

namespace Kakao.Provider.Tests.Hosting;

public class PluginArgumentsTests
{
    [Test]
    public void Parse_EngineFlagsThenAddress_FindsAddressAndVerbosity()
    {
        var args = PluginArguments.Parse(["--logtostderr", "-v=9", "--tracing", "http://trace:1234", "--logflow", "127.0.0.1:5000"]);

        Assert.That(args, Is.EqualTo(new PluginArguments("127.0.0.1:5000", 9)));
    }

    [Test]
    public void Parse_NoArguments_HasNoAddress()
    {
        Assert.That(PluginArguments.Parse([]), Is.EqualTo(new PluginArguments(null, 0)));
    }

    [Test]
    public void Parse_TracingWithEquals_DoesNotSwallowTheAddress()
    {
        Assert.That(PluginArguments.Parse(["--tracing=x", "localhost:1"]).EngineAddress, Is.EqualTo("localhost:1"));
    }

    [TestCase("--help")]
    [TestCase("-h")]
    [TestCase("-help")]
    public void Parse_HelpFlag_RequestsHelp(string flag)
    {
        Assert.That(PluginArguments.Parse([flag, "127.0.0.1:1"]).HelpRequested, Is.True);
    }

    [Test]
    public void Parse_EngineFlags_DoNotRequestHelp()
    {
        Assert.That(PluginArguments.Parse(["--logtostderr", "-v=9", "127.0.0.1:1"]).HelpRequested, Is.False);
    }
}
