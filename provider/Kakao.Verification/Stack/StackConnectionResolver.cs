using Kakao.Provisioning;
using Kakao.Verification.Pulumi;

namespace Kakao.Verification.Stack;

/// <summary>
/// Works out how to reach Sinch for a sender of a stack: the provider resource's inputs first, then the stack
/// configuration (<c>kakao:*</c>), then the environment. The key secret is usually encrypted in the checkpoint,
/// so it comes from the provider's plaintext, SINCH_KEY_SECRET, the decrypted stack config, or finally a
/// <c>--show-secrets</c> export — in that order, and only as far as needed.
/// </summary>
internal sealed class StackConnectionResolver(IPulumiWorkspace workspace, string? stackName, Func<string, string?> env)
{
    private readonly Dictionary<string, string?> _config = new(StringComparer.Ordinal);
    private PulumiDeployment? _revealed;

    public async Task<SinchConnection> ResolveAsync(StackSender sender, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sender);
        var inputs = sender.Provider?.Inputs;
        string? FromProvider(string key) => inputs is null ? null : NonEmpty(PulumiSecrets.ReadString(inputs[key]).Value);

        // A provider resource already holds the stack's kakao:* config (default provider) or its explicit
        // arguments; the stack config is only consulted when the checkpoint names no provider.
        async Task<string?> SettingAsync(string key) =>
            FromProvider(key) ?? (inputs is null ? await ConfigAsync(key, cancellationToken).ConfigureAwait(false) : null);

        // Where a value came from, for the message when Sinch refuses the key: a default provider holds the
        // stack's kakao:* config; an explicit one its own arguments.
        var fromProvider = sender.Provider is { } p && !IsDefaultProvider(p) ? $"the {p.Name} provider's {{0}} argument" : "stack config kakao:{0}";
        string? OriginOf(string key, string? value) => value is null ? null : string.Format(System.Globalization.CultureInfo.InvariantCulture, fromProvider, key);

        var keySecret = FromProvider("keySecret");
        var keySecretOrigin = OriginOf("keySecret", keySecret);
        if (keySecret is null && NonEmpty(env(ProvisioningEnvironment.KeySecret)) is { } fromEnv)
        {
            (keySecret, keySecretOrigin) = (fromEnv, $"environment variable {ProvisioningEnvironment.KeySecret}");
        }

        if (keySecret is null && await ConfigAsync("keySecret", cancellationToken).ConfigureAwait(false) is { } fromConfig)
        {
            (keySecret, keySecretOrigin) = (fromConfig, "stack config kakao:keySecret");
        }

        if (keySecret is null && await RevealedProviderSecretAsync(sender, cancellationToken).ConfigureAwait(false) is { } revealed)
        {
            (keySecret, keySecretOrigin) = (revealed, OriginOf("keySecret", revealed));
        }

        var projectId = sender.ProjectId ?? await SettingAsync("projectId").ConfigureAwait(false);
        var keyId = await SettingAsync("keyId").ConfigureAwait(false);
        var settings = new ConnectionSettings
        {
            ProjectId = projectId,
            Endpoint = await SettingAsync("endpoint").ConfigureAwait(false),
            AuthEndpoint = await SettingAsync("authEndpoint").ConfigureAwait(false),
            KeyId = keyId,
            AuthMode = await SettingAsync("authMode").ConfigureAwait(false),
            KeySecret = keySecret,
            ProjectIdOrigin = sender.ProjectId is not null ? $"the projectId of sender {sender.PlusFriendId}" : OriginOf("projectId", projectId),
            KeyIdOrigin = OriginOf("keyId", keyId),
            KeySecretOrigin = keySecretOrigin,
        };
        return settings.WithEnvironmentFallbacks(env).Build($"sender {sender.PlusFriendId} (stack {stackName ?? "<current>"})");
    }

    private async Task<string?> ConfigAsync(string key, CancellationToken cancellationToken)
    {
        if (!_config.TryGetValue(key, out var value))
        {
            var found = await workspace.GetConfigAsync(stackName, "kakao:" + key, cancellationToken).ConfigureAwait(false);
            value = NonEmpty(found?.Value);
            _config[key] = value;
        }

        return value;
    }

    private async Task<string?> RevealedProviderSecretAsync(StackSender sender, CancellationToken cancellationToken)
    {
        // Only an encrypted secret is worth a --show-secrets export; an absent key stays absent.
        if (sender.Provider?.Inputs["keySecret"] is not System.Text.Json.Nodes.JsonObject)
        {
            return null;
        }

        _revealed ??= await workspace.ExportStackAsync(stackName, showSecrets: true, cancellationToken).ConfigureAwait(false);
        var provider = _revealed.Resources.FirstOrDefault(r => r.Urn == sender.Provider!.Urn);
        return provider is null ? null : NonEmpty(PulumiSecrets.ReadString(provider.Inputs["keySecret"]).Value);
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    // The engine names the providers it creates from stack config "default" or "default_<version>".
    private static bool IsDefaultProvider(PulumiResourceState provider) =>
        provider.Name == "default" || provider.Name.StartsWith("default_", StringComparison.Ordinal);
}
