using Grpc.Core;
using Kakao.EngineHarness.Engine;
using Kakao.EngineHarness.Hosting;
using Kakao.EngineHarness.Lifecycle;
using Kakao.EngineHarness.Results;
using Kakao.EngineHarness.Values;

namespace Kakao.EngineHarness;

public sealed partial class ProviderSession
{
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
        var check = await Provider.CheckAsync(urn, read.Inputs, read.Inputs, allowUnknowns: false, cancellationToken).ConfigureAwait(false);
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
}
