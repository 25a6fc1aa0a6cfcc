using System.Text.Json.Nodes;
using Kakao.Testing;

namespace Kakao.Provisioning.Tests.Integration;

/// <summary>The shorthands these integration tests use over the shared <see cref="EmulatorControlClient"/>.</summary>
internal static class EmulatorControlIdioms
{
    public static Task FaultsAsync(this EmulatorControlClient control, params JsonObject[] rules) =>
        control.SetFaultsAsync(new JsonArray(rules));

    /// <summary>Probabilistic rules with a fixed seed, so every run draws the same faults.</summary>
    public static Task SeededFaultsAsync(this EmulatorControlClient control, int seed, params JsonObject[] rules) =>
        control.SetSeededFaultsAsync(seed, new JsonArray(rules));

    public static Task ReviewPolicyAsync(this EmulatorControlClient control, string mode) => control.SetReviewPolicyAsync(mode);

    /// <summary>The logged requests whose path starts with <paramref name="pathPrefix"/>.</summary>
    public static async Task<IReadOnlyList<EmulatorRequest>> RequestsAsync(this EmulatorControlClient control, string pathPrefix) =>
        [.. (await control.RequestsAsync()).Where(r => r.Path.StartsWith(pathPrefix, StringComparison.Ordinal))];

    public static async Task<int> CountAsync(this EmulatorControlClient control, string method, string path) =>
        (await control.RequestsAsync(path)).Count(r => r.Method == method && r.Path == path);
}
