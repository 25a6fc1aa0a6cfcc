using System.Text.Json;
using Kakao.Examples.Tests.Checking;
using Kakao.TestData;
using YamlDotNet.RepresentationModel;

namespace Kakao.Examples.Tests;

/// <summary>The examples folder and the user documentation that goes with it, checked against the repository.</summary>
[TestFixture]
public class ExamplesTests
{
    private const string LocalPluginFolder = ".pulumi-local/plugin";

    private static readonly Lazy<string> Root = new(() => Repository.Root);

    public static IEnumerable<TestCaseData> ExampleFolders() =>
        Directory.EnumerateDirectories(Path.Combine(Root.Value, "examples"))
            .Select(Path.GetFileName)
            .Order(StringComparer.Ordinal)
            .Select(name => new TestCaseData(name).SetArgDisplayNames(name!));

    // The pipeline's program runs in a CI job with the released plugin, never the local build
    // (checked by PipelineAndCSharpExampleTests instead).
    private const string PipelineProject = "examples/pipeline/Pulumi.yaml";

    public static IEnumerable<TestCaseData> PulumiProjects() =>
        Repository.YamlFiles(Root.Value)
            .Where(path => YamlFileKinds.Of(path, null) == YamlFileKind.PulumiProject && path != PipelineProject)
            .Select(path => new TestCaseData(path).SetArgDisplayNames(path));

    [TestCaseSource(nameof(ExampleFolders))]
    public void Example_Folder_HasReadme(string name)
    {
        Assert.That(Path.Combine(Root.Value, "examples", name, "README.md"), Does.Exist);
    }

    [TestCaseSource(nameof(PulumiProjects))]
    public void PluginPath_PulumiProject_PointsAtTheQuickStartsPluginFolder(string path)
    {
        var project = YamlFile.ParseMapping(File.ReadAllText(Path.Combine(Root.Value, path)));
        var providers = (project.Child("plugins") as YamlMappingNode)?.Child("providers") as YamlSequenceNode;
        var kakao = providers?.Children.OfType<YamlMappingNode>().SingleOrDefault(provider => provider.Scalar("name") == "kakao");
        Assert.That(kakao?.Scalar("path"), Is.Not.Null, $"{path} has no plugins.providers entry for kakao.");

        var projectFolder = Path.GetDirectoryName(Path.Combine(Root.Value, path))!;
        var resolved = Path.GetRelativePath(Root.Value, Path.GetFullPath(Path.Combine(projectFolder, kakao!.Scalar("path")!)));

        Assert.That(resolved.Replace(Path.DirectorySeparatorChar, '/'), Is.EqualTo(LocalPluginFolder));
    }

    [Test]
    public void CSharpExample_Program_UsesOnlyNamesFromPluginSchema()
    {
        var schemaPath = Path.Combine(Root.Value, "provider", "Kakao.Provider", "schema.json");
        Assert.That(schemaPath, Does.Exist, "provider/Kakao.Provider/schema.json is missing: the C# example is checked against it.");
        var source = File.ReadAllText(Path.Combine(Root.Value, "examples", "csharp", "Program.cs"));

        var problems = new CSharpExampleChecker(PackageSchema.Load(schemaPath)).Check(source);

        Assert.That(problems, Is.Empty, string.Join(Environment.NewLine, problems));
    }

    [Test]
    public void CSharpExample_Project_IsOutsideTheSolutionAndItsSharedBuildSettings()
    {
        var solution = File.ReadAllText(Path.Combine(Root.Value, Repository.SolutionFile));
        var examples = Path.Combine(Root.Value, "examples");

        Assert.Multiple(() =>
        {
            Assert.That(solution, Does.Not.Contain("examples\\").And.Not.Contain("examples/"), "KakaoPulumi.sln must not build the examples.");
            Assert.That(File.ReadAllText(Path.Combine(examples, "Directory.Build.props")), Does.Not.Contain("<Import"),
                "examples/Directory.Build.props must not import the repository's shared build settings.");
            Assert.That(File.ReadAllText(Path.Combine(examples, "Directory.Packages.props")),
                Does.Contain("<ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>"));
        });
    }

    public static IEnumerable<TestCaseData> UserDocuments() =>
        new[] { "docs/quickstart.md", "docs/examples.md", "docs/troubleshooting.md" }
            .Concat(Directory.EnumerateFiles(Path.Combine(Root.Value, "examples"), "README.md", SearchOption.AllDirectories)
                .Select(path => Path.GetRelativePath(Root.Value, path).Replace(Path.DirectorySeparatorChar, '/')))
            .Order(StringComparer.Ordinal)
            .Select(path => new TestCaseData(path).SetArgDisplayNames(path));

    [TestCaseSource(nameof(UserDocuments))]
    public void Document_Commands_MentionOnlyExistingRepositoryPaths(string path)
    {
        var text = File.ReadAllText(Path.Combine(Root.Value, path));

        var missing = WorkflowChecker.MentionedPaths(text)
            .Distinct(StringComparer.Ordinal)
            .Where(mentioned => !Repository.PathExists(Root.Value, mentioned))
            .ToList();

        Assert.That(missing, Is.Empty, $"{path} mentions paths that do not exist.");
    }

    [Test]
    public void Troubleshooting_SinchErrorTable_EveryErrorCodeIsExplained()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(TestDataFiles.SinchOpenApiFacts));
        var guide = File.ReadAllText(Path.Combine(Root.Value, "docs", "troubleshooting.md"));

        var missing = document.RootElement.GetProperty("errors").EnumerateObject()
            .Select(error => error.Name)
            .Where(code => !guide.Contains($"`{code}`", StringComparison.Ordinal))
            .ToList();

        Assert.That(missing, Is.Empty, "docs/troubleshooting.md does not explain these Sinch error codes.");
    }
}
