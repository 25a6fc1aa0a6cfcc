namespace Kakao.EngineHarness.Lifecycle;

/// <summary>The resource options of a declaration that change what the engine sends (Pulumi's names).</summary>
public sealed class ResourceOptions
{
    /// <summary>No options.</summary>
    public static ResourceOptions None { get; } = new();

    /// <summary><c>customTimeouts</c>: sent as the <c>timeout</c> (seconds) of Create, Update, Delete and Read.</summary>
    public CustomTimeouts CustomTimeouts { get; init; } = new();

    /// <summary><c>deleteBeforeReplace</c>: delete the old object before creating its replacement.</summary>
    public bool DeleteBeforeReplace { get; init; }

    /// <summary><c>ignoreChanges</c>: passed to Diff and Update.</summary>
    public IReadOnlyList<string> IgnoreChanges { get; init; } = [];

    /// <summary>
    /// <c>import</c>: adopt the existing object with this id (Read with the id only, then Check, Diff and, when the
    /// declaration differs, Update in the same deployment).
    /// </summary>
    public string? ImportId { get; init; }
}

/// <summary><c>customTimeouts</c>; null = none (the engine then sends 0).</summary>
/// <param name="Create">Limit for Create.</param>
/// <param name="Update">Limit for Update.</param>
/// <param name="Delete">Limit for Delete.</param>
/// <param name="Read">Limit for Read (refresh and import).</param>
public sealed record CustomTimeouts(TimeSpan? Create = null, TimeSpan? Update = null, TimeSpan? Delete = null, TimeSpan? Read = null)
{
    internal static double Seconds(TimeSpan? limit) => limit?.TotalSeconds ?? 0;
}
