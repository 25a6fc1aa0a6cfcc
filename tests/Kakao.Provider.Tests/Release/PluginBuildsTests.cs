namespace Kakao.Provider.Tests.Release;

/// <summary>
/// Which build a local <c>dotnet publish provider/Kakao.Provider -c Release -o DIR</c> makes
/// (<c>provider/Kakao.Provider/PluginBuilds.props</c>), evaluated against made-up file systems
/// (<c>KakaoToolchainRoot</c>): Native AOT exactly when the ILCompiler can link, with clang or its gcc fallback.
/// </summary>
[Category("Release")]
public class PluginBuildsTests
{
    private string _root = null!;

    [SetUp]
    public void MakeAnEmptyFileSystem() => _root = Directory.CreateTempSubdirectory("kakao-toolchain-").FullName;

    [TearDown]
    public void RemoveIt() => Directory.Delete(_root, recursive: true);

    [TestCase("usr/bin/clang")]
    [TestCase("usr/bin/gcc")]
    [TestCase("usr/local/bin/gcc")]
    public async Task LocalPublish_CompilerAndZlib_IsNativeAot(string compiler)
    {
        Assume.That(OperatingSystem.IsWindows(), Is.False, "Native AOT's local build is for Linux and macOS");
        Touch(compiler);
        Touch("usr/include/zlib.h");

        Assert.That(await LocalAotAsync(), Is.EqualTo("true"));
    }

    [TestCase("usr/include/zlib.h")]
    [TestCase("usr/bin/gcc")]
    [TestCase("usr/bin/clang-14", "usr/include/zlib.h")]
    public async Task LocalPublish_ToolchainIncomplete_IsJit(params string[] files)
    {
        Assume.That(OperatingSystem.IsMacOS(), Is.False, "macOS ships zlib with Xcode: only the compiler is probed there");
        foreach (var file in files)
        {
            Touch(file);
        }

        Assert.That(await LocalAotAsync(), Is.Empty);
    }

    private void Touch(string relative)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, string.Empty);
    }

    // The property the publish decides on, as `dotnet publish` sees it (_IsPublishing), with the probes under _root.
    private async Task<string> LocalAotAsync() =>
        (await ToolRun.OutputAsync(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet", [
            "msbuild", Path.Combine(Kakao.Testing.RepositoryRoot.Find(), "provider", "Kakao.Provider", "Kakao.Provider.csproj"),
            "-getProperty:_KakaoLocalAot", "-p:_IsPublishing=true", "-p:Configuration=Release", $"-p:KakaoToolchainRoot={_root}",
        ], TimeSpan.FromMinutes(2))).Trim();
}
