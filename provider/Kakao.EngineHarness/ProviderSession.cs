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
/// a small in-memory <see cref="StackState"/>, doing around each call what the engine does
/// (docs/harness.md lists each behaviour and what is not reproduced).
/// </summary>
public sealed class ProviderSession : IAsyncDisposable
{
    private const int HandshakeAttempts = 10;
    private static readonly TimeSpan HandshakeRetryDelay = TimeSpan.FromMilliseconds(50);

    private const string UnknownConfigDiffWarning =
        "The provider for this resource has inputs that are not known during preview.\n" +
        "This preview may not correctly represent the changes that will be applied during an update.";

    private readonly ProviderSessionOptions _options;
    private readonly bool _ownsEngine;
    // URN → id of each recorded object whose provider DiffConfig replaced (a later object under the URN is not).
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _providerReplaced = new(StringComparer.Ordinal);
    private ConfigureResult? _configure;
    private bool _configKnown = true;
    private volatile bool _cancelled;
    private Task<PluginExit>? _shutdown;

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

    /// <summary>The configuration last checked by <see cref="ConfigureAsync"/> (checked inputs).</summary>
    public PropertyMap? Config { get; private set; }

    /// <summary>
    /// Whether Create/Update run in previews: always after a Handshake (the engine then ignores Configure's
    /// <c>supportsPreview</c>), otherwise as the legacy plugin's Configure answered.
    /// </summary>
    public bool SupportsPreview => Handshake is not null || (_configure?.SupportsPreview ?? false);

    /// <summary>False after <see cref="ConfigureAsync"/> met unknown configuration (Configure was not called).</summary>
    public bool ConfigurationKnown => _configKnown;

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
            // The engine hands the plugin binary's own folder as both root and program directory.
            var pluginFolder = Path.GetDirectoryName(Path.GetFullPath(options.PluginPath)) ?? string.Empty;
            await session.OpenAsync(pluginFolder, cancellationToken).ConfigureAwait(false);
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
    /// started with <c>PULUMI_DEBUG_PROVIDERS</c>), then calls Handshake (without directories, as the engine
    /// does when it attaches) and GetPluginInfo.
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
            await session.OpenAsync(null, cancellationToken).ConfigureAwait(false);
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
    /// Configures the default provider from stack configuration, like the engine: numbers and booleans become
    /// text (<see cref="EngineValueRules.AsStackConfig"/>); CheckConfig with plain values (failures throw
    /// <see cref="CheckFailedException"/>); DiffConfig when <paramref name="oldConfig"/> is given — a
    /// <c>replaces</c> answer marks every recorded resource for replacement on its next preview/up, without its
    /// own Diff; then Configure with the checked values, unless they hold unknowns: then Configure is not called
    /// and the session answers the resource calls itself, as the engine does (<see cref="ConfigurationKnown"/>).
    /// </summary>
    /// <param name="config">Configuration keys without the package prefix (<c>projectId</c>, not <c>kakao:projectId</c>).</param>
    /// <param name="oldConfig">The configuration of the previous deployment, if any.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    public async Task<ConfigureResult> ConfigureAsync(
        PropertyMap config, PropertyMap? oldConfig = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(config);
        ThrowIfCancelled();
        var news = EngineValueRules.AsStackConfig(config);
        var olds = oldConfig is null ? null : EngineValueRules.AsStackConfig(oldConfig);
        var check = await Provider.CheckConfigAsync(ProviderUrn, olds ?? PropertyMap.Empty, news, cancellationToken)
            .ConfigureAwait(false);
        if (!check.IsValid)
        {
            throw new CheckFailedException(ProviderUrn.ToString(), check.Failures);
        }

        DiffResult? configDiff = null;
        if (olds is not null)
        {
            configDiff = await Provider.DiffConfigAsync(ProviderUrn, olds, olds, check.Inputs, cancellationToken).ConfigureAwait(false);
            if (configDiff.RequiresReplace)
            {
                // The engine replaces every resource of a provider whose DiffConfig asks for replacement.
                foreach (var resource in State.Resources)
                {
                    _providerReplaced[resource.Urn.ToString()] = resource.Id;
                }
            }
        }

        Config = check.Inputs;
        if (EngineValueRules.FirstUnknown(check.Inputs) is not null)
        {
            _configKnown = false;
            _configure = null;
            return new ConfigureResult(false, false, false, false) { ConfigurationKnown = false, ConfigDiff = configDiff };
        }

        _configKnown = true;
        _configure = await Provider.ConfigureAsync(ProviderUrn, _options.PackageName, check.Inputs, _options.ConfigEncoding, cancellationToken)
            .ConfigureAwait(false);
        return _configure with { ConfigDiff = configDiff };
    }

    /// <summary>
    /// <c>pulumi preview</c> of one resource: Check, then for a new resource Create with preview, for an existing
    /// one Diff and (on changes) Update with preview, or for a replacement Check again with the new inputs only and
    /// Create with preview. With the <c>import</c> option: Read (id only), Check, Diff, Update with preview.
    /// Nothing is recorded.
    /// </summary>
    public Task<PreviewResult> PreviewAsync(
        string type, string name, PropertyMap inputs, CancellationToken cancellationToken = default) =>
        PreviewAsync(type, name, inputs, ResourceOptions.None, cancellationToken);

    /// <inheritdoc cref="PreviewAsync(string, string, PropertyMap, CancellationToken)"/>
    public async Task<PreviewResult> PreviewAsync(
        string type, string name, PropertyMap inputs, ResourceOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ThrowIfCancelled();
        var urn = Urn(type, name);
        var existing = State.Find(urn);
        ReadResult? imported = null;
        if (IsImport(existing, options))
        {
            imported = await ReadForImportAsync(urn, options, cancellationToken).ConfigureAwait(false);
            existing = ImportedState(urn, imported, options);
        }

        var check = await CheckOrThrowAsync(urn, existing?.Inputs ?? PropertyMap.Empty, inputs, cancellationToken).ConfigureAwait(false);
        if (existing is null)
        {
            var planned = await PreviewCreateAsync(urn, check.Inputs, options, cancellationToken).ConfigureAwait(false);
            return new PreviewResult(ResourceOperation.Create, check, null, planned);
        }

        var warnings = new List<string>();
        var diff = await DiffAsync(existing, check.Inputs, options, warnings, cancellationToken).ConfigureAwait(false);
        var operation = OperationFor(diff, existing.Inputs, check.Inputs);
        PropertyMap outputs;
        switch (operation)
        {
            case ResourceOperation.Same:
                outputs = existing.Outputs;
                break;
            case ResourceOperation.Update:
                outputs = await PreviewUpdateAsync(existing, check.Inputs, options, cancellationToken).ConfigureAwait(false);
                break;
            default:
                if (imported is not null)
                {
                    warnings.Add("previously-imported resources that still specify an ID may not be replaced; please remove the `import` declaration from your program");
                }

                // A replacement re-runs Check with the new inputs only (its defaults are no longer carried over).
                check = await CheckOrThrowAsync(urn, PropertyMap.Empty, inputs, cancellationToken).ConfigureAwait(false);
                outputs = await PreviewCreateAsync(urn, check.Inputs, options, cancellationToken).ConfigureAwait(false);
                break;
        }

        if (imported is not null && operation == ResourceOperation.Same)
        {
            operation = ResourceOperation.Import;
        }

        return new PreviewResult(operation, check, diff, outputs) { Imported = imported, Warnings = warnings };
    }

    /// <summary>
    /// <c>pulumi up</c> of one resource: Check, then Create for a new resource; otherwise Diff and Update, or
    /// replace (Check again with the new inputs only, create the new object and delete the old, or the reverse
    /// with delete-before-replace from Diff or the options). A Create failing with an
    /// <c>ErrorResourceInitFailed</c> detail still records the object (with the checked inputs), as the engine
    /// does, before the error is rethrown; any other Create error (Cancelled, DeadlineExceeded, …) records nothing.
    /// </summary>
    public Task<UpResult> UpAsync(string type, string name, PropertyMap inputs, CancellationToken cancellationToken = default) =>
        UpAsync(type, name, inputs, ResourceOptions.None, cancellationToken);

    /// <summary>
    /// <c>pulumi up</c> of one resource declared with <paramref name="options"/>. With <see cref="ResourceOptions.ImportId"/>
    /// (and no recorded object of that id): Read with the id only and record the object, then Check (the read
    /// inputs as olds), Diff, and Update it when the declaration differs — for a sender a PATCH that resubmits it
    /// for review. A replacement of an imported object is refused, as the engine refuses it.
    /// </summary>
    public async Task<UpResult> UpAsync(
        string type, string name, PropertyMap inputs, ResourceOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(inputs);
        ThrowIfCancelled();
        ThrowIfConfigUnknown("up");
        if (EngineValueRules.FirstUnknown(inputs) is { } unknown)
        {
            // In an update the program waits for every value; only a preview sees unknowns.
            throw new EngineHarnessException(
                $"{Urn(type, name)}: input '{unknown}' is unknown; the engine sees unknown inputs only in a preview (use PreviewAsync).");
        }

        var urn = Urn(type, name);
        var existing = State.Find(urn);
        ReadResult? imported = null;
        if (IsImport(existing, options))
        {
            imported = await ReadForImportAsync(urn, options, cancellationToken).ConfigureAwait(false);
            existing = ImportedState(urn, imported, options);
            State.Put(existing);
        }

        var check = await CheckOrThrowAsync(urn, existing?.Inputs ?? PropertyMap.Empty, inputs, cancellationToken).ConfigureAwait(false);
        if (existing is null)
        {
            var created = await CreateAndRecordAsync(urn, check.Inputs, options, cancellationToken).ConfigureAwait(false);
            return new UpResult(ResourceOperation.Create, check, null, created);
        }

        var diff = await DiffAsync(existing, check.Inputs, options, null, cancellationToken).ConfigureAwait(false);
        switch (OperationFor(diff, existing.Inputs, check.Inputs))
        {
            case ResourceOperation.Same:
                var same = existing with { Inputs = check.Inputs, Options = options };
                State.Put(same);
                return new UpResult(imported is null ? ResourceOperation.Same : ResourceOperation.Import, check, diff, same) { Imported = imported };
            case ResourceOperation.Update:
                var updated = await UpdateAndRecordAsync(existing, check.Inputs, options, cancellationToken).ConfigureAwait(false);
                return new UpResult(ResourceOperation.Update, check, diff, updated) { Imported = imported };
            default:
                if (imported is not null)
                {
                    throw new EngineHarnessException(
                        $"{urn}: previously-imported resources that still specify an ID may not be replaced; " +
                        "please remove the `import` declaration from your program (" + string.Join(", ", diff.Replaces) + ")");
                }

                var recheck = await CheckOrThrowAsync(urn, PropertyMap.Empty, inputs, cancellationToken).ConfigureAwait(false);
                var deleteFirst = diff.DeleteBeforeReplace || options.DeleteBeforeReplace;
                if (deleteFirst)
                {
                    await DeleteObjectAsync(existing, cancellationToken).ConfigureAwait(false);
                    State.Remove(urn);
                }

                var replacement = await CreateAndRecordAsync(urn, recheck.Inputs, options, cancellationToken).ConfigureAwait(false);
                if (!deleteFirst)
                {
                    await DeleteObjectAsync(existing, cancellationToken).ConfigureAwait(false);
                }

                _providerReplaced.TryRemove(urn.ToString(), out _);
                return new UpResult(ResourceOperation.Replace, recheck, diff, replacement);
        }
    }

    /// <summary>
    /// <c>pulumi refresh</c> of one recorded resource: Read with its id, outputs and inputs (and customTimeouts.read);
    /// an empty id drops it from state. Otherwise the new outputs are recorded, and the inputs the provider
    /// returned replace the stored ones whenever it returned an <c>inputs</c> Struct at all, even an empty one.
    /// Then, as the engine does, Diff is called with old and new swapped (refreshed outputs and inputs as the old
    /// side, the previous inputs as the new side) and its inversion is the drift the user sees.
    /// </summary>
    public async Task<RefreshResult> RefreshAsync(ResourceUrn urn, CancellationToken cancellationToken = default)
    {
        ThrowIfCancelled();
        ThrowIfConfigUnknown("refresh");
        var before = State.Get(urn);
        var read = await Provider.ReadAsync(
            urn, before.Id, before.Outputs, before.Inputs, CustomTimeouts.Seconds(before.Options.CustomTimeouts.Read), cancellationToken)
            .ConfigureAwait(false);
        if (!read.Exists)
        {
            State.Remove(urn);
            return new RefreshResult(before, null, before.Outputs.Keys.ToArray(), before.Inputs.Keys.ToArray());
        }

        var inputs = read.HasInputs ? read.Inputs : before.Inputs;
        var after = before with { Id = read.Id, Outputs = read.Properties, Inputs = inputs };
        var diff = await Provider.DiffAsync(
            urn, after.Id, after.Outputs, after.Inputs, before.Inputs, before.Options.IgnoreChanges, cancellationToken)
            .ConfigureAwait(false);
        State.Put(after);
        return new RefreshResult(before, after, before.Outputs.ChangedKeys(after.Outputs), before.Inputs.ChangedKeys(after.Inputs))
        {
            Drift = diff.Invert(),
        };
    }

    /// <summary>
    /// <c>pulumi import TYPE NAME ID</c>: Read with the id only (an empty answer: "does not exist"; no inputs
    /// Struct: the provider "does not support importing"), then Check with the read inputs as both olds and news —
    /// its failures are only warnings (<see cref="ImportResult.Warnings"/>) — and no Diff. The read inputs and
    /// outputs are recorded.
    /// </summary>
    public async Task<ImportResult> ImportAsync(string type, string name, string id, CancellationToken cancellationToken = default)
    {
        ThrowIfCancelled();
        ThrowIfConfigUnknown("import");
        var urn = Urn(type, name);
        var read = await ReadForImportAsync(urn, new ResourceOptions { ImportId = id }, cancellationToken).ConfigureAwait(false);
        var check = await Provider.CheckAsync(urn, read.Inputs, read.Inputs, cancellationToken).ConfigureAwait(false);
        var state = ImportedState(urn, read, ResourceOptions.None);
        State.Put(state);
        return new ImportResult(state, read, check);
    }

    /// <summary><c>pulumi destroy</c> of one recorded resource: Delete (with customTimeouts.delete), then forget it.</summary>
    public async Task DestroyAsync(ResourceUrn urn, CancellationToken cancellationToken = default)
    {
        ThrowIfCancelled();
        ThrowIfConfigUnknown("destroy");
        var existing = State.Get(urn);
        await DeleteObjectAsync(existing, cancellationToken).ConfigureAwait(false);
        State.Remove(urn);
    }

    /// <summary>
    /// Invoke a provider function during <c>pulumi up</c> (<c>preview = false</c>). Unknown arguments are left
    /// out before sending, as the engine does. With unknown provider configuration the engine answers an empty
    /// result itself.
    /// </summary>
    public Task<InvokeResult> InvokeAsync(string token, PropertyMap args, CancellationToken cancellationToken = default) =>
        InvokeCoreAsync(token, args, preview: false, cancellationToken);

    /// <summary>Invoke a provider function during <c>pulumi preview</c>: as <see cref="InvokeAsync"/>, with <c>preview = true</c>.</summary>
    public Task<InvokeResult> InvokeInPreviewAsync(string token, PropertyMap args, CancellationToken cancellationToken = default) =>
        InvokeCoreAsync(token, args, preview: true, cancellationToken);

    /// <summary>
    /// The engine's Ctrl-C: Cancel is sent, no new step starts (later life-cycle calls throw
    /// <see cref="OperationCanceledException"/>), calls in flight end with the plugin's errors, and the plugin is
    /// ended — given <see cref="ProviderSessionOptions.CancelGracePeriod"/> to exit, then SIGINT, then kill.
    /// <see cref="StopAsync"/> returns how it ended.
    /// </summary>
    public async Task CancelAsync(CancellationToken cancellationToken = default)
    {
        _cancelled = true;
        try
        {
            await Provider.CancelAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (Process is not null)
            {
                _shutdown ??= Process.StopAfterCancelAsync(CancellationToken.None);
            }
        }
    }

    /// <summary>Stops the plugin like the engine (Cancel, SIGINT, kill); null when attached.</summary>
    public async Task<PluginExit?> StopAsync(CancellationToken cancellationToken = default)
    {
        if (Process is null)
        {
            return null;
        }

        return _shutdown is { } shutdown
            ? await shutdown.WaitAsync(cancellationToken).ConfigureAwait(false)
            : await Process.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Process is not null)
        {
            if (_shutdown is { } shutdown)
            {
                await shutdown.ConfigureAwait(false);
            }

            await Process.DisposeAsync().ConfigureAwait(false);
        }

        if (_ownsEngine)
        {
            await Engine.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task OpenAsync(string? pluginFolder, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                Handshake = await Provider.HandshakeAsync(Engine.Address, pluginFolder, pluginFolder, cancellationToken).ConfigureAwait(false);
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

    private void ThrowIfCancelled()
    {
        if (_cancelled)
        {
            throw new OperationCanceledException("The deployment was cancelled: after Cancel the engine starts no new step.");
        }
    }

    // Unknown provider configuration only exists while a program is previewed; the engine never applies it.
    private void ThrowIfConfigUnknown(string command)
    {
        if (!_configKnown)
        {
            throw new EngineHarnessException(
                $"The provider configuration holds unknown values: the engine meets that only in a preview, never in {command}.");
        }
    }

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

    private async Task<CheckResult> CheckOrThrowAsync(
        ResourceUrn urn, PropertyMap olds, PropertyMap news, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(news);
        if (!_configKnown)
        {
            // pp.go: with unknown configuration the engine does not call Check and takes the news as they are.
            return new CheckResult(news, []);
        }

        var check = await Provider.CheckAsync(urn, olds, news, cancellationToken).ConfigureAwait(false);
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

    // DIFF_UNKNOWN makes the engine fall back to comparing old and new inputs itself.
    private static ResourceOperation OperationFor(DiffResult diff, PropertyMap oldInputs, PropertyMap newInputs) => diff.Changes switch
    {
        DiffChanges.None => ResourceOperation.Same,
        DiffChanges.Some when diff.RequiresReplace => ResourceOperation.Replace,
        DiffChanges.Some => ResourceOperation.Update,
        _ => oldInputs.Equals(newInputs) ? ResourceOperation.Same : ResourceOperation.Update,
    };
}
