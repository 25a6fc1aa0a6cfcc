namespace Kakao.Emulator.Http;

/// <summary>Which part of the emulator a path belongs to.</summary>
internal static class EmulatorPaths
{
    public const string ControlPrefix = "/_emulator";
    public const string ApiPrefix = "/v1/";
    public const string TokenPath = "/oauth2/token";

    public static bool IsControl(PathString path) => path.StartsWithSegments(ControlPrefix, StringComparison.OrdinalIgnoreCase);

    public static bool IsApi(PathString path) => path.Value?.StartsWith(ApiPrefix, StringComparison.Ordinal) == true;

    /// <summary>The {projectId} of a /v1/projects/{projectId}/... path, if any.</summary>
    public static string? ProjectId(PathString path)
    {
        var segments = (path.Value ?? string.Empty).Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments.Length >= 3 && segments[0] == "v1" && segments[1] == "projects" ? Uri.UnescapeDataString(segments[2]) : null;
    }
}
