using Kakao.EngineHarness.Values;

namespace Kakao.Quickstart.Tests;

/// <summary>The root Pulumi.yaml read the way the engine harness path needs it.</summary>
public class QuickstartProgramTests
{
    private static readonly Dictionary<string, string> Emulator = new() { ["endpoint"] = "http://127.0.0.1:41237" };

    [Test]
    public void Load_RootPulumiYaml_GivesTheGuideSenderAndTheEmulatorProvider()
    {
        var program = QuickstartProgram.Load(Path.Combine(QuickstartWorld.RepositoryRoot, "Pulumi.yaml"), Emulator);

        Assert.That(program.ProjectName, Is.EqualTo("kakao-quickstart"));
        Assert.That(program.PlusFriendId, Is.EqualTo("@sinch-demo"));
        Assert.That(program.ProjectId, Is.EqualTo("quickstart-project"));
        Assert.That(program.ProviderConfig["endpoint"], Is.EqualTo(PropertyValue.String("http://127.0.0.1:41237")), "the override wins over the default");
        Assert.That(program.ProviderConfig["keySecret"].IsSecret, Is.True);
        Assert.That(program.SenderInputs["topLevelCategoryCode"], Is.EqualTo(PropertyValue.String("019")), "quoted codes stay strings");
        Assert.That(program.SenderInputs["name"], Is.EqualTo(PropertyValue.String("Sinch Demo Shop")));
    }

    [TestCase("resources:\n  s:\n    type: kakao:index:KakaoSender\n    properties:\n      plusFriendId: \"@x\"\n", "no pulumi:providers:kakao")]
    [TestCase("resources:\n  p:\n    type: pulumi:providers:kakao\n", "no kakao:index:KakaoSender")]
    [TestCase("resources:\n  p:\n    type: pulumi:providers:kakao\n    properties:\n      endpoint: ${missing}\n  s:\n    type: kakao:index:KakaoSender\n", "${missing}")]
    [TestCase("resources: [unclosed\n", "not valid YAML")]
    public void Load_ProgramItCannotDrive_ThrowsAUsageErrorSayingWhy(string yaml, string why)
    {
        var path = Path.Combine(Path.GetTempPath(), "kakao-qs-" + Guid.NewGuid().ToString("N") + ".yaml");
        File.WriteAllText(path, yaml);
        try
        {
            var error = Assert.Throws<QuickstartStepException>(() => QuickstartProgram.Load(path, Emulator));

            Assert.That(error!.ExitCode, Is.EqualTo(2));
            Assert.That(error.Message, Does.Contain(why));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
