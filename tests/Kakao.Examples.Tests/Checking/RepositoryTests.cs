namespace Kakao.Examples.Tests.Checking;

[TestFixture]
public class RepositoryTests
{
    private string _root = "";

    [SetUp]
    public void CreateFakeRepository()
    {
        _root = Path.Combine(Path.GetTempPath(), "kakao-examples-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_root);
        File.WriteAllText(Path.Combine(_root, Repository.SolutionFile), "");
        foreach (var file in new[]
                 {
                     "Pulumi.yaml", "examples/a/Pulumi.yaml", ".github/workflows/ci.yml", "docs/notes.md",
                     "provider/X/bin/Release/PulumiPlugin.yaml", "provider/X/obj/y.yaml", ".git/config.yaml",
                     ".pulumi-local/plugin/PulumiPlugin.yaml", "examples/csharp/sdks/kakao/x.yaml",
                 })
        {
            var path = Path.Combine(_root, file);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, "a: 1\n");
        }
    }

    [TearDown]
    public void DeleteFakeRepository() => Directory.Delete(_root, recursive: true);

    [Test]
    public void YamlFiles_Repository_FindsOwnFilesAndSkipsBuildOutputAndGitAndLocalPlugin()
    {
        Assert.That(Repository.YamlFiles(_root), Is.EqualTo(new[] { ".github/workflows/ci.yml", "Pulumi.yaml", "examples/a/Pulumi.yaml" }));
    }

    [Test]
    public void FindRoot_FromNestedFolder_ReturnsFolderWithSolution()
    {
        Assert.That(Repository.FindRoot(Path.Combine(_root, "examples", "a")), Is.EqualTo(new DirectoryInfo(_root).FullName));
    }

    [Test]
    public void FindRoot_OutsideAnyRepository_ThrowsNamingTheSolution()
    {
        Assert.That(() => Repository.FindRoot(Path.GetPathRoot(_root)!),
            Throws.TypeOf<DirectoryNotFoundException>().With.Message.Contains(Repository.SolutionFile));
    }

    [Test]
    public void PathExists_FileFolderAndMissing_AnswersEach()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Repository.PathExists(_root, "examples/a/Pulumi.yaml"), Is.True);
            Assert.That(Repository.PathExists(_root, "examples/a"), Is.True);
            Assert.That(Repository.PathExists(_root, "examples/b"), Is.False);
        });
    }

    [TestCase("Pulumi.yaml", "name: x", YamlFileKind.PulumiProject)]
    [TestCase("examples/csharp/Pulumi.yml", "name: x", YamlFileKind.PulumiProject)]
    [TestCase("examples/import/Pulumi.dev.yaml", "config: {}", YamlFileKind.PulumiStackConfig)]
    [TestCase(".github/workflows/ci.yml", "name: x", YamlFileKind.Workflow)]
    [TestCase("examples/pipeline/kakao-sender.yml", "on: push\njobs: {}", YamlFileKind.Workflow)]
    [TestCase("provider/Kakao.Provider/PulumiPlugin.yaml", "runtime: dotnet", YamlFileKind.Other)]
    public void Of_PathAndContent_ClassifiesFile(string path, string content, YamlFileKind expected)
    {
        Assert.That(YamlFileKinds.Of(path, YamlFile.ParseMapping(content)), Is.EqualTo(expected));
    }
}
