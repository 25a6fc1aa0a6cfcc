namespace Kakao.Testing;

/// <summary>Finds the repository root: the folder holding <c>KakaoPulumi.sln</c>.</summary>
public static class RepositoryRoot
{
    /// <summary>The solution's file name, the mark of the root.</summary>
    public const string SolutionFile = "KakaoPulumi.sln";

    private static readonly Lazy<string?> Found = new(() => TryFind(AppContext.BaseDirectory) ?? TryFind(Environment.CurrentDirectory));

    /// <summary>
    /// The root above the running binary's folder (tests and tools run from their bin folder inside the tree), else
    /// above the current folder.
    /// </summary>
    public static string Find() => Found.Value ?? throw new DirectoryNotFoundException(
        $"Run from inside the repository: no folder above {AppContext.BaseDirectory} or {Environment.CurrentDirectory} holds {SolutionFile}.");

    /// <summary>The nearest folder at or above <paramref name="start"/> holding the solution; null when there is none.</summary>
    public static string? TryFind(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, SolutionFile)))
            {
                return directory.FullName;
            }
        }

        return null;
    }
}
