namespace Kakao.Quickstart;

/// <summary>Finds executables the way a shell does, on the PATH the run was given (tests give their own).</summary>
internal static class ExecutableSearch
{
    public static string? OnPath(string name, string? pathVariable)
    {
        var names = OperatingSystem.IsWindows() ? new[] { name + ".exe", name + ".cmd" } : [name];
        foreach (var dir in (pathVariable ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var candidate in names.Select(n => Path.Combine(dir, n)))
            {
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    /// <summary>The dotnet host: the one running us (DOTNET_HOST_PATH, set by the SDK) or the first on PATH.</summary>
    public static string Dotnet(Func<string, string?> env) =>
        env("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : OnPath("dotnet", env("PATH")) ?? "dotnet";
}
