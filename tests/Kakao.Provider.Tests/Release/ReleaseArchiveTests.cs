using System.Formats.Tar;
using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using Kakao.EngineHarness;

namespace Kakao.Provider.Tests.Release;

/// <summary>
/// The release archive, built by the very script the release workflow runs
/// (<c>.github/scripts/build-plugin-archive.sh</c>) with a version of its own, and the plugin it publishes.
/// The one difference from the release: a framework-dependent publish instead of Native AOT (the staging and
/// packing are the script's, identical), so the test needs no native toolchain and no runtime packs.
/// </summary>
[Category("Release")]
[NonParallelizable]
public class ReleaseArchiveTests
{
    private const string Version = "1.2.3";
    private const string DownloadUrl = "github://api.github.com/someone/kakaopulumi-fork";

    private string _temp = null!;
    private string _publish = null!;
    private string _archive = null!;

    [OneTimeSetUp]
    public async Task BuildTheArchiveAsTheReleaseDoes()
    {
        // A reason, not a skip: the script is bash, and Windows runners of the release run it through Git bash.
        Assume.That(OperatingSystem.IsWindows(), Is.False, "the archive script runs under bash; the Windows release job runs it through Git bash");
        _temp = Directory.CreateTempSubdirectory("kakao-release-").FullName;
        _publish = Path.Combine(_temp, "publish");
        var script = Path.Combine(RepositoryRoot(), ".github", "scripts", "build-plugin-archive.sh");
        var (os, arch) = PulumiPlatform();
        _archive = (await RunAsync("bash", [
            script, Version, RuntimeInformation.RuntimeIdentifier, os, arch, _publish, Path.Combine(_temp, "dist"),
            "--no-self-contained", $"-p:PluginDownloadUrl={DownloadUrl}",
        ])).Trim().Split('\n').Last();
    }

    [OneTimeTearDown]
    public void CleanUp()
    {
        if (_temp is not null && Directory.Exists(_temp))
        {
            Directory.Delete(_temp, recursive: true);
        }
    }

    [Test]
    public void Archive_NameAndContents_AreTheBinaryOnlyInPulumisLayout()
    {
        var (os, arch) = PulumiPlatform();

        Assert.Multiple(() =>
        {
            Assert.That(Path.GetFileName(_archive), Is.EqualTo($"pulumi-resource-kakao-v{Version}-{os}-{arch}.tar.gz"));
            Assert.That(Entries(_archive), Is.EqualTo(new[] { "pulumi-resource-kakao" }), "no PulumiPlugin.yaml, no folder entry");
        });
    }

    [Test]
    public void PublishOutput_HasNoPulumiPluginYaml()
    {
        // A PulumiPlugin.yaml beside the binary turns the folder into a source plugin (`dotnet build` on install).
        Assert.That(Directory.GetFiles(_publish, "PulumiPlugin.yaml", SearchOption.AllDirectories), Is.Empty);
    }

    [Test]
    public async Task PublishedPlugin_VersionedBuild_SchemaVersionEqualsPluginVersion()
    {
        await using var session = await ProviderSession.StartAsync(new ProviderSessionOptions
        {
            PluginPath = Path.Combine(_publish, "pulumi-resource-kakao"),
            PackageName = "kakao",
        });

        var schema = JsonNode.Parse(await session.GetSchemaAsync())!;

        Assert.Multiple(() =>
        {
            Assert.That(session.PluginVersion, Is.EqualTo(Version));
            Assert.That(schema["version"]!.GetValue<string>(), Is.EqualTo(session.PluginVersion));
            Assert.That(schema["pluginDownloadURL"]!.GetValue<string>(), Is.EqualTo(DownloadUrl));
        });
    }

    [Test]
    public void ReleaseWorkflow_BuildsThePluginArchiveWithTheScript()
    {
        var workflow = File.ReadAllText(Path.Combine(RepositoryRoot(), ".github", "workflows", "release.yml"));

        Assert.Multiple(() =>
        {
            Assert.That(workflow, Does.Contain("bash .github/scripts/build-plugin-archive.sh"));
            Assert.That(workflow, Does.Not.Contain("PulumiPlugin.yaml"));
            Assert.That(workflow, Does.Not.Contain("tar -"), "all packing happens in the script");
        });
    }

    private static IReadOnlyList<string> Entries(string archive)
    {
        using var file = File.OpenRead(archive);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var tar = new TarReader(gzip);
        var names = new List<string>();
        while (tar.GetNextEntry() is { } entry)
        {
            names.Add(entry.Name);
        }

        return names;
    }

    private static (string Os, string Arch) PulumiPlatform() => (
        OperatingSystem.IsMacOS() ? "darwin" : OperatingSystem.IsWindows() ? "windows" : "linux",
        RuntimeInformation.OSArchitecture == Architecture.Arm64 ? "arm64" : "amd64");

    // Generous: a Release publish on a loaded two-core machine.
    private static Task<string> RunAsync(string file, IReadOnlyList<string> arguments) =>
        ToolRun.OutputAsync(file, arguments, TimeSpan.FromMinutes(8));

    private static string RepositoryRoot() => Kakao.Testing.RepositoryRoot.Find();
}
