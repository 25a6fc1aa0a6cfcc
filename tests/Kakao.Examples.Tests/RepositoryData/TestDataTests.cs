using CliWrap.Buffered;
using Kakao.TestData;

namespace Kakao.Examples.Tests.RepositoryData;

/// <summary>
/// tests/TestData holds copies of the team's facts (shared/ beside the repository in CI). The tests read only the
/// copies; these tests keep them documented, and check the script CI runs to say when a copy is stale.
/// </summary>
[TestFixture]
public class TestDataTests
{
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

    // The files the README calls copies (the rest were written from the facts' prose and are not compared).
    private static IEnumerable<string> CopiedFiles()
    {
        var readme = File.ReadAllText(Path.Combine(TestDataFolder, "README.md"));
        return DataFiles().Select(data => (string)data.Arguments[0]!)
            .Where(path => !readme.Contains($"`{path}` | written from `shared/", StringComparison.Ordinal));
    }

    // CI's freshness check (.ci/check-test-data) is exercised on a facts folder this test builds itself: the
    // suite never reads the team's shared/ folder, so it means the same in a clone and in CI.
    private sealed class FactsFolder : IDisposable
    {
        private FactsFolder(string path) => Path = path;

        public string Path { get; }

        public static FactsFolder LikeTestData()
        {
            var facts = new FactsFolder(Directory.CreateTempSubdirectory("kakao-facts-").FullName);
            foreach (var file in CopiedFiles())
            {
                var target = facts.File(file);
                Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
                System.IO.File.Copy(System.IO.Path.Combine(TestDataFolder, file), target);
            }

            return facts;
        }

        public string File(string relativePath) => System.IO.Path.Combine(Path, relativePath.Replace('/', System.IO.Path.DirectorySeparatorChar));

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }

    private static async Task<(int ExitCode, string Output)> CheckTestDataAsync(string factsFolder)
    {
        // CliWrap kills the script if it outlives the timeout.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var result = await CliWrap.Cli.Wrap("bash")
            .WithArguments([Path.Combine(TestDataFiles.RepositoryRootPath, ".ci", "check-test-data"), factsFolder])
            .WithValidation(CliWrap.CommandResultValidation.None)
            .ExecuteBufferedAsync(timeout.Token);
        return (result.ExitCode, result.StandardOutput + result.StandardError);
    }

    [Test]
    public void CopiedFiles_Readme_NamesAtLeastTheFactsTheTestsRead()
    {
        Assert.That(CopiedFiles(), Is.SupersetOf(new[] { "sinch/kakaotalk-openapi-facts.json", "protocol/pulumirpc-wire.json" }));
    }

    [Test]
    public async Task CheckTestData_EveryCopyEqualsItsSource_ExitsZero()
    {
        using var facts = FactsFolder.LikeTestData();
        var (exitCode, output) = await CheckTestDataAsync(facts.Path);

        Assert.That(exitCode, Is.Zero, output);
        Assert.That(output, Does.Contain($"{CopiedFiles().Count()} copies equal their sources"));
    }

    [Test]
    public async Task CheckTestData_SourceChanged_ExitsOneNamingTheFileAndTheRefreshCommand()
    {
        using var facts = FactsFolder.LikeTestData();
        File.AppendAllText(facts.File("protocol/pulumirpc-wire.json"), "\n");

        var (exitCode, output) = await CheckTestDataAsync(facts.Path);

        Assert.That(exitCode, Is.EqualTo(1), output);
        Assert.That(output, Does.Contain("tests/TestData/protocol/pulumirpc-wire.json differs").And.Contain("cp "));
        Assert.That(output, Does.Not.Contain("kakaotalk-openapi-facts.json"), "only the stale copy is named");
    }

    [Test]
    public async Task CheckTestData_SourceMissing_ExitsOneNamingTheReadme()
    {
        using var facts = FactsFolder.LikeTestData();
        File.Delete(facts.File("sinch/kakaotalk-openapi-facts.json"));

        var (exitCode, output) = await CheckTestDataAsync(facts.Path);

        Assert.That(exitCode, Is.EqualTo(1), output);
        Assert.That(output, Does.Contain("sinch/kakaotalk-openapi-facts.json has no source").And.Contain("README.md"));
    }

    [Test]
    public async Task CheckTestData_NoSuchFolder_ExitsTwoWithUsage()
    {
        var (exitCode, output) = await CheckTestDataAsync(Path.Combine(Path.GetTempPath(), "kakao-no-such-facts-" + Guid.NewGuid().ToString("N")));

        Assert.That(exitCode, Is.EqualTo(2));
        Assert.That(output, Does.Contain("usage: .ci/check-test-data"));
    }
}
