using System.Globalization;
using System.Text.Json;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Kakao.EngineHarness.Results;
using Kakao.EngineHarness.Values;
using Kakao.EngineHarness.Wire;
using CheckFailure = Kakao.EngineHarness.Results.CheckFailure;
using CheckResult = Kakao.EngineHarness.Results.CheckResult;
using DiffResult = Kakao.EngineHarness.Results.DiffResult;

namespace Kakao.EngineHarness;

/// <summary>
/// Typed calls to a provider plugin's <c>pulumirpc.ResourceProvider</c> service, one method per RPC, encoding
/// values the way the engine does. It does not enforce an order; <see cref="ProviderSession"/> does.
/// Every failed RPC surfaces as a <see cref="ProviderRpcException"/>.
/// </summary>
public partial class ProviderClient
{
    private readonly CallInvoker _invoker;

    /// <summary>Creates a client over any gRPC call invoker (a channel to a plugin process, or an in-process server).</summary>
    public ProviderClient(CallInvoker invoker)
    {
        _invoker = invoker ?? throw new ArgumentNullException(nameof(invoker));
    }

    /// <summary>
    /// Whether secrets are sent as secrets. The engine strips secret markings for plugins that did not accept
    /// them; <see cref="HandshakeAsync"/> sets this from the plugin's answer, and <see cref="ConfigureAsync"/>
    /// only when there was no Handshake (after one, the engine ignores Configure's flags).
    /// </summary>
    public bool SendSecrets { get; set; } = true;

    /// <summary>True once a Handshake succeeded: Configure's capability flags are then ignored, as the engine does.</summary>
    public bool Handshaken { get; private set; }

    /// <summary>Time limit applied to each call; null for none.</summary>
    public TimeSpan? CallTimeout { get; set; }

    /// <summary>Handshake: the first call, telling the plugin where the engine is.</summary>
    public virtual async Task<HandshakeResult> HandshakeAsync(
        string engineAddress, string? rootDirectory = null, string? programDirectory = null,
        CancellationToken cancellationToken = default)
    {
        var request = new ProviderHandshakeRequest
        {
            EngineAddress = engineAddress ?? string.Empty,
            ConfigureWithUrn = true,
            SupportsViews = true,
            SupportsRefreshBeforeUpdate = true,
            InvokeWithPreview = true,
        };
        if (rootDirectory is not null)
        {
            request.RootDirectory = rootDirectory;
        }

        if (programDirectory is not null)
        {
            request.ProgramDirectory = programDirectory;
        }

        var response = await CallAsync(ProviderMethods.Handshake, request, cancellationToken).ConfigureAwait(false);
        SendSecrets = response.AcceptSecrets;
        Handshaken = true;
        return new HandshakeResult(response.AcceptSecrets, response.AcceptResources, response.AcceptOutputs);
    }

    /// <summary>GetPluginInfo: the plugin's version.</summary>
    public virtual async Task<string> GetPluginInfoAsync(CancellationToken cancellationToken = default)
    {
        var response = await CallAsync(ProviderMethods.GetPluginInfo, new Empty(), cancellationToken).ConfigureAwait(false);
        return response.Version;
    }

    /// <summary>GetSchema: the package schema JSON.</summary>
    public virtual async Task<string> GetSchemaAsync(int version = 0, CancellationToken cancellationToken = default)
    {
        var response = await CallAsync(
            ProviderMethods.GetSchema, new GetSchemaRequest { Version = version }, cancellationToken).ConfigureAwait(false);
        return response.Schema;
    }

    /// <summary>
    /// CheckConfig: validates provider configuration (keys without the package prefix). As the engine does, the
    /// values go out <b>without</b> secret wrappers (unknowns kept) and the secretness of each key is put back
    /// on the answer afterwards.
    /// </summary>
    public virtual async Task<CheckResult> CheckConfigAsync(
        ResourceUrn urn, PropertyMap olds, PropertyMap news, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(urn);
        ArgumentNullException.ThrowIfNull(news);
        var response = await CallAsync(
            ProviderMethods.CheckConfig, CheckRequestFor(urn, olds, news, keepSecrets: false), cancellationToken).ConfigureAwait(false);
        var result = ToResult(response);
        return result with { Inputs = EngineValueRules.AnnotateSecrets(result.Inputs, news) };
    }

    /// <summary>
    /// DiffConfig: compares old and new provider configuration (<paramref name="olds"/> = the old provider's
    /// outputs). Sent plain, without secret wrappers, as the engine sends it.
    /// </summary>
    public virtual async Task<DiffResult> DiffConfigAsync(
        ResourceUrn urn, PropertyMap olds, PropertyMap oldInputs, PropertyMap news,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(urn);
        var response = await CallAsync(
            ProviderMethods.DiffConfig, DiffRequestFor(string.Empty, urn, olds, oldInputs, news, [], keepSecrets: false), cancellationToken)
            .ConfigureAwait(false);
        return ToResult(response);
    }

    /// <summary>
    /// Configure: hands the checked configuration to the plugin as the <c>args</c> Struct (secrets kept) and/or
    /// the legacy <c>variables</c> map (<c>package:config:key</c> to plain text, JSON for non-strings, no
    /// <c>version</c>), as <paramref name="encoding"/> says. Sent as given: the engine never calls Configure with
    /// unknown values, <see cref="ProviderSession.ConfigureAsync"/> makes sure of that.
    /// </summary>
    public virtual async Task<ConfigureResult> ConfigureAsync(
        ResourceUrn urn, string packageName, PropertyMap config, ConfigEncoding encoding = ConfigEncoding.ArgsAndVariables,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(urn);
        ArgumentNullException.ThrowIfNull(packageName);
        ArgumentNullException.ThrowIfNull(config);
        var request = new ConfigureRequest
        {
            Args = encoding == ConfigEncoding.VariablesOnly ? null : StructEncoding.ToStruct(config, keepSecrets: true),
            AcceptSecrets = true,
            AcceptResources = true,
            SendsOldInputs = true,
            SendsOldInputsToDelete = true,
            Urn = urn.ToString(),
            Name = urn.Name,
            Type = urn.Type,
        };
        if (encoding != ConfigEncoding.ArgsOnly)
        {
            foreach (var (key, value) in config.Where(pair => pair.Key != "version"))
            {
                request.Variables[$"{packageName}:config:{key}"] = VariableText(value);
            }
        }

        var response = await CallAsync(ProviderMethods.Configure, request, cancellationToken).ConfigureAwait(false);
        if (!Handshaken)
        {
            SendSecrets = response.AcceptSecrets;
        }

        return new ConfigureResult(response.AcceptSecrets, response.SupportsPreview, response.AcceptResources, response.AcceptOutputs);
    }

    /// <summary>Check: validates and normalises resource inputs (<paramref name="olds"/> empty for a new resource); unknowns allowed, as in a preview.</summary>
    public virtual Task<CheckResult> CheckAsync(
        ResourceUrn urn, PropertyMap olds, PropertyMap news, CancellationToken cancellationToken = default) =>
        CheckAsync(urn, olds, news, allowUnknowns: true, cancellationToken);

    // Check with the engine's allowUnknowns (true only in a preview): without it the engine refuses checked inputs
    // holding unknowns. Internal: the public overload keeps its shape (ProviderSession passes the flag).
    internal async Task<CheckResult> CheckAsync(
        ResourceUrn urn, PropertyMap olds, PropertyMap news, bool allowUnknowns, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(urn);
        var response = await CallAsync(ProviderMethods.Check, CheckRequestFor(urn, olds, news), cancellationToken)
            .ConfigureAwait(false);
        var result = ToResult(response);
        if (!allowUnknowns)
        {
            RejectUnknowns("Check", result.Inputs);
        }

        return result with { Inputs = PutBackSecrets(result.Inputs, news) };
    }

    /// <summary>Diff: compares old outputs and inputs with new checked inputs.</summary>
    public virtual async Task<DiffResult> DiffAsync(
        ResourceUrn urn, string id, PropertyMap olds, PropertyMap oldInputs, PropertyMap news,
        IEnumerable<string>? ignoreChanges = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(urn);
        var response = await CallAsync(
            ProviderMethods.Diff, DiffRequestFor(id, urn, olds, oldInputs, news, ignoreChanges ?? []), cancellationToken)
            .ConfigureAwait(false);
        return ToResult(response);
    }

    /// <summary>
    /// Create (or, with <paramref name="preview"/>, predict) a resource. Outside a preview the engine refuses an
    /// answer without an id or with unknown outputs (<see cref="EngineRejectionException"/>).
    /// </summary>
    public virtual async Task<CreateResult> CreateAsync(
        ResourceUrn urn, PropertyMap properties, bool preview = false, double timeoutSeconds = 0,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(urn);
        var request = new CreateRequest
        {
            Urn = urn.ToString(),
            Name = urn.Name,
            Type = urn.Type,
            Properties = StructEncoding.ToStruct(properties, SendSecrets),
            Preview = preview,
            Timeout = timeoutSeconds,
        };
        var response = await CallAsync(ProviderMethods.Create, request, cancellationToken).ConfigureAwait(false);
        var outputs = StructEncoding.FromStruct(response.Properties);
        if (!preview)
        {
            if (response.Id.Length == 0)
            {
                throw new EngineRejectionException("Create", $"plugin returned empty resource.ID from create '{urn}'");
            }

            RejectUnknowns("Create", outputs);
        }

        return new CreateResult(response.Id, PutBackSecrets(outputs, properties));
    }

    /// <summary>Read: refresh (with old properties and inputs) or import (id only).</summary>
    public virtual Task<ReadResult> ReadAsync(
        ResourceUrn urn, string id, PropertyMap? properties = null, PropertyMap? inputs = null,
        CancellationToken cancellationToken = default) =>
        ReadAsync(urn, id, properties, inputs, 0, cancellationToken);

    /// <summary>
    /// Read with a <c>timeout</c> (seconds, from customTimeouts.read). The engine refuses outputs or inputs with
    /// unknown values (<see cref="EngineRejectionException"/>).
    /// </summary>
    public virtual async Task<ReadResult> ReadAsync(
        ResourceUrn urn, string id, PropertyMap? properties, PropertyMap? inputs, double timeoutSeconds,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(urn);
        var request = new ReadRequest
        {
            Id = id ?? string.Empty,
            Urn = urn.ToString(),
            Name = urn.Name,
            Type = urn.Type,
            Timeout = timeoutSeconds,
        };
        if (properties is not null)
        {
            request.Properties = StructEncoding.ToStruct(properties, SendSecrets);
        }

        if (inputs is not null)
        {
            request.Inputs = StructEncoding.ToStruct(inputs, SendSecrets);
        }

        var response = await CallAsync(ProviderMethods.Read, request, cancellationToken).ConfigureAwait(false);
        var result = new ReadResult(
            response.Id, StructEncoding.FromStruct(response.Properties), StructEncoding.FromStruct(response.Inputs))
        {
            HasInputs = response.Inputs is not null,
        };
        RejectUnknowns("Read", result.Properties);
        RejectUnknowns("Read", result.Inputs);
        return result with
        {
            Properties = PutBackSecrets(result.Properties, properties ?? PropertyMap.Empty),
            Inputs = PutBackSecrets(result.Inputs, inputs ?? PropertyMap.Empty),
        };
    }

    /// <summary>Update (or, with <paramref name="preview"/>, predict the update of) a resource.</summary>
    public virtual Task<UpdateResult> UpdateAsync(
        ResourceUrn urn, string id, PropertyMap olds, PropertyMap oldInputs, PropertyMap news, bool preview = false,
        double timeoutSeconds = 0, CancellationToken cancellationToken = default) =>
        UpdateAsync(urn, id, olds, oldInputs, news, preview, timeoutSeconds, [], cancellationToken);

    /// <summary>
    /// Update with <c>ignoreChanges</c>. Outside a preview the engine refuses unknown outputs
    /// (<see cref="EngineRejectionException"/>).
    /// </summary>
    public virtual async Task<UpdateResult> UpdateAsync(
        ResourceUrn urn, string id, PropertyMap olds, PropertyMap oldInputs, PropertyMap news, bool preview,
        double timeoutSeconds, IEnumerable<string>? ignoreChanges, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(urn);
        var request = new UpdateRequest
        {
            Id = id ?? string.Empty,
            Urn = urn.ToString(),
            Name = urn.Name,
            Type = urn.Type,
            Olds = StructEncoding.ToStruct(olds, SendSecrets),
            OldInputs = StructEncoding.ToStruct(oldInputs, SendSecrets),
            News = StructEncoding.ToStruct(news, SendSecrets),
            Preview = preview,
            Timeout = timeoutSeconds,
        };
        request.IgnoreChanges.AddRange(ignoreChanges ?? []);
        var response = await CallAsync(ProviderMethods.Update, request, cancellationToken).ConfigureAwait(false);
        var outputs = StructEncoding.FromStruct(response.Properties);
        if (!preview)
        {
            RejectUnknowns("Update", outputs);
        }

        return new UpdateResult(PutBackSecrets(outputs, news));
    }

    /// <summary>Delete a resource.</summary>
    public virtual async Task DeleteAsync(
        ResourceUrn urn, string id, PropertyMap properties, PropertyMap oldInputs, double timeoutSeconds = 0,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(urn);
        var request = new DeleteRequest
        {
            Id = id ?? string.Empty,
            Urn = urn.ToString(),
            Name = urn.Name,
            Type = urn.Type,
            Properties = StructEncoding.ToStruct(properties, SendSecrets),
            OldInputs = StructEncoding.ToStruct(oldInputs, SendSecrets),
            Timeout = timeoutSeconds,
        };
        await CallAsync(ProviderMethods.Delete, request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Invoke a provider function such as <c>kakao:index:getSender</c>. As the engine marshals the arguments
    /// without KeepUnknowns, an unknown argument is left out (it arrives as missing); a result with unknown values
    /// is refused (<see cref="EngineRejectionException"/>).
    /// </summary>
    public virtual async Task<InvokeResult> InvokeAsync(
        string token, PropertyMap args, bool preview = false, CancellationToken cancellationToken = default)
    {
        var request = new InvokeRequest
        {
            Tok = token ?? throw new ArgumentNullException(nameof(token)),
            Args = StructEncoding.ToStruct(args ?? PropertyMap.Empty, SendSecrets, keepUnknowns: false),
            Preview = preview,
        };
        var response = await CallAsync(ProviderMethods.Invoke, request, cancellationToken).ConfigureAwait(false);
        var result = new InvokeResult(StructEncoding.FromStruct(response.Return), ToFailures(response.Failures));
        RejectUnknowns("Invoke", result.Return);
        return result;
    }

    /// <summary>Cancel: asks the plugin to stop every in-flight operation.</summary>
    public virtual async Task CancelAsync(CancellationToken cancellationToken = default) =>
        await CallAsync(ProviderMethods.Cancel, new Empty(), cancellationToken).ConfigureAwait(false);

    /// <summary>Attach: hands the engine address to a plugin started by someone else (debugging).</summary>
    public virtual async Task AttachAsync(string engineAddress, CancellationToken cancellationToken = default) =>
        await CallAsync(ProviderMethods.Attach, new PluginAttach { Address = engineAddress ?? string.Empty }, cancellationToken)
            .ConfigureAwait(false);
}
