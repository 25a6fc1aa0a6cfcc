using System.Text.Json.Nodes;

namespace Kakao.Cli.Webhooks;

/// <summary>
/// A <c>kakao:index:Webhook</c> of the stack whose subscription the driver's webhook mode uses instead of
/// registering its own: callbacks are checked with its secret, and it is neither created nor deleted by the run
/// (the stack owns it). Never prints the secret.
/// </summary>
internal sealed record StackWebhook(string Name, string? WebhookId, string? ProjectId, string? Target, IReadOnlyList<string> Triggers, string Secret)
{
    /// <summary>Whether callbacks for senders of <paramref name="projectId"/> come through this subscription.</summary>
    public bool Covers(string projectId) => ProjectId is null || string.Equals(ProjectId, projectId, StringComparison.Ordinal);

    /// <summary>Names the resource, never the secret.</summary>
    public override string ToString() => $"webhook '{Name}' ({WebhookId ?? "no id"}, project {ProjectId ?? "of the provider"}, target {Target ?? "unknown"})";
}

/// <summary>
/// Finds the stack's Webhook resource for <c>kakao verify --webhook-resource</c>: reads the checkpoint with
/// <c>pulumi stack export --show-secrets</c> (captured, never streamed: secrets come back as
/// <c>{sig, plaintext: JSON text}</c>) and picks the resource by name, or, without one, the only Webhook whose
/// target is the URL Sinch calls (<c>--webhook-target</c>, else the listen URL).
/// </summary>
internal static class StackWebhooks
{
    public const string WebhookType = "kakao:index:Webhook";

    /// <summary>The triggers that deliver a sender's activation; one of them must be subscribed.</summary>
    public static readonly IReadOnlyList<string> ActivationTriggers = ["KAKAOTALK_SENDER_ACTIVE", "ALL"];

    public static async Task<StackWebhook> ResolveAsync(IPulumiWorkspace workspace, string? stack, string? name, Uri? target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        var deployment = await workspace.ExportStackAsync(stack, showSecrets: true, cancellationToken).ConfigureAwait(false);
        var hooks = deployment.Resources.Where(r => r.Type == WebhookType).Select(Read).ToList();
        if (hooks.Count == 0)
        {
            throw new ConfigurationException($"--webhook-resource: the stack has no {WebhookType} resource. Declare one (target = the public URL that forwards to --webhook-listen, triggers incl. KAKAOTALK_SENDER_ACTIVE) and run pulumi up, or drop --webhook-resource and kakao registers a webhook of its own for the run.");
        }

        var candidates = name is not null
            ? hooks.Where(h => h.Name == name).ToList()
            : hooks.Where(h => target is not null && SameUrl(h.Target, target)).ToList();
        var known = string.Join("; ", hooks.Select(h => h.Hook.ToString()));
        var chosen = candidates.Count switch
        {
            1 => candidates[0],
            0 when name is not null => throw new ConfigurationException($"--webhook-resource {name}: the stack has no {WebhookType} of that name (it has: {known})."),
            0 when hooks.Count == 1 && target is null => hooks[0],
            0 => throw new ConfigurationException($"--webhook-resource: no {WebhookType} of the stack has the target {target} that Sinch is to call (the stack has: {known}). Name one with --webhook-resource NAME, or pass its target as --webhook-target."),
            _ => throw new ConfigurationException($"--webhook-resource: several {WebhookType} resources match ({string.Join(", ", candidates.Select(c => c.Name))}); name one with --webhook-resource NAME."),
        };

        if (chosen.Problem is { } problem)
        {
            throw new ConfigurationException($"--webhook-resource: {chosen.Hook} {problem}");
        }

        if (!chosen.Hook.Triggers.Any(t => ActivationTriggers.Contains(t, StringComparer.Ordinal)))
        {
            throw new ConfigurationException($"--webhook-resource: {chosen.Hook} does not subscribe KAKAOTALK_SENDER_ACTIVE (triggers: {string.Join(", ", chosen.Hook.Triggers)}); add it (or ALL) to its triggers and run pulumi up.");
        }

        return chosen.Hook;
    }

    private static (string Name, string? Target, StackWebhook Hook, string? Problem) Read(PulumiResourceState resource)
    {
        // Outputs are what the provider last recorded; inputs are the fallback for a resource not yet refreshed.
        JsonNode? Property(string key) => resource.Outputs[key] ?? resource.Inputs[key];
        string? Text(string key) => PulumiSecrets.ReadString(Property(key)).Value;

        var (secret, _, encrypted) = PulumiSecrets.ReadString(Property("secret"));
        var triggers = Triggers(Property("triggers"));
        var hook = new StackWebhook(resource.Name, Text("webhookId") ?? resource.Id, Text("projectId"), Text("target"), triggers, secret ?? "");
        var problem = encrypted ? "has an encrypted secret in the export (pulumi stack export --show-secrets could not decrypt it: set PULUMI_CONFIG_PASSPHRASE or log in to the stack's secrets provider)."
            : string.IsNullOrEmpty(secret) ? "has no secret in the stack's state."
            : null;
        return (resource.Name, hook.Target, hook, problem);
    }

    private static List<string> Triggers(JsonNode? node)
    {
        // A secret-wrapped list arrives as JSON text.
        if (node is JsonObject && PulumiSecrets.ReadString(node).Value is { } text)
        {
            try
            {
                node = JsonNode.Parse(text);
            }
            catch (System.Text.Json.JsonException)
            {
                return [];
            }
        }

        return node is JsonArray array ? array.Select(t => t is JsonValue v && v.TryGetValue<string>(out var s) ? s : null).OfType<string>().ToList() : [];
    }

    // Scheme and host compare case-insensitively (Uri lower-cases them); a trailing slash does not count.
    private static bool SameUrl(string? recorded, Uri target) =>
        recorded is not null && Uri.TryCreate(recorded, UriKind.Absolute, out var uri) && Key(uri) == Key(target);

    private static string Key(Uri uri) => uri.GetLeftPart(UriPartial.Path).TrimEnd('/') + uri.Query;
}
