using Kakao.Cli.Pulumi;

namespace Kakao.Cli.Stack;

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

        var settings = new ConnectionSettings
        {
            ProjectId = sender.ProjectId ?? await SettingAsync("projectId").ConfigureAwait(false),
            Endpoint = await SettingAsync("endpoint").ConfigureAwait(false),
            AuthEndpoint = await SettingAsync("authEndpoint").ConfigureAwait(false),
            KeyId = await SettingAsync("keyId").ConfigureAwait(false),
            AuthMode = await SettingAsync("authMode").ConfigureAwait(false),
            KeySecret = FromProvider("keySecret") ?? NonEmpty(env("SINCH_KEY_SECRET"))
                ?? await ConfigAsync("keySecret", cancellationToken).ConfigureAwait(false)
                ?? await RevealedProviderSecretAsync(sender, cancellationToken).ConfigureAwait(false),
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
}
