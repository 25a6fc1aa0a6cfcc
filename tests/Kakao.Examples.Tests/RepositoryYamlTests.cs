using Kakao.Examples.Tests.Checking;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Kakao.Examples.Tests;

/// <summary>
/// Every YAML file of the repository, checked for real: it parses, Pulumi programs use only names the plugin's
/// schema defines, and workflows mention only paths that exist. Examples and workflows cannot rot silently.
/// </summary>
[TestFixture]
public class RepositoryYamlTests
{
    private const string SchemaPath = "provider/Kakao.Provider/schema.json";

    private static readonly Lazy<string> Root = new(() => Repository.Root);

    public static IEnumerable<TestCaseData> YamlFiles() =>
        Repository.YamlFiles(Root.Value).Select(path => new TestCaseData(path).SetArgDisplayNames(path));

    public static IEnumerable<TestCaseData> PulumiFiles() =>
        Repository.YamlFiles(Root.Value)
            .Where(path => YamlFileKinds.Of(path, null) is YamlFileKind.PulumiProject or YamlFileKind.PulumiStackConfig)
            .Select(path => new TestCaseData(path).SetArgDisplayNames(path));

    public static IEnumerable<TestCaseData> Workflows() =>
        Repository.YamlFiles(Root.Value)
            .Where(path => YamlFileKinds.Of(path, TryParse(path)) == YamlFileKind.Workflow)
            .Select(path => new TestCaseData(path).SetArgDisplayNames(path));

    [Test]
    public void YamlFiles_Repository_IncludeTheQuickStartExamplesAndWorkflows()
    {
        var files = Repository.YamlFiles(Root.Value);

        Assert.That(files, Is.SupersetOf(new[]
        {
            "Pulumi.yaml", "examples/yaml-basic/Pulumi.yaml", "examples/import/Pulumi.yaml", "examples/csharp/Pulumi.yaml", "examples/templates/Pulumi.yaml",
            "examples/pipeline/kakao-sender.yml", ".github/workflows/ci.yml", ".github/workflows/e2e.yml",
            ".github/workflows/release.yml",
        }));
    }

    [TestCaseSource(nameof(YamlFiles))]
    public void Parse_RepositoryYamlFile_HasNoSyntaxErrors(string path)
    {
        try
        {
            var documents = YamlFile.Parse(File.ReadAllText(Path.Combine(Root.Value, path)));
            Assert.That(documents, Is.Not.Empty, $"{path} is empty.");
        }
        catch (YamlException exception)
        {
            Assert.Fail($"{path}: {exception.Start}: {exception.Message}");
        }
    }

    [Test]
    public void Load_PluginSchema_DefinesSenderAndFunctions()
    {
        var schema = LoadRealSchema();

        Assert.Multiple(() =>
        {
            Assert.That(schema.Name, Is.EqualTo("kakao"));
            Assert.That(schema.Resources.Keys, Does.Contain("kakao:index:KakaoSender"));
            Assert.That(schema.Functions.Keys, Does.Contain("kakao:index:getSenderCategories").And.Contain("kakao:index:getSender"));
        });
    }

    [TestCaseSource(nameof(PulumiFiles))]
    public void Check_PulumiFile_UsesOnlyNamesFromPluginSchema(string path)
    {
        var schema = LoadRealSchema();
        var program = YamlFile.ParseMapping(File.ReadAllText(Path.Combine(Root.Value, path)));

        var problems = new PulumiProgramChecker(schema).Check(program);

        Assert.That(problems, Is.Empty, $"{path}:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
    }

    [TestCaseSource(nameof(Workflows))]
    public void Check_Workflow_IsWellFormedAndMentionsExistingPaths(string path)
    {
        var workflow = YamlFile.ParseMapping(File.ReadAllText(Path.Combine(Root.Value, path)));

        var problems = new WorkflowChecker(relative => Repository.PathExists(Root.Value, relative)).Check(workflow);

        Assert.That(problems, Is.Empty, $"{path}:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
    }

    private static PackageSchema LoadRealSchema()
    {
        var path = Path.Combine(Root.Value, SchemaPath.Replace('/', Path.DirectorySeparatorChar));
        if (!File.Exists(path))
        {
            Assert.Fail($"{SchemaPath} is missing: the plugin's package schema must be checked in there, " +
                        "because every example and workflow is checked against it.");
        }

        return PackageSchema.Load(path);
    }

    private static YamlNode? TryParse(string path)
    {
        try
        {
            var documents = YamlFile.Parse(File.ReadAllText(Path.Combine(Root.Value, path)));
            return documents.Count == 1 ? documents[0].RootNode : null;
        }
        catch (YamlException)
        {
            return null; // reported by Parse_RepositoryYamlFile_HasNoSyntaxErrors
        }
    }
}
