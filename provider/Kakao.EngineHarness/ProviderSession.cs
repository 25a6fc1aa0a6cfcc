using Grpc.Core;
using Kakao.EngineHarness.Engine;
using Kakao.EngineHarness.Hosting;
using Kakao.EngineHarness.Lifecycle;
using Kakao.EngineHarness.Results;
using Kakao.EngineHarness.Values;

namespace Kakao.EngineHarness;

/// <summary>
/// Plays the engine for one provider plugin: starts a <see cref="FakeEngine"/> and the plugin, makes the
/// engine's opening calls (Handshake, GetPluginInfo), configures it (CheckConfig, DiffConfig when there is old
/// config, Configure) and runs the life-cycle steps of <c>pulumi preview/up/refresh/import/destroy</c> against
/// a small in-memory <see cref="StackState"/>.
/// </summary>
public sealed class ProviderSession : IAsyncDisposable
{
    private const int HandshakeAttempts = 10;
    private static readonly TimeSpan HandshakeRetryDelay = TimeSpan.FromMilliseconds(50);

    private readonly ProviderSessionOptions _options;
    private readonly bool _ownsEngine;
    private ConfigureResult? _configure;

    private ProviderSession(
        ProviderSessionOptions options, FakeEngine engine, bool ownsEngine, PluginProcess? process, ProviderClient provider)
    {
        _options = options;
        Engine = engine;
        _ownsEngine = ownsEngine;
        Process = process;
        Provider = provider;
    }

    /// <summary>The fake engine the plugin logs to.</summary>
    public FakeEngine Engine { get; }

    /// <summary>The plugin process, or null when attached to a plugin started elsewhere.</summary>
    public PluginProcess? Process { get; }

    /// <summary>Raw typed RPCs, for steps the life-cycle helpers do not cover.</summary>
    public ProviderClient Provider { get; }

    /// <summary>The stack state the life-cycle helpers maintain.</summary>
    public StackState State { get; } = new();

    /// <summary>The plugin's Handshake answer; null for a legacy plugin that does not implement Handshake.</summary>
    public HandshakeResult? Handshake { get; private set; }

    /// <summary>The plugin's version from GetPluginInfo.</summary>
    public string PluginVersion { get; private set; } = string.Empty;

    /// <summary>The configuration last sent by <see cref="ConfigureAsync"/> (checked inputs).</summary>
    public PropertyMap? Config { get; private set; }

    /// <summary>The URN of the default provider (<c>pulumi:providers:package</c>).</summary>
    public ResourceUrn ProviderUrn => new(_options.Stack, _options.Project, $"pulumi:providers:{_options.PackageName}", "default");

    /// <summary>Starts the fake engine and the plugin, then calls Handshake and GetPluginInfo.</summary>
    public static async Task<ProviderSession> StartAsync(ProviderSessionOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var engine = await FakeEngine.StartAsync(cancellationToken).ConfigureAwait(false);
        PluginProcess? process = null;
        try
        {
            process = await PluginProcess.StartAsync(options.ToProcessOptions(engine.Address), cancellationToken).ConfigureAwait(false);
            var session = new ProviderSession(options, engine, ownsEngine: true, process, new ProviderClient(process.CallInvoker));
            await session.OpenAsync(cancellationToken).ConfigureAwait(false);
            return session;
        }
        catch
        {
            if (process is not null)
            {
                await process.DisposeAsync().ConfigureAwait(false);
            }

            await engine.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Attaches to a provider already serving on <paramref name="invoker"/> (an in-process server, or a plugin
    /// started with <c>PULUMI_DEBUG_PROVIDERS</c>), then calls Handshake and GetPluginInfo.
    /// </summary>
    public static async Task<ProviderSession> AttachAsync(
        CallInvoker invoker, ProviderSessionOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invoker);
        ArgumentNullException.ThrowIfNull(options);
        var engine = await FakeEngine.StartAsync(cancellationToken).ConfigureAwait(false);
        var session = new ProviderSession(options, engine, ownsEngine: true, process: null, new ProviderClient(invoker));
        try
        {
            await session.OpenAsync(cancellationToken).ConfigureAwait(false);
            return session;
        }
        catch
        {
            await engine.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>A URN in this session's stack.</summary>
    public ResourceUrn Urn(string type, string name) => new(_options.Stack, _options.Project, type, name);

    /// <summary>GetSchema: the package schema JSON (the engine asks for it when generating SDKs).</summary>
    public Task<string> GetSchemaAsync(CancellationToken cancellationToken = default) =>
        Provider.GetSchemaAsync(0, cancellationToken);

    /// <summary>
    /// Configures the provider like the engine: CheckConfig (failures throw <see cref="CheckFailedException"/>),
    /// DiffConfig when <paramref name="oldConfig"/> is given, then Configure with the checked values.
    /// </summary>
    /// <param name="config">Configuration keys without the package prefix (<c>projectId</c>, not <c>kakao:projectId</c>).</param>
    /// <param name="oldConfig">The configuration of the previous deployment, if any.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    public async Task<ConfigureResult> ConfigureAsync(
        PropertyMap config, PropertyMap? oldConfig = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(config);
        var check = await Provider.CheckConfigAsync(ProviderUrn, oldConfig ?? PropertyMap.Empty, config, cancellationToken)
            .ConfigureAwait(false);
        if (!check.IsValid)
        {
            throw new CheckFailedException(ProviderUrn.ToString(), check.Failures);
        }

        if (oldConfig is not null)
        {
            await Provider.DiffConfigAsync(ProviderUrn, oldConfig, oldConfig, check.Inputs, cancellationToken).ConfigureAwait(false);
        }

        _configure = await Provider.ConfigureAsync(ProviderUrn, _options.PackageName, check.Inputs, _options.ConfigEncoding, cancellationToken)
            .ConfigureAwait(false);
        Config = check.Inputs;
        return _configure;
    }

    /// <summary>
    /// <c>pulumi preview</c> of one resource: Check, then for a new resource Create with preview, for an existing
    /// one Diff and (on changes) Update with preview. Nothing is recorded.
    /// </summary>
    public async Task<PreviewResult> PreviewAsync(
        string type, string name, PropertyMap inputs, CancellationToken cancellationToken = default)
    {
        var urn = Urn(type, name);
        var existing = State.Find(urn);
        var check = await CheckOrThrowAsync(urn, existing?.Inputs ?? PropertyMap.Empty, inputs, cancellationToken).ConfigureAwait(false);
        var supportsPreview = _configure?.SupportsPreview ?? false;
        if (existing is null)
        {
            var planned = supportsPreview
                ? (await Provider.CreateAsync(urn, check.Inputs, preview: true, cancellationToken: cancellationToken).ConfigureAwait(false)).Properties
                : check.Inputs;
            return new PreviewResult(ResourceOperation.Create, check, null, planned);
        }

        var diff = await DiffAsync(existing, check.Inputs, cancellationToken).ConfigureAwait(false);
        var operation = OperationFor(diff, existing.Inputs, check.Inputs);
        var outputs = operation switch
        {
            ResourceOperation.Same => existing.Outputs,
            ResourceOperation.Update when supportsPreview => (await Provider.UpdateAsync(
                urn, existing.Id, existing.Outputs, existing.Inputs, check.Inputs, preview: true,
                cancellationToken: cancellationToken).ConfigureAwait(false)).Properties,
            ResourceOperation.Replace when supportsPreview => (await Provider.CreateAsync(
                urn, check.Inputs, preview: true, cancellationToken: cancellationToken).ConfigureAwait(false)).Properties,
            _ => check.Inputs,
        };
        return new PreviewResult(operation, check, diff, outputs);
    }

    /// <summary>
    /// <c>pulumi up</c> of one resource: Check, then Create for a new resource; otherwise Diff and Update, or
    /// replace (create the new object and delete the old, or the reverse when the provider asks for
    /// delete-before-replace). A Create failing with an <c>ErrorResourceInitFailed</c> detail still records the
    /// object, as the engine does, before the error is rethrown.
    /// </summary>
    public async Task<UpResult> UpAsync(string type, string name, PropertyMap inputs, CancellationToken cancellationToken = default)
    {
        var urn = Urn(type, name);
        var existing = State.Find(urn);
        var check = await CheckOrThrowAsync(urn, existing?.Inputs ?? PropertyMap.Empty, inputs, cancellationToken).ConfigureAwait(false);
        if (existing is null)
        {
            var created = await CreateAndRecordAsync(urn, check.Inputs, cancellationToken).ConfigureAwait(false);
            return new UpResult(ResourceOperation.Create, check, null, created);
        }

        var diff = await DiffAsync(existing, check.Inputs, cancellationToken).ConfigureAwait(false);
        switch (OperationFor(diff, existing.Inputs, check.Inputs))
        {
            case ResourceOperation.Same:
                return new UpResult(ResourceOperation.Same, check, diff, existing);
            case ResourceOperation.Update:
                var updated = await Provider.UpdateAsync(
                    urn, existing.Id, existing.Outputs, existing.Inputs, check.Inputs, cancellationToken: cancellationToken)
                    .ConfigureAwait(false);
                var state = existing with { Inputs = check.Inputs, Outputs = updated.Properties };
                State.Put(state);
                return new UpResult(ResourceOperation.Update, check, diff, state);
            default:
                if (diff.DeleteBeforeReplace)
                {
                    await DeleteObjectAsync(existing, cancellationToken).ConfigureAwait(false);
                    State.Remove(urn);
                }

                var replacement = await CreateAndRecordAsync(urn, check.Inputs, cancellationToken).ConfigureAwait(false);
                if (!diff.DeleteBeforeReplace)
                {
                    await DeleteObjectAsync(existing, cancellationToken).ConfigureAwait(false);
                }

                return new UpResult(ResourceOperation.Replace, check, diff, replacement);
        }
    }

    /// <summary>
    /// <c>pulumi refresh</c> of one recorded resource: Read with its id, outputs and inputs; an empty id drops it
    /// from state, otherwise the new outputs and inputs are recorded and the drift reported.
    /// </summary>
    public async Task<RefreshResult> RefreshAsync(ResourceUrn urn, CancellationToken cancellationToken = default)
    {
        var before = State.Get(urn);
        var read = await Provider.ReadAsync(urn, before.Id, before.Outputs, before.Inputs, cancellationToken).ConfigureAwait(false);
        if (!read.Exists)
        {
            State.Remove(urn);
            return new RefreshResult(before, null, before.Outputs.Keys.ToArray(), before.Inputs.Keys.ToArray());
        }

        // A provider that returns no inputs keeps the recorded ones, as the engine does.
        var inputs = read.Inputs.Count > 0 ? read.Inputs : before.Inputs;
        var after = before with { Id = read.Id, Outputs = read.Properties, Inputs = inputs };
        State.Put(after);
        return new RefreshResult(before, after, before.Outputs.ChangedKeys(after.Outputs), before.Inputs.ChangedKeys(after.Inputs));
    }

    /// <summary>
    /// <c>pulumi import</c>: Read with the id only, then Check the declared <paramref name="inputs"/> against the
    /// read inputs and Diff them against the read object. The engine refuses an import whose Diff shows changes;
    /// so does this (<see cref="EngineHarnessException"/>), after returning nothing to state.
    /// </summary>
    public async Task<ImportResult> ImportAsync(
        string type, string name, string id, PropertyMap inputs, CancellationToken cancellationToken = default)
    {
        var urn = Urn(type, name);
        var read = await Provider.ReadAsync(urn, id, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!read.Exists)
        {
            throw new EngineHarnessException($"Import of {urn}: the provider found no object with id '{id}'.");
        }

        var check = await CheckOrThrowAsync(urn, read.Inputs, inputs, cancellationToken).ConfigureAwait(false);
        var state = new ResourceState(urn, read.Id, read.Inputs, read.Properties);
        var diff = await DiffAsync(state, check.Inputs, cancellationToken).ConfigureAwait(false);
        var result = new ImportResult(state, read, check, diff);
        if (diff.Changes == DiffChanges.Some)
        {
            throw new EngineHarnessException(
                $"Import of {urn}: the declared inputs differ from the object ({string.Join(", ", diff.Diffs)}).");
        }

        State.Put(state);
        return result;
    }

    /// <summary><c>pulumi destroy</c> of one recorded resource: Delete, then forget it.</summary>
    public async Task DestroyAsync(ResourceUrn urn, CancellationToken cancellationToken = default)
    {
        var existing = State.Get(urn);
        await DeleteObjectAsync(existing, cancellationToken).ConfigureAwait(false);
        State.Remove(urn);
    }

    /// <summary>Invoke a provider function.</summary>
    public Task<InvokeResult> InvokeAsync(string token, PropertyMap args, CancellationToken cancellationToken = default) =>
        Provider.InvokeAsync(token, args, preview: false, cancellationToken);

    /// <summary>Cancel: asks the plugin to abandon every in-flight operation (the plugin keeps running).</summary>
    public Task CancelAsync(CancellationToken cancellationToken = default) => Provider.CancelAsync(cancellationToken);

    /// <summary>Stops the plugin like the engine (Cancel, SIGINT, kill); null when attached.</summary>
    public async Task<PluginExit?> StopAsync(CancellationToken cancellationToken = default) =>
        Process is null ? null : await Process.StopAsync(cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Process is not null)
        {
            await Process.DisposeAsync().ConfigureAwait(false);
        }

        if (_ownsEngine)
        {
            await Engine.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task OpenAsync(CancellationToken cancellationToken)
    {
        var directory = Environment.CurrentDirectory;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                Handshake = await Provider.HandshakeAsync(Engine.Address, directory, directory, cancellationToken).ConfigureAwait(false);
                break;
            }
            catch (ProviderRpcException error) when (error.StatusCode == StatusCode.Unimplemented)
            {
                // A plugin without Handshake gets the legacy path, as the engine does: straight to GetPluginInfo.
                Handshake = null;
                break;
            }
            catch (ProviderRpcException error) when (error.StatusCode == StatusCode.Unavailable && attempt < HandshakeAttempts)
            {
                // The engine retries while the plugin's server is still coming up.
                await Task.Delay(HandshakeRetryDelay, _options.TimeProvider, cancellationToken).ConfigureAwait(false);
            }
        }

        PluginVersion = await Provider.GetPluginInfoAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<CheckResult> CheckOrThrowAsync(
        ResourceUrn urn, PropertyMap olds, PropertyMap news, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(news);
        var check = await Provider.CheckAsync(urn, olds, news, cancellationToken).ConfigureAwait(false);
        return check.IsValid ? check : throw new CheckFailedException(urn.ToString(), check.Failures);
    }

    private Task<DiffResult> DiffAsync(ResourceState existing, PropertyMap news, CancellationToken cancellationToken) =>
        Provider.DiffAsync(existing.Urn, existing.Id, existing.Outputs, existing.Inputs, news, cancellationToken: cancellationToken);

    private async Task<ResourceState> CreateAndRecordAsync(ResourceUrn urn, PropertyMap inputs, CancellationToken cancellationToken)
    {
        try
        {
            var created = await Provider.CreateAsync(urn, inputs, cancellationToken: cancellationToken).ConfigureAwait(false);
            var state = new ResourceState(urn, created.Id, inputs, created.Properties);
            State.Put(state);
            return state;
        }
        catch (ProviderRpcException error) when (error.InitFailure is { Id.Length: > 0 } partial)
        {
            // The object exists even though a later step failed: record it so it is not leaked.
            State.Put(new ResourceState(urn, partial.Id, partial.Inputs.Count > 0 ? partial.Inputs : inputs, partial.Properties));
            throw;
        }
    }

    private Task DeleteObjectAsync(ResourceState resource, CancellationToken cancellationToken) =>
        Provider.DeleteAsync(resource.Urn, resource.Id, resource.Outputs, resource.Inputs, cancellationToken: cancellationToken);

    // DIFF_UNKNOWN makes the engine fall back to comparing old and new inputs itself.
    private static ResourceOperation OperationFor(DiffResult diff, PropertyMap oldInputs, PropertyMap newInputs) => diff.Changes switch
    {
        DiffChanges.None => ResourceOperation.Same,
        DiffChanges.Some when diff.RequiresReplace => ResourceOperation.Replace,
        DiffChanges.Some => ResourceOperation.Update,
        _ => oldInputs.Equals(newInputs) ? ResourceOperation.Same : ResourceOperation.Update,
    };
}
