namespace Kakao.Provider.Resources;

/// <summary>
/// The <c>projectId</c> rule of templates and webhooks: an empty or absent value means the provider's project,
/// so writing down (or dropping) the project the object already lives in is no change, and only another
/// project replaces it.
/// </summary>
internal static class ProjectOverride
{
    /// <param name="oldOutput">The project recorded in the old outputs.</param>
    /// <param name="oldInput">The project the old inputs named.</param>
    /// <param name="newInput">The project the new (known) inputs name.</param>
    /// <param name="defaultProjectId">The provider's project, when configured.</param>
    public static bool IsSameProject(string? oldOutput, string? oldInput, string? newInput, string? defaultProjectId)
    {
        var current = NonEmpty(oldOutput) ?? NonEmpty(oldInput) ?? NonEmpty(defaultProjectId);
        var wanted = NonEmpty(newInput) ?? NonEmpty(defaultProjectId) ?? current;
        return current is null || current == wanted;
    }

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
