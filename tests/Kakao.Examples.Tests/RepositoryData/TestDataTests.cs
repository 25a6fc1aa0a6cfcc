using Kakao.TestData;

namespace Kakao.Examples.Tests.RepositoryData;

/// <summary>
/// tests/TestData holds copies of the team's facts (shared/ beside the repository in CI). The tests read only the
/// copies; these tests keep the copies documented and, where the facts folder is at hand, current.
/// </summary>
[TestFixture]
public class TestDataTests
{
    private const string SharedFolderVariable = "KAKAO_SHARED_DIR";

    private static string TestDataFolder => Path.Combine(TestDataFiles.RepositoryRootPath, "tests", "TestData");

    public static IEnumerable<TestCaseData> DataFiles() =>
        Directory.EnumerateFiles(TestDataFolder, "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(TestDataFolder, path).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(path => path != "README.md" && !path.EndsWith(".cs", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(path => new TestCaseData(path).SetArgDisplayNames(path));

    [Test]
    public void Helper_KnownFacts_ResolveToFilesUnderTestData()
    {
        Assert.Multiple(() =>
        {
            Assert.That(TestDataFiles.SinchOpenApiFacts, Does.Exist.And.StartWith(TestDataFolder));
            Assert.That(TestDataFiles.PulumiRpcWire, Does.Exist.And.StartWith(TestDataFolder));
        });
    }

    [Test]
    public void Helper_MissingFile_NamesItAndTheReadme()
    {
        var error = Assert.Throws<FileNotFoundException>(() => TestDataFiles.PathOf("sinch/no-such-facts.json"));
        Assert.That(error!.Message, Does.Contain("tests/TestData/sinch/no-such-facts.json").And.Contain("README.md"));
    }

    [TestCaseSource(nameof(DataFiles))]
    public void DataFile_Readme_ListsItsSource(string relativePath)
    {
        var readme = File.ReadAllText(Path.Combine(TestDataFolder, "README.md"));

        Assert.Multiple(() =>
        {
            Assert.That(readme, Does.Contain($"`{relativePath}`"), $"tests/TestData/README.md does not list {relativePath}.");
            Assert.That(readme, Does.Contain($"`shared/{relativePath}`").Or.Contain($"`{relativePath}` | written from `shared/"), $"tests/TestData/README.md does not say where {relativePath} comes from.");
        });
    }

    // Files written here from the facts' prose (no byte-for-byte source) are documented, not compared.
    public static IEnumerable<TestCaseData> CopiedDataFiles()
    {
        var readme = File.ReadAllText(Path.Combine(TestDataFolder, "README.md"));
        return DataFiles().Where(data => !readme.Contains($"`{data.Arguments[0]}` | written from `shared/", StringComparison.Ordinal));
    }

    [TestCaseSource(nameof(CopiedDataFiles))]
    public void DataFile_SharedFactsPresent_EqualsItsSource(string relativePath)
    {
        var shared = FindSharedFolder();
        if (shared is null)
        {
            Assert.Ignore($"No shared/ facts folder beside this checkout (a fresh clone) and {SharedFolderVariable} is not set: nothing to compare tests/TestData/{relativePath} with.");
        }

        var source = Path.Combine(shared, relativePath.Replace('/', Path.DirectorySeparatorChar));
        Assert.That(source, Does.Exist, $"tests/TestData/{relativePath} has no source at {source}: update tests/TestData/README.md.");

        var copy = File.ReadAllBytes(Path.Combine(TestDataFolder, relativePath.Replace('/', Path.DirectorySeparatorChar)));
        Assert.That(copy.AsSpan().SequenceEqual(File.ReadAllBytes(source)), Is.True,
            $"tests/TestData/{relativePath} differs from {source}: refresh it (cp {source} tests/TestData/{relativePath}), as tests/TestData/README.md says.");
    }

    // The facts folder: named by CI (which runs the suite in a copy of the tree with no shared/ beside it), or
    // shared/ beside or above the repository (a clone, a worktree).
    private static string? FindSharedFolder()
    {
        if (Environment.GetEnvironmentVariable(SharedFolderVariable) is { Length: > 0 } named)
        {
            return Directory.Exists(named) ? named : throw new DirectoryNotFoundException($"{SharedFolderVariable}={named} does not exist.");
        }

        for (var directory = new DirectoryInfo(TestDataFiles.RepositoryRootPath).Parent; directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared");
            if (File.Exists(Path.Combine(candidate, "sinch", "kakaotalk-openapi-facts.json")))
            {
                return candidate;
            }
        }

        return null;
    }
}
