using Kakao.Provider.Models;

namespace Kakao.Provider.Typed;

/// <summary>One resource type's operations on property maps: what the registry dispatches to by token.</summary>
internal interface IResourceHandler
{
    string Token { get; }

    CheckResult Check(PropertyMap news);

    DiffResult Diff(DiffCall call);

    Task<(string Id, PropertyMap Outputs)> CreateAsync(CreateCall call, CancellationToken cancellationToken);

    Task<(PropertyMap Outputs, PropertyMap Inputs)?> ReadAsync(ReadCall call, CancellationToken cancellationToken);

    Task<PropertyMap> UpdateAsync(UpdateCall call, CancellationToken cancellationToken);

    Task DeleteAsync(DeleteCall call, CancellationToken cancellationToken);
}

/// <summary>One function's invocation on property maps.</summary>
internal interface IFunctionHandler
{
    string Token { get; }

    Task<(PropertyMap? Result, IReadOnlyList<CheckFailure> Failures)> InvokeAsync(PropertyMap args, bool preview, CancellationToken cancellationToken);
}

/// <param name="Id">The resource id.</param>
/// <param name="Olds">Old outputs (state).</param>
/// <param name="News">New checked inputs.</param>
/// <param name="OldInputs">Old inputs, when the engine sent them.</param>
/// <param name="IgnoreChanges">Top-level properties to ignore.</param>
internal sealed record DiffCall(string Id, PropertyMap Olds, PropertyMap News, PropertyMap? OldInputs, IReadOnlyCollection<string>? IgnoreChanges);

/// <param name="Inputs">Checked inputs.</param>
/// <param name="Preview">Whether this is a preview (plan only).</param>
/// <param name="Urn">The resource's URN.</param>
internal sealed record CreateCall(PropertyMap Inputs, bool Preview, string? Urn);

/// <param name="Id">The id to read.</param>
/// <param name="Olds">Old outputs (empty on import).</param>
/// <param name="OldInputs">Old inputs (empty on import).</param>
/// <param name="Urn">The resource's URN.</param>
internal sealed record ReadCall(string Id, PropertyMap Olds, PropertyMap OldInputs, string? Urn);

/// <param name="Id">The resource id.</param>
/// <param name="Olds">Old outputs.</param>
/// <param name="News">New checked inputs.</param>
/// <param name="Preview">Whether this is a preview.</param>
/// <param name="Urn">The resource's URN.</param>
internal sealed record UpdateCall(string Id, PropertyMap Olds, PropertyMap News, bool Preview, string? Urn);

/// <param name="Id">The resource id.</param>
/// <param name="Olds">Old outputs.</param>
/// <param name="OldInputs">Old inputs.</param>
internal sealed record DeleteCall(string Id, PropertyMap Olds, PropertyMap OldInputs);
