using System.Text.Json;

namespace Kakao.EngineHarness.Tests.Wire;

/// <summary>Loads shared/protocol/pulumirpc-wire.json, found beside the repository (as CI clones it) or above it.</summary>
internal static class WireFacts
{
    private static readonly Lazy<JsonDocument> Document = new(Load);

    public static JsonElement Messages => Document.Value.RootElement.GetProperty("messages");

    public static JsonElement Enums => Document.Value.RootElement.GetProperty("enums");

    public static JsonElement Methods => Document.Value.RootElement.GetProperty("methods");

    public static string FindFile()
    {
        var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "KakaoPulumi.sln")))
        {
            directory = directory.Parent;
        }

        if (directory is null)
        {
            throw new FileNotFoundException("KakaoPulumi.sln not found above the test directory.");
        }

        // A clone has shared/ beside it; a git worktree sits one or more levels deeper, so keep walking up.
        for (var candidate = directory.Parent; candidate is not null; candidate = candidate.Parent)
        {
            var path = Path.Combine(candidate.FullName, "shared", "protocol", "pulumirpc-wire.json");
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new FileNotFoundException($"shared/protocol/pulumirpc-wire.json not found beside or above {directory.FullName}.");
    }

    private static JsonDocument Load() => JsonDocument.Parse(File.ReadAllText(FindFile()));
}
