namespace Kakao.Quickstart;

/// <summary>Finds the clone the quick start runs in: the nearest folder up the tree holding <c>KakaoPulumi.sln</c>.</summary>
internal static class RepositoryRoot
{
    public const string Marker = "KakaoPulumi.sln";

    public static string Find(string startDirectory)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(startDirectory)); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, Marker)))
            {
                if (!File.Exists(Path.Combine(dir.FullName, "Pulumi.yaml")))
                {
                    throw new QuickstartStepException((int)ExitCode.UsageError, $"{dir.FullName} has no Pulumi.yaml: the quick start program is missing from this clone.");
                }

                return dir.FullName;
            }
        }

        throw new QuickstartStepException((int)ExitCode.UsageError,
            $"Run the quick start from a clone of the repository: no {Marker} in {Path.GetFullPath(startDirectory)} or any folder above it.");
    }
}
