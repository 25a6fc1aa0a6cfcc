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
    private static string FactsFolderLikeTestData()
    {
        var facts = Directory.CreateTempSubdirectory("kakao-facts-").FullName;
        foreach (var file in CopiedFiles())
        {
            var target = Path.Combine(facts, file);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(Path.Combine(TestDataFolder, file), target);
        }

        return facts;
    }

    private static async Task<(int ExitCode, string Output)> CheckTestDataAsync(string factsFolder)
    {
        var start = new System.Diagnostics.ProcessStartInfo("bash")
        {
            ArgumentList = { Path.Combine(TestDataFiles.RepositoryRootPath, ".ci", "check-test-data"), factsFolder },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = System.Diagnostics.Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        return (process.ExitCode, await stdout + await stderr);
    }

    [Test]
    public void CopiedFiles_Readme_NamesAtLeastTheFactsTheTestsRead()
    {
        Assert.That(CopiedFiles(), Is.SupersetOf(new[] { "sinch/kakaotalk-openapi-facts.json", "protocol/pulumirpc-wire.json" }));
    }

    [Test]
    public async Task CheckTestData_EveryCopyEqualsItsSource_ExitsZero()
    {
        var facts = FactsFolderLikeTestData();
        try
        {
            var (exitCode, output) = await CheckTestDataAsync(facts);

            Assert.That(exitCode, Is.Zero, output);
            Assert.That(output, Does.Contain($"{CopiedFiles().Count()} copies equal their sources"));
        }
        finally
        {
            Directory.Delete(facts, recursive: true);
        }
    }

    [Test]
    public async Task CheckTestData_SourceChanged_ExitsOneNamingTheFileAndTheRefreshCommand()
    {
        var facts = FactsFolderLikeTestData();
        try
        {
            File.AppendAllText(Path.Combine(facts, "protocol", "pulumirpc-wire.json"), "\n");

            var (exitCode, output) = await CheckTestDataAsync(facts);

            Assert.That(exitCode, Is.EqualTo(1), output);
            Assert.That(output, Does.Contain("tests/TestData/protocol/pulumirpc-wire.json differs").And.Contain("cp "));
            Assert.That(output, Does.Not.Contain("kakaotalk-openapi-facts.json"), "only the stale copy is named");
        }
        finally
        {
            Directory.Delete(facts, recursive: true);
        }
    }

    [Test]
    public async Task CheckTestData_SourceMissing_ExitsOneNamingTheReadme()
    {
        var facts = FactsFolderLikeTestData();
        try
        {
            File.Delete(Path.Combine(facts, "sinch", "kakaotalk-openapi-facts.json"));

            var (exitCode, output) = await CheckTestDataAsync(facts);

            Assert.That(exitCode, Is.EqualTo(1), output);
            Assert.That(output, Does.Contain("sinch/kakaotalk-openapi-facts.json has no source").And.Contain("README.md"));
        }
        finally
        {
            Directory.Delete(facts, recursive: true);
        }
    }

    [Test]
    public async Task CheckTestData_NoSuchFolder_ExitsTwoWithUsage()
    {
        var (exitCode, output) = await CheckTestDataAsync(Path.Combine(Path.GetTempPath(), "kakao-no-such-facts-" + Guid.NewGuid().ToString("N")));

        Assert.That(exitCode, Is.EqualTo(2));
        Assert.That(output, Does.Contain("usage: .ci/check-test-data"));
    }
}
