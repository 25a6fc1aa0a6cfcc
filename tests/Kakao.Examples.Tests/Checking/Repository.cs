namespace Kakao.Examples.Tests.Checking;

/// <summary>Finds the repository and the YAML files in it that users and CI read.</summary>
internal static class Repository
{
    public const string SolutionFile = Kakao.Testing.RepositoryRoot.SolutionFile;

    // Build output, tool state and generated code: not the repository's own files.
    private static readonly HashSet<string> SkippedFolders = new(StringComparer.Ordinal)
    {
        "bin", "obj", ".git", ".pulumi-local", "node_modules", "TestResults", "artifacts", "sdks",
        "BenchmarkDotNet.Artifacts", ".vs", ".idea",
    };

    /// <summary>The nearest folder at or above <paramref name="start"/> that holds KakaoPulumi.sln.</summary>
    public static string FindRoot(string start) =>
        Kakao.Testing.RepositoryRoot.TryFind(start) ?? throw new DirectoryNotFoundException($"No folder at or above '{start}' contains {SolutionFile}.");

    /// <summary>The repository root of the running tests.</summary>
    public static string Root => FindRoot(AppContext.BaseDirectory);

    /// <summary>Every *.yaml and *.yml file below <paramref name="root"/>, as sorted '/'-separated relative paths.</summary>
    public static IReadOnlyList<string> YamlFiles(string root)
    {
        var found = new List<string>();
        Collect(new DirectoryInfo(root), root, found);
        found.Sort(StringComparer.Ordinal);
        return found;
    }

    public static bool PathExists(string root, string relativePath)
    {
        var full = Path.Combine(root, relativePath.Replace('/', Path.DirectorySeparatorChar));
        return File.Exists(full) || Directory.Exists(full);
    }

    private static void Collect(DirectoryInfo directory, string root, List<string> found)
    {
        foreach (var file in directory.EnumerateFiles())
        {
            if (file.Extension is ".yaml" or ".yml")
            {
                found.Add(Path.GetRelativePath(root, file.FullName).Replace(Path.DirectorySeparatorChar, '/'));
            }
        }

        foreach (var child in directory.EnumerateDirectories())
        {
            if (!SkippedFolders.Contains(child.Name) && !child.Attributes.HasFlag(FileAttributes.ReparsePoint))
            {
                Collect(child, root, found);
            }
        }
    }
}
