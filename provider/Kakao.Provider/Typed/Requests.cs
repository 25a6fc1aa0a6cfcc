using Kakao.Provider.Models;

namespace Kakao.Provider.Typed;

/// <summary>Which properties of a decoded record were unknown, secret or of the wrong kind.</summary>
/// <param name="Unknowns">Property paths whose value is not known yet.</param>
/// <param name="Secrets">Property paths that arrived secret.</param>
/// <param name="WrongKinds">Property paths of the wrong kind (lenient reads only).</param>
internal sealed record ValueFacts(IReadOnlySet<string> Unknowns, IReadOnlySet<string> Secrets, IReadOnlyDictionary<string, PropertyValueKind> WrongKinds)
{
    public static ValueFacts Of(PropertyReader reader) => new(reader.Unknowns, reader.Secrets, reader.WrongKinds);

    /// <summary>Whether <paramref name="property"/> is known, not secret and of the right kind: safe to quote and to act on in a preview.</summary>
    public bool IsPlain(string property) => !Unknowns.Contains(property) && !Secrets.Contains(property) && !WrongKinds.ContainsKey(property);
}

/// <param name="Inputs">Normalised inputs; unknown or invalid values read as null.</param>
/// <param name="Facts">Which inputs are unknown or secret.</param>
internal sealed record CheckRequest<TInputs>(TInputs Inputs, ValueFacts Facts);

/// <param name="Id">The resource id.</param>
/// <param name="OldInputs">The old inputs (or, for old state without inputs, the old outputs read as inputs).</param>
/// <param name="OldOutputs">The old outputs.</param>
/// <param name="NewInputs">The checked new inputs; unknown values read as null.</param>
/// <param name="NewFacts">Which new inputs are unknown or secret.</param>
/// <param name="IgnoreChanges">Top-level properties to ignore.</param>
/// <param name="Default">The attribute-derived diff, to return or adjust.</param>
internal sealed record DiffRequest<TInputs, TOutputs>(
    string Id,
    TInputs OldInputs,
    TOutputs OldOutputs,
    TInputs NewInputs,
    ValueFacts NewFacts,
    IReadOnlyCollection<string> IgnoreChanges,
    DiffResult Default);

/// <summary>Whether a preview plans a create or an update.</summary>
internal enum PreviewOperation
{
    Create,
    Update,
}

/// <param name="Operation">Create or update.</param>
/// <param name="Id">The id (empty for a create).</param>
/// <param name="Inputs">The checked inputs; unknown values read as null.</param>
/// <param name="Facts">Which inputs are unknown or secret.</param>
/// <param name="Urn">The resource's URN, for diagnostics.</param>
internal sealed record PreviewRequest<TInputs>(PreviewOperation Operation, string Id, TInputs Inputs, ValueFacts Facts, string? Urn);

/// <param name="Inputs">Checked, known inputs.</param>
/// <param name="Secrets">Inputs the program marked secret (they stay secret in the outputs).</param>
/// <param name="Urn">The resource's URN, for diagnostics.</param>
internal sealed record CreateRequest<TInputs>(TInputs Inputs, IReadOnlySet<string> Secrets, string? Urn);

/// <param name="Id">The new resource's id.</param>
/// <param name="Outputs">Its outputs.</param>
internal sealed record CreateResult<TOutputs>(string Id, TOutputs Outputs);

/// <param name="Id">The id to read (import: as the user typed it).</param>
/// <param name="OldInputs">The old inputs (empty on import).</param>
/// <param name="OldOutputs">The old outputs (empty on import).</param>
/// <param name="Secrets">Inputs that were secret before (they stay secret).</param>
/// <param name="Urn">The resource's URN, for diagnostics.</param>
internal sealed record ReadRequest<TInputs, TOutputs>(string Id, TInputs OldInputs, TOutputs OldOutputs, IReadOnlySet<string> Secrets, string? Urn);

/// <param name="Inputs">The inputs that reproduce the live resource, normalised exactly as Check would.</param>
/// <param name="Outputs">The live outputs.</param>
internal sealed record ReadResult<TInputs, TOutputs>(TInputs Inputs, TOutputs Outputs);

/// <param name="Id">The resource id.</param>
/// <param name="OldOutputs">The old outputs.</param>
/// <param name="NewInputs">Checked, known new inputs.</param>
/// <param name="Secrets">Inputs the program marked secret.</param>
/// <param name="Urn">The resource's URN, for diagnostics.</param>
internal sealed record UpdateRequest<TInputs, TOutputs>(string Id, TOutputs OldOutputs, TInputs NewInputs, IReadOnlySet<string> Secrets, string? Urn);

/// <param name="Id">The resource id.</param>
/// <param name="OldInputs">The old inputs.</param>
/// <param name="OldOutputs">The old outputs.</param>
internal sealed record DeleteRequest<TInputs, TOutputs>(string Id, TInputs OldInputs, TOutputs OldOutputs);

/// <param name="Args">The arguments; one whose value is unknown (preview) arrives missing, the engine drops it.</param>
/// <param name="Facts">Which arguments are secret, unknown or of the wrong kind.</param>
/// <param name="Preview">The engine runs invokes in previews too, with this set.</param>
internal sealed record InvokeRequest<TArgs>(TArgs Args, ValueFacts Facts, bool Preview);

/// <summary>A function's result, which of its top-level properties to mark secret beyond those always secret, and which it carries.</summary>
/// <param name="Value">The result.</param>
/// <param name="Secrets">Extra secret properties.</param>
/// <param name="Only">For a partial answer: the only top-level properties sent; null sends all.</param>
internal sealed record FunctionResult<TResult>(TResult Value, IReadOnlySet<string>? Secrets = null, IReadOnlySet<string>? Only = null)
{
    public static implicit operator FunctionResult<TResult>(TResult value) => new(value);
}

/// <summary>
/// The resource exists remotely although the operation failed after creating or changing it: the layer hands
/// it to the engine (<c>ErrorResourceInitFailed</c>) with these outputs so it is never lost from state.
/// </summary>
internal sealed class KeptResourceException(string id, object outputs, IReadOnlyList<string> reasons, Exception innerException)
    : Exception(string.Join("; ", reasons), innerException)
{
    public string Id { get; } = id;

    /// <summary>The outputs record (of the resource's outputs type).</summary>
    public object Outputs { get; } = outputs;

    public IReadOnlyList<string> Reasons { get; } = reasons;
}
