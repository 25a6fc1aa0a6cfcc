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
public sealed partial class ProviderSession : IAsyncDisposable
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

        var check = await CheckOrThrowAsync(urn, existing?.Inputs ?? PropertyMap.Empty, inputs, allowUnknowns: true, cancellationToken).ConfigureAwait(false);
        if (existing is null)
        {
            var planned = await PreviewCreateAsync(urn, check.Inputs, options, cancellationToken).ConfigureAwait(false);
            return new PreviewResult(ResourceOperation.Create, check, null, planned);
        }

        var warnings = new List<string>();
        var diff = await DiffAsync(existing, check.Inputs, options, warnings, cancellationToken).ConfigureAwait(false);
        var operation = OperationFor(diff, existing.Inputs, check.Inputs, options.IgnoreChanges);
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
                check = await CheckOrThrowAsync(urn, PropertyMap.Empty, inputs, allowUnknowns: true, cancellationToken).ConfigureAwait(false);
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

        var check = await CheckOrThrowAsync(urn, existing?.Inputs ?? PropertyMap.Empty, inputs, allowUnknowns: false, cancellationToken).ConfigureAwait(false);
        if (existing is null)
        {
            var created = await CreateAndRecordAsync(urn, check.Inputs, options, cancellationToken).ConfigureAwait(false);
            return new UpResult(ResourceOperation.Create, check, null, created);
        }

        var diff = await DiffAsync(existing, check.Inputs, options, null, cancellationToken).ConfigureAwait(false);
        switch (OperationFor(diff, existing.Inputs, check.Inputs, options.IgnoreChanges))
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

                var recheck = await CheckOrThrowAsync(urn, PropertyMap.Empty, inputs, allowUnknowns: false, cancellationToken).ConfigureAwait(false);
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
}
