namespace Kakao.EngineHarness.Results;

/// <summary>Whether a Diff found changes.</summary>
public enum DiffChanges
{
    /// <summary>The provider could not tell (the engine then compares inputs itself).</summary>
    Unknown = 0,

    /// <summary>No change.</summary>
    None = 1,

    /// <summary>At least one change.</summary>
    Some = 2,
}

/// <summary>The kind of change of one property in a detailed diff (numbers as on the wire).</summary>
public enum PropertyDiffKind
{
    /// <summary>Added.</summary>
    Add = 0,

    /// <summary>Added, forcing replacement.</summary>
    AddReplace = 1,

    /// <summary>Deleted.</summary>
    Delete = 2,

    /// <summary>Deleted, forcing replacement.</summary>
    DeleteReplace = 3,

    /// <summary>Updated.</summary>
    Update = 4,

    /// <summary>Updated, forcing replacement.</summary>
    UpdateReplace = 5,
}

/// <summary>One entry of a detailed diff.</summary>
/// <param name="Kind">The kind of change.</param>
/// <param name="InputDiff">True when the provider compared against old inputs rather than old outputs.</param>
public sealed record PropertyDiff(PropertyDiffKind Kind, bool InputDiff);

/// <summary>The answer to Diff or DiffConfig.</summary>
/// <param name="Changes">Whether there are changes.</param>
/// <param name="Replaces">Properties whose change forces replacement.</param>
/// <param name="Stables">Properties guaranteed not to change.</param>
/// <param name="DeleteBeforeReplace">True when the old object must go before the new one is created.</param>
/// <param name="Diffs">The changed top-level properties.</param>
/// <param name="DetailedDiff">Property path to change kind.</param>
/// <param name="HasDetailedDiff">True when <paramref name="DetailedDiff"/> is authoritative.</param>
public sealed record DiffResult(
    DiffChanges Changes,
    IReadOnlyList<string> Replaces,
    IReadOnlyList<string> Stables,
    bool DeleteBeforeReplace,
    IReadOnlyList<string> Diffs,
    IReadOnlyDictionary<string, PropertyDiff> DetailedDiff,
    bool HasDetailedDiff)
{
    /// <summary>True when the change forces a replacement.</summary>
    public bool RequiresReplace => Replaces.Count > 0;

    /// <summary>
    /// The diff seen from the other side, as the engine shows refresh drift: additions become deletions and the
    /// reverse; updates stay updates.
    /// </summary>
    public DiffResult Invert() => this with
    {
        DetailedDiff = DetailedDiff.ToDictionary(pair => pair.Key, pair => pair.Value with { Kind = Inverted(pair.Value.Kind) }),
    };

    private static PropertyDiffKind Inverted(PropertyDiffKind kind) => kind switch
    {
        PropertyDiffKind.Add => PropertyDiffKind.Delete,
        PropertyDiffKind.AddReplace => PropertyDiffKind.DeleteReplace,
        PropertyDiffKind.Delete => PropertyDiffKind.Add,
        PropertyDiffKind.DeleteReplace => PropertyDiffKind.AddReplace,
        _ => kind,
    };
}
