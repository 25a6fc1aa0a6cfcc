using Grpc.Core;
using Kakao.EngineHarness.Engine;
using Kakao.EngineHarness.Hosting;
using Kakao.EngineHarness.Lifecycle;
using Kakao.EngineHarness.Results;
using Kakao.EngineHarness.Values;

namespace Kakao.EngineHarness;

public sealed partial class ProviderSession
{
    private async Task<InvokeResult> InvokeCoreAsync(string token, PropertyMap args, bool preview, CancellationToken cancellationToken)
    {
        ThrowIfCancelled();
        if (!_configKnown)
        {
            // pp.go: "If the provider is not fully configured, return an empty property map."
            return new InvokeResult(PropertyMap.Empty, []);
        }

        return await Provider.InvokeAsync(token, args, preview, cancellationToken).ConfigureAwait(false);
    }

    private static bool IsImport(ResourceState? existing, ResourceOptions options) =>
        options.ImportId is { Length: > 0 } id && (existing is null || existing.Id != id);

    private async Task<ReadResult> ReadForImportAsync(ResourceUrn urn, ResourceOptions options, CancellationToken cancellationToken)
    {
        var id = options.ImportId!;
        var read = await Provider.ReadAsync(
            urn, id, null, null, CustomTimeouts.Seconds(options.CustomTimeouts.Read), cancellationToken).ConfigureAwait(false);
        if (!read.Exists)
        {
            throw new EngineHarnessException($"Import of {urn}: resource '{id}' does not exist");
        }

        if (!read.HasInputs)
        {
            throw new EngineHarnessException(
                $"Import of {urn}: provider does not support importing resources; please try updating the '{_options.PackageName}' plugin");
        }

        return read;
    }

    private static ResourceState ImportedState(ResourceUrn urn, ReadResult read, ResourceOptions options) =>
        new(urn, read.Id, read.Inputs, read.Properties) { Options = options };

    // allowUnknowns: the engine's, true only in a preview.
    private async Task<CheckResult> CheckOrThrowAsync(
        ResourceUrn urn, PropertyMap olds, PropertyMap news, bool allowUnknowns, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(news);
        if (!_configKnown)
        {
            // pp.go: with unknown configuration the engine does not call Check and takes the news as they are.
            return new CheckResult(news, []);
        }

        var check = await Provider.CheckAsync(urn, olds, news, allowUnknowns, cancellationToken).ConfigureAwait(false);
        return check.IsValid ? check : throw new CheckFailedException(urn.ToString(), check.Failures);
    }

    private async Task<DiffResult> DiffAsync(
        ResourceState existing, PropertyMap news, ResourceOptions options, List<string>? warnings, CancellationToken cancellationToken)
    {
        if (_providerReplaced.TryGetValue(existing.Urn.ToString(), out var replacedId) && replacedId == existing.Id)
        {
            // DiffConfig asked to replace the provider: every one of its resources is replaced, their Diff not called.
            return new DiffResult(DiffChanges.Some, ["provider"], [], false, ["provider"], new Dictionary<string, PropertyDiff>(), false);
        }

        if (!_configKnown)
        {
            // pp.go DiffUnavailable: the engine assumes an update and warns.
            warnings?.Add(UnknownConfigDiffWarning);
            return new DiffResult(DiffChanges.Some, [], [], false, [], new Dictionary<string, PropertyDiff>(), false);
        }

        return await Provider.DiffAsync(existing.Urn, existing.Id, existing.Outputs, existing.Inputs, news, options.IgnoreChanges, cancellationToken)
            .ConfigureAwait(false);
    }

    private async Task<PropertyMap> PreviewCreateAsync(ResourceUrn urn, PropertyMap inputs, ResourceOptions options, CancellationToken cancellationToken)
    {
        if (!_configKnown)
        {
            // pp.go: no call; an empty map, so the program sees every output as unknown.
            return PropertyMap.Empty;
        }

        if (!SupportsPreview)
        {
            return inputs;
        }

        var created = await Provider.CreateAsync(
            urn, inputs, preview: true, CustomTimeouts.Seconds(options.CustomTimeouts.Create), cancellationToken).ConfigureAwait(false);
        return created.Properties;
    }

    private async Task<PropertyMap> PreviewUpdateAsync(
        ResourceState existing, PropertyMap news, ResourceOptions options, CancellationToken cancellationToken)
    {
        if (!_configKnown)
        {
            return PropertyMap.Empty;
        }

        if (!SupportsPreview)
        {
            return news;
        }

        var updated = await Provider.UpdateAsync(
            existing.Urn, existing.Id, existing.Outputs, existing.Inputs, news, preview: true,
            CustomTimeouts.Seconds(options.CustomTimeouts.Update), options.IgnoreChanges, cancellationToken).ConfigureAwait(false);
        return updated.Properties;
    }

    private async Task<ResourceState> CreateAndRecordAsync(
        ResourceUrn urn, PropertyMap inputs, ResourceOptions options, CancellationToken cancellationToken)
    {
        try
        {
            var created = await Provider.CreateAsync(
                urn, inputs, preview: false, CustomTimeouts.Seconds(options.CustomTimeouts.Create), cancellationToken).ConfigureAwait(false);
            var state = new ResourceState(urn, created.Id, inputs, created.Properties) { Options = options };
            State.Put(state);
            return state;
        }
        catch (ProviderRpcException error) when (error.InitFailure is { Id.Length: > 0 } partial)
        {
            // The object exists even though a later step failed: the engine records it — with the checked inputs
            // it sent (it does not take the detail's inputs for a Create) — so it is not leaked.
            State.Put(new ResourceState(urn, partial.Id, inputs, partial.Properties) { Options = options });
            throw;
        }
    }

    private async Task<ResourceState> UpdateAndRecordAsync(
        ResourceState existing, PropertyMap news, ResourceOptions options, CancellationToken cancellationToken)
    {
        try
        {
            var updated = await Provider.UpdateAsync(
                existing.Urn, existing.Id, existing.Outputs, existing.Inputs, news, preview: false,
                CustomTimeouts.Seconds(options.CustomTimeouts.Update), options.IgnoreChanges, cancellationToken).ConfigureAwait(false);
            var state = existing with { Inputs = news, Outputs = updated.Properties, Options = options };
            State.Put(state);
            return state;
        }
        catch (ProviderRpcException error) when (error.InitFailure is { } partial)
        {
            // A partial update: the engine records the new inputs and the outputs the provider reported.
            State.Put(existing with { Inputs = news, Outputs = partial.Properties, Options = options });
            throw;
        }
    }

    private Task DeleteObjectAsync(ResourceState resource, CancellationToken cancellationToken) =>
        Provider.DeleteAsync(
            resource.Urn, resource.Id, resource.Outputs, resource.Inputs, CustomTimeouts.Seconds(resource.Options.CustomTimeouts.Delete),
            cancellationToken);

    // DIFF_UNKNOWN makes the engine fall back to comparing old and new inputs itself (sg.go diffResource, with
    // ignoreChanges applied; top-level names here), keeping the provider's replaces.
    private static ResourceOperation OperationFor(DiffResult diff, PropertyMap oldInputs, PropertyMap newInputs, IReadOnlyList<string> ignoreChanges) =>
        diff.Changes switch
        {
            DiffChanges.None => ResourceOperation.Same,
            DiffChanges.Some when diff.RequiresReplace => ResourceOperation.Replace,
            DiffChanges.Some => ResourceOperation.Update,
            _ when !oldInputs.ChangedKeys(newInputs).Except(ignoreChanges, StringComparer.Ordinal).Any() => ResourceOperation.Same,
            _ => diff.RequiresReplace ? ResourceOperation.Replace : ResourceOperation.Update,
        };
}
