using Kakao.Provider.Models;

namespace Kakao.Provider.Typed;

/// <summary>
/// A resource: an inputs record, an outputs record and Create. Everything else is opt-in: without
/// <see cref="ICheck{TInputs}"/>/<see cref="IInputRules"/> Check checks kinds, required, bounds and allowed values
/// from the attributes (secrets and unknowns kept, defaults filled in); without <see cref="IDiff{TInputs, TOutputs}"/>
/// Diff compares inputs (replace-on-change replaces, anything else updates; outputs never count); without
/// <see cref="IUpdate{TInputs, TOutputs}"/> nothing updates in place; without <see cref="IRead{TInputs, TOutputs}"/>
/// refresh and import are refused; without <see cref="IDelete{TInputs, TOutputs}"/> delete only forgets.
/// </summary>
/// <typeparam name="TInputs">The inputs record (generated codec).</typeparam>
/// <typeparam name="TOutputs">The outputs record, usually derived from the inputs record.</typeparam>
internal interface IResource<TInputs, TOutputs>
    where TInputs : class, IPropertyRecord<TInputs>
    where TOutputs : class, IPropertyRecord<TOutputs>
{
    /// <summary>The type token (generated from <see cref="ResourceAttribute"/>).</summary>
    string Token { get; }

    /// <summary>Creates the resource from checked, known inputs (a preview never gets here: see <see cref="IPreview{TInputs}"/>).</summary>
    Task<CreateResult<TOutputs>> CreateAsync(CreateRequest<TInputs> request, CancellationToken cancellationToken);
}

/// <summary>Normalises one known string input, or says why it is invalid (the per-property rule behind the default Check).</summary>
internal interface IInputRules
{
    /// <summary>The normalised value, or null with a <paramref name="reason"/> that never quotes a secret value.</summary>
    /// <param name="path">The property path, e.g. <c>name</c> or <c>buttons[0].url</c>.</param>
    /// <param name="value">The value.</param>
    /// <param name="secret">Whether the value is secret.</param>
    /// <param name="reason">Why the value is invalid.</param>
    string? Normalize(string path, string value, bool secret, out string? reason);
}

/// <summary>Rules across properties, after the per-property checks.</summary>
internal interface ICheck<TInputs>
    where TInputs : class, IPropertyRecord<TInputs>
{
    /// <summary>Further failures; the request's inputs are the normalised ones (unknown or invalid values read as null).</summary>
    IEnumerable<CheckFailure> Check(CheckRequest<TInputs> request);
}

/// <summary>
/// Outputs computed from inputs (not echoing one of the same name): they are secret whenever an input they come
/// from is, or state would keep part of a secret in plain text. Without it only same-named outputs follow an input.
/// </summary>
internal interface IDerivedSecrets
{
    /// <summary>The outputs to mark secret, given the names of the inputs that are secret (schema secrets included).</summary>
    IEnumerable<string> DerivedSecrets(IReadOnlySet<string> secretInputs);
}

/// <summary>A Diff of its own, given the default one to adjust.</summary>
internal interface IDiff<TInputs, TOutputs>
    where TInputs : class, IPropertyRecord<TInputs>
    where TOutputs : class, IPropertyRecord<TOutputs>
{
    DiffResult Diff(DiffRequest<TInputs, TOutputs> request);
}

/// <summary>What a preview of a create or update checks beyond Check (it may read, never write).</summary>
internal interface IPreview<TInputs>
    where TInputs : class, IPropertyRecord<TInputs>
{
    Task PreviewAsync(PreviewRequest<TInputs> request, CancellationToken cancellationToken);
}

/// <summary>Reads the live resource (refresh, import); null when it no longer exists.</summary>
internal interface IRead<TInputs, TOutputs>
    where TInputs : class, IPropertyRecord<TInputs>
    where TOutputs : class, IPropertyRecord<TOutputs>
{
    Task<ReadResult<TInputs, TOutputs>?> ReadAsync(ReadRequest<TInputs, TOutputs> request, CancellationToken cancellationToken);
}

/// <summary>Updates in place from checked, known new inputs.</summary>
internal interface IUpdate<TInputs, TOutputs>
    where TInputs : class, IPropertyRecord<TInputs>
    where TOutputs : class, IPropertyRecord<TOutputs>
{
    Task<TOutputs> UpdateAsync(UpdateRequest<TInputs, TOutputs> request, CancellationToken cancellationToken);
}

/// <summary>Deletes the resource; one that is gone already should count as deleted.</summary>
internal interface IDelete<TInputs, TOutputs>
    where TInputs : class, IPropertyRecord<TInputs>
    where TOutputs : class, IPropertyRecord<TOutputs>
{
    Task DeleteAsync(DeleteRequest<TInputs, TOutputs> request, CancellationToken cancellationToken);
}

/// <summary>A function: an arguments record and a result record.</summary>
internal interface IFunction<TArgs, TResult>
    where TArgs : class, IPropertyRecord<TArgs>
    where TResult : class, IPropertyRecord<TResult>
{
    /// <summary>The function token (generated from <see cref="FunctionAttribute"/>).</summary>
    string Token { get; }

    Task<FunctionResult<TResult>> InvokeAsync(InvokeRequest<TArgs> request, CancellationToken cancellationToken);
}

/// <summary>Argument checks of a function: failures are answered as such instead of running it.</summary>
internal interface ICheckArgs<TArgs>
    where TArgs : class, IPropertyRecord<TArgs>
{
    IReadOnlyList<CheckFailure> CheckArgs(InvokeRequest<TArgs> request);
}
