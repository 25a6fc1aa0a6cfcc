namespace Kakao.Benchmarks.Runner;

/// <summary>Finds the repository root (the folder holding KakaoPulumi.sln) above the current or the binary's folder.</summary>
internal static class RepositoryRoot
{
    public static string Find()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "KakaoPulumi.sln")))
                {
                    return directory.FullName;
                }
            }
        }

        throw new InvalidOperationException("Run the benchmarks from inside the repository (KakaoPulumi.sln not found).");
    }
}
