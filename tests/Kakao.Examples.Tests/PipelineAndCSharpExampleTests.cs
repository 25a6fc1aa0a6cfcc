using System.Xml.Linq;
using Kakao.Examples.Tests.Checking;
using YamlDotNet.RepresentationModel;

namespace Kakao.Examples.Tests;

/// <summary>
/// What the real CLI needs of the pipeline and C# examples (issue 11 §2), which no local run shows: the pipeline
/// deploys its own program, and the C# program does not compile the generated SDK into itself.
/// </summary>
[TestFixture]
public class PipelineAndCSharpExampleTests
{
    private const string PipelineWorkflow = "examples/pipeline/kakao-sender.yml";

    // The provider keys the pipeline sets through environment fallbacks (SINCH_*, KAKAO_ENDPOINT).
    private static readonly string[] EnvironmentConfiguredKeys = ["kakao:projectId", "kakao:keyId", "kakao:keySecret", "kakao:endpoint"];

    private static string Root => Repository.Root;

    [Test]
    public void Pipeline_ProjectDir_IsItsOwnProgramWithoutLocalPluginOrPinnedCredentials()
    {
        var workflow = YamlFile.ParseMapping(File.ReadAllText(Path.Combine(Root, PipelineWorkflow)));
        var env = (YamlMappingNode)workflow.Child("env")!;
        var projectDir = env.Scalar("PROJECT_DIR")!;

        var problems = PipelineProgramProblems(projectDir, env);

        Assert.Multiple(() =>
        {
            Assert.That(projectDir, Is.EqualTo("examples/pipeline"), "the pipeline deploys its own program folder");
            Assert.That(problems, Is.Empty);
        });
    }

    [Test]
    public void PipelineProgramProblems_LocalPluginAndPinnedEndpoint_AreReported()
    {
        // The checker itself, on the program the pipeline used to deploy: examples/yaml-basic pins the emulator.
        var env = YamlFile.ParseMapping("SINCH_PROJECT_ID: x\nKAKAO_ENDPOINT: https://provisioning.api.sinch.com\n");

        var problems = PipelineProgramProblems("examples/yaml-basic", env);

        Assert.Multiple(() =>
        {
            Assert.That(problems, Has.Some.Contain("plugins.providers"));
            Assert.That(problems, Has.Some.Contain("kakao:endpoint"));
            Assert.That(problems, Has.Some.Contain("kakao:projectId"));
        });
    }

    [Test]
    public void Pipeline_PushTrigger_WatchesTheProgramFolder()
    {
        var text = File.ReadAllText(Path.Combine(Root, PipelineWorkflow));

        Assert.That(text, Does.Contain("paths: [\"examples/pipeline/**\"]"));
    }

    [Test]
    public void CSharpExample_Project_ExcludesTheGeneratedSdkFromItsOwnCompile()
    {
        var project = XDocument.Load(Path.Combine(Root, "examples", "csharp", "KakaoCsharp.csproj"));

        Assert.That(ExcludesGeneratedSdk(project), Is.True,
            "KakaoCsharp.csproj must exclude sdks/**/*.cs from its compile: <DefaultItemExcludes>$(DefaultItemExcludes);sdks/**/*.cs</DefaultItemExcludes>");
    }

    [TestCase("<Project><PropertyGroup><DefaultItemExcludes>$(DefaultItemExcludes);sdks/**/*.cs</DefaultItemExcludes></PropertyGroup></Project>", true)]
    [TestCase("<Project><ItemGroup><Compile Remove=\"sdks/**\" /></ItemGroup></Project>", true)]
    [TestCase("<Project><ItemGroup><ProjectReference Include=\"sdks/kakao/Pulumi.Kakao.csproj\" /></ItemGroup></Project>", false)]
    public void ExcludesGeneratedSdk_Project_RecognisesTheExclusion(string xml, bool expected)
    {
        Assert.That(ExcludesGeneratedSdk(XDocument.Parse(xml)), Is.EqualTo(expected));
    }

    private static bool ExcludesGeneratedSdk(XDocument project)
    {
        static bool CoversSdks(string? value) => value is not null && value.Split(';').Any(part => part.Trim().Replace('\\', '/') is "sdks/**" or "sdks/**/*" or "sdks/**/*.cs");

        return project.Descendants("DefaultItemExcludes").Any(e => CoversSdks(e.Value))
            || project.Descendants("Compile").Any(e => CoversSdks(e.Attribute("Remove")?.Value));
    }

    private static List<string> PipelineProgramProblems(string projectDir, YamlMappingNode env)
    {
        var problems = new List<string>();
        var projectFile = Path.Combine(Root, projectDir, "Pulumi.yaml");
        if (!File.Exists(projectFile))
        {
            return [$"{projectDir}/Pulumi.yaml does not exist."];
        }

        var program = YamlFile.ParseMapping(File.ReadAllText(projectFile));
        if ((program.Child("plugins") as YamlMappingNode)?.Child("providers") is YamlSequenceNode { Children.Count: > 0 })
        {
            problems.Add($"{projectDir}/Pulumi.yaml names plugins.providers: the job installs the released plugin, and a local path does not exist there.");
        }

        var setByEnvironment = env.Children.Keys.Select(k => k.KeyText()).Any(k => k.StartsWith("SINCH_", StringComparison.Ordinal) || k == "KAKAO_ENDPOINT");
        var config = program.Child("config") as YamlMappingNode;
        foreach (var key in EnvironmentConfiguredKeys)
        {
            if (setByEnvironment && config?.Child(key) is not null)
            {
                problems.Add($"{projectDir}/Pulumi.yaml pins {key}, which wins over the environment variables the pipeline sets.");
            }
        }

        return problems;
    }
}
