using System.Reflection;
using System.Text.Json;
using Kakao.Cli.Commands;

namespace Kakao.Cli.Tests.Packaging;

/// <summary>
/// What users install: the kakao tool package holds kakao.dll and everything its deps.json names, so neither may
/// lead to the emulator or the engine harness (they belong to the quick start, provider/Kakao.Quickstart).
/// </summary>
public class ToolDependenciesTests
{
    private static readonly string[] DemoAndTestMachinery = ["Kakao.Emulator", "Kakao.EngineHarness", "Kakao.Quickstart"];

    [Test]
    public void DepsJson_KakaoTool_NamesNeitherTheEmulatorNorTheHarness()
    {
        using var deps = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "kakao.deps.json")));
        var libraries = deps.RootElement.GetProperty("libraries").EnumerateObject().Select(l => l.Name.Split('/')[0]).ToList();

        Assert.That(libraries, Does.Contain("Kakao.Verification").And.Contain("CliWrap"), "the file lists the tool's dependencies");
        Assert.That(libraries.Intersect(DemoAndTestMachinery), Is.Empty);
    }

    [Test]
    public void ReferencedAssemblies_KakaoToolClosure_ReachNeitherTheEmulatorNorTheHarness()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<Assembly>([typeof(CliApp).Assembly]);
        while (queue.TryDequeue(out var assembly))
        {
            foreach (var name in assembly.GetReferencedAssemblies().Where(n => n.Name is { } s && s.StartsWith("Kakao.", StringComparison.Ordinal) && seen.Add(s)))
            {
                queue.Enqueue(Assembly.Load(name));
            }
        }

        Assert.That(seen, Does.Contain("Kakao.Provisioning"), "the walk follows the tool's own references");
        Assert.That(seen.Intersect(DemoAndTestMachinery), Is.Empty);
    }
}
