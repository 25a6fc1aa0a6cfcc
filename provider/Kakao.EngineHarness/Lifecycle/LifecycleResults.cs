using Kakao.EngineHarness.Results;
using Kakao.EngineHarness.Values;

namespace Kakao.EngineHarness.Lifecycle;

/// <summary>What <c>pulumi up</c> or <c>pulumi preview</c> did (or would do) to one resource.</summary>
public enum ResourceOperation
{
    /// <summary>Nothing to do.</summary>
    Same,

    /// <summary>Created.</summary>
    Create,

    /// <summary>Updated in place.</summary>
    Update,

    /// <summary>Replaced (a new object, then the old one deleted, or the reverse with delete-before-replace).</summary>
    Replace,

    /// <summary>Adopted with the <c>import</c> resource option, the declaration matching the object.</summary>
    Import,
}

/// <summary>The outcome of a preview of one resource.</summary>
/// <param name="Operation">The planned operation.</param>
/// <param name="Check">The Check answer.</param>
/// <param name="Diff">The Diff answer (null for a new resource).</param>
/// <param name="PlannedOutputs">The outputs the provider predicted (unknowns where not known yet).</param>
public sealed record PreviewResult(ResourceOperation Operation, CheckResult Check, DiffResult? Diff, PropertyMap PlannedOutputs)
{
    /// <summary>With the <c>import</c> option: the Read of the object to adopt.</summary>
    public ReadResult? Imported { get; init; }

    /// <summary>Warnings the engine would print for this resource.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}

/// <summary>The outcome of <c>pulumi up</c> for one resource.</summary>
/// <param name="Operation">What was done.</param>
/// <param name="Check">The Check answer.</param>
/// <param name="Diff">The Diff answer (null for a new resource).</param>
/// <param name="State">The recorded resource afterwards.</param>
public sealed record UpResult(ResourceOperation Operation, CheckResult Check, DiffResult? Diff, ResourceState State)
{
    /// <summary>
    /// With the <c>import</c> option: the Read of the adopted object (then <see cref="Operation"/> is
    /// <see cref="ResourceOperation.Import"/>, or <see cref="ResourceOperation.Update"/> when the declaration differed).
    /// </summary>
    public ReadResult? Imported { get; init; }
}

/// <summary>The outcome of <c>pulumi refresh</c> for one resource.</summary>
/// <param name="Before">The recorded resource before the refresh.</param>
/// <param name="After">The recorded resource after it, or null when the object is gone and was dropped.</param>
/// <param name="ChangedOutputs">Names of outputs whose values drifted.</param>
/// <param name="ChangedInputs">Names of inputs whose values drifted.</param>
public sealed record RefreshResult(
    ResourceState Before, ResourceState? After, IReadOnlyList<string> ChangedOutputs, IReadOnlyList<string> ChangedInputs)
{
    /// <summary>True when the object no longer exists and was dropped from state.</summary>
    public bool Dropped => After is null;

    /// <summary>True when anything changed.</summary>
    public bool HasDrift => Dropped || ChangedOutputs.Count > 0 || ChangedInputs.Count > 0;

    /// <summary>
    /// The drift as the engine shows it: Diff called with the refreshed outputs and inputs as the old side and the
    /// previous inputs as the new side, then inverted. Null when the object was dropped.
    /// </summary>
    public DiffResult? Drift { get; init; }
}

/// <summary>The outcome of <c>pulumi import TYPE NAME ID</c>.</summary>
/// <param name="State">The imported resource as recorded: the inputs Read returned, not Check's.</param>
/// <param name="Read">The Read answer (id only request).</param>
/// <param name="Check">Check of the read inputs against themselves; its failures are only warnings.</param>
public sealed record ImportResult(ResourceState State, ReadResult Read, CheckResult Check)
{
    /// <summary>Check's failures, which the engine prints as warnings while the import goes ahead.</summary>
    public IReadOnlyList<CheckFailure> Warnings => Check.Failures;
}
