namespace Kakao.Provider.Model;

/// <summary>How one property changes.</summary>
internal enum PropertyDiffKind
{
    Add,
    AddReplace,
    Delete,
    DeleteReplace,
    Update,
    UpdateReplace,
}

/// <summary>Whether anything changes.</summary>
internal enum DiffChanges
{
    Unknown,
    None,
    Some,
}

/// <summary>The change of one property, and whether it was found by comparing with old inputs.</summary>
/// <param name="Kind">Add, delete or update, with or without replacement.</param>
/// <param name="InputDiff">True when compared with old inputs rather than old outputs.</param>
internal sealed record PropertyDiff(PropertyDiffKind Kind, bool InputDiff);

/// <summary>The result of a diff.</summary>
/// <param name="Changes">NONE, SOME or UNKNOWN.</param>
/// <param name="Replaces">Top-level properties whose change forces replacement.</param>
/// <param name="DetailedDiff">Property path to change.</param>
/// <param name="DeleteBeforeReplace">Whether the old object must go before the new one is created.</param>
internal sealed record DiffResult(
    DiffChanges Changes,
    IReadOnlyList<string> Replaces,
    IReadOnlyDictionary<string, PropertyDiff> DetailedDiff,
    bool DeleteBeforeReplace = false)
{
    public static DiffResult NoChanges { get; } = new(DiffChanges.None, [], new Dictionary<string, PropertyDiff>());

    /// <summary>The top-level properties that change.</summary>
    public IReadOnlyList<string> ChangedKeys => [.. DetailedDiff.Keys.Select(k => k.Split('.', '[')[0]).Distinct(StringComparer.Ordinal)];
}
