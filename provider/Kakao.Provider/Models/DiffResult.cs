namespace Kakao.Provider.Models;

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

/// <summary>Helpers for <see cref="PropertyDiffKind"/>.</summary>
internal static class PropertyDiffKinds
{
    /// <summary>The replacing form of an add, delete or update when <paramref name="replace"/>.</summary>
    public static PropertyDiffKind Replacing(this PropertyDiffKind kind, bool replace) => (kind, replace) switch
    {
        (PropertyDiffKind.Add, true) => PropertyDiffKind.AddReplace,
        (PropertyDiffKind.Delete, true) => PropertyDiffKind.DeleteReplace,
        (PropertyDiffKind.Update, true) => PropertyDiffKind.UpdateReplace,
        _ => kind,
    };
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

    /// <summary>This diff without <paramref name="key"/>'s change (no change at all when it was the only one).</summary>
    public DiffResult Without(string key)
    {
        if (!DetailedDiff.ContainsKey(key))
        {
            return this;
        }

        var detailed = DetailedDiff.Where(kv => kv.Key != key).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        return detailed.Count == 0 ? NoChanges : this with { Replaces = [.. Replaces.Where(r => r != key)], DetailedDiff = detailed };
    }

    /// <summary>This diff with <paramref name="key"/> changing as <paramref name="diff"/> says (and replacing or not).</summary>
    public DiffResult With(string key, PropertyDiff diff, bool replace)
    {
        var detailed = new Dictionary<string, PropertyDiff>(DetailedDiff, StringComparer.Ordinal) { [key] = diff };
        var replaces = Replaces.Where(r => r != key).ToList();
        if (replace)
        {
            replaces.Add(key);
        }

        return new DiffResult(DiffChanges.Some, replaces, detailed, DeleteBeforeReplace);
    }

    /// <summary>The top-level properties that change.</summary>
    public IReadOnlyList<string> ChangedKeys => [.. DetailedDiff.Keys.Select(k => k.Split('.', '[')[0]).Distinct(StringComparer.Ordinal)];
}
