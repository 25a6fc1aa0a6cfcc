using Kakao.Provider.Configuration;
using Kakao.Provider.Models;
using Kakao.Provider.Resources.Sender;
using Kakao.Provider.Typed;
using Kakao.Provisioning;
using Kakao.Provisioning.Models;
using ApiTrigger = Kakao.Provisioning.Models.WebhookTrigger;

namespace Kakao.Provider.Resources.Webhook;

/// <summary>
/// The lifecycle of <c>kakao:index:Webhook</c> against the Provisioning API. The id is Sinch's webhook id. Every
/// change but the project is a PATCH of the same subscription; the secret is write-only at Sinch, so state keeps
/// the declared one and Diff only compares it with a secret state knows.
/// </summary>
[Resource("kakao:index:Webhook", Description = WebhookDocs.Resource)]
internal sealed partial class WebhookResource(ConfiguredClients clients)
    : IResource<WebhookInputs, WebhookOutputs>, IInputRules, ICheck<WebhookInputs>, IDiff<WebhookInputs, WebhookOutputs>,
        IRead<WebhookInputs, WebhookOutputs>, IUpdate<WebhookInputs, WebhookOutputs>, IDelete<WebhookInputs, WebhookOutputs>
{
    /// <summary>How long the look-up after a cancelled create may take (the plugin may be shutting down).</summary>
    internal static readonly TimeSpan InterruptedCreateReadBack = TimeSpan.FromMilliseconds(250);

    private const string Target = WebhookInputs.WireNames.Target;
    private const string Secret = WebhookInputs.WireNames.Secret;
    private const string Triggers = WebhookInputs.WireNames.Triggers;
    private const string ProjectId = WebhookInputs.WireNames.ProjectId;

    public string? Normalize(string path, string value, bool secret, out string? reason)
    {
        reason = null;
        switch (path)
        {
            case Target:
                var target = value.Trim();
                if (!Uri.TryCreate(target, UriKind.Absolute, out var uri)
                    || !(uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && ProvisioningClientOptions.IsLoopbackHost(uri.Host))))
                {
                    reason = $"target must be an absolute https:// URL (http:// only for a loopback host such as 127.0.0.1, a local receiver), e.g. \"https://hooks.example.com/kakao\"; got {InputCheck.Quote(target, secret)}";
                    return null;
                }

                return target;
            case ProjectId:
                return SenderInputRules.Normalize(SenderInputs.WireNames.ProjectId, value, secret, out reason);
            default:
                return value;
        }
    }

    public IEnumerable<CheckFailure> Check(CheckRequest<WebhookInputs> request)
    {
        var repeated = (request.Inputs.Triggers ?? []).GroupBy(t => t).Where(g => g.Count() > 1).Select(g => WebhookEventWire.Format(g.Key)).ToList();
        if (repeated.Count > 0)
        {
            yield return new(Triggers, $"triggers must not repeat a trigger ({string.Join(", ", repeated)} given more than once)");
        }
    }

    public DiffResult Diff(DiffRequest<WebhookInputs, WebhookOutputs> request)
    {
        var diff = request.Default;
        // Triggers are a set: another order is no change.
        if (diff.DetailedDiff.ContainsKey(Triggers) && request.NewInputs.Triggers is { } news
            && request.OldInputs.Triggers is { } olds && news.ToHashSet().SetEquals(olds))
        {
            diff = diff.Without(Triggers);
        }

        // Sinch never returns the secret: after an import state has none, and the declared one is taken as it is.
        if (request.OldInputs.Secret is null && !request.NewFacts.Unknowns.Contains(Secret))
        {
            diff = diff.Without(Secret);
        }

        if (!request.NewFacts.Unknowns.Contains(ProjectId)
            && ProjectOverride.IsSameProject(request.OldOutputs.ProjectId, request.OldInputs.ProjectId, request.NewInputs.ProjectId, clients.Configuration?.ProjectId))
        {
            diff = diff.Without(ProjectId);
        }

        return diff;
    }

    public async Task<CreateResult<WebhookOutputs>> CreateAsync(CreateRequest<WebhookInputs> request, CancellationToken cancellationToken)
    {
        var inputs = request.Inputs;
        var client = clients.GetClient(inputs.ProjectId);
        Kakao.Provisioning.Models.Webhook created;
        try
        {
            created = await client.CreateWebhookAsync(
                new CreateWebhookRequest { Target = inputs.Target, Secret = inputs.Secret, Triggers = ToApi(inputs.Triggers) },
                cancellationToken);
        }
        catch (ProvisioningApiException ex) when (ex.ErrorCode == SinchErrorCodes.WebhookLimitReached)
        {
            throw new QuotaExceededException(
                $"Project {client.ProjectId} already has {ProvisioningClient.MaxWebhooksPerProject} webhooks, the most Sinch allows ({ex.ErrorCode}: {ex.ApiMessage}). " +
                "Delete one you no longer need, or manage an existing one instead: `pulumi import kakao:index:Webhook <name> <webhook id>`; then run `pulumi up` again.",
                ex);
        }
        catch (ProvisioningApiException ex) when (ex.ErrorCode == SinchErrorCodes.WebhookExists)
        {
            throw new ObjectAlreadyExistsException(
                $"Project {client.ProjectId} already has a webhook with target {inputs.Target} (targets are unique in a project). " +
                "To manage it, import it: `pulumi import kakao:index:Webhook <name> <webhook id>` (the ids are listed by the Provisioning API); or choose another target.",
                ex);
        }
        catch (OperationCanceledException ex)
        {
            // The POST may have reached Sinch: a webhook with this target is ours, and must not be lost from state.
            if (await FindByTargetAsync(client, inputs.Target) is { } existing)
            {
                throw new KeptResourceException(existing.Id, Outputs(existing, inputs.Secret, client.ProjectId),
                    [$"The create of the webhook for {inputs.Target} was cancelled or timed out, but Sinch had already created it ({existing.Id}); it is recorded in state."], ex);
            }

            throw;
        }

        return new(created.Id, Outputs(created, inputs.Secret, client.ProjectId));
    }

    /// <summary>Reads the webhook (refresh, import); null when it no longer exists.</summary>
    public async Task<ReadResult<WebhookInputs, WebhookOutputs>?> ReadAsync(ReadRequest<WebhookInputs, WebhookOutputs> request, CancellationToken cancellationToken)
    {
        var projectOverride = NonEmpty(request.OldInputs.ProjectId);
        var client = Client(request.Id, projectOverride ?? NonEmpty(request.OldOutputs.ProjectId));
        var webhook = await client.TryGetWebhookAsync(request.Id.Trim(), cancellationToken);
        if (webhook is null)
        {
            return null;
        }

        // Write-only at Sinch: the secret state knows (none after an import).
        var secret = request.OldInputs.Secret ?? request.OldOutputs.Secret;
        var outputs = Outputs(webhook, secret, client.ProjectId);
        return new(new WebhookInputs { Target = outputs.Target, Secret = secret!, Triggers = outputs.Triggers, ProjectId = projectOverride }, outputs);
    }

    /// <summary>PATCHes what changed (target, secret, triggers): the subscription stays, with its id.</summary>
    public async Task<WebhookOutputs> UpdateAsync(UpdateRequest<WebhookInputs, WebhookOutputs> request, CancellationToken cancellationToken)
    {
        var (olds, news) = (request.OldOutputs, request.NewInputs);
        var client = Client(request.Id, news.ProjectId);
        var patch = new UpdateWebhookRequest
        {
            Target = news.Target != olds.Target ? news.Target : null,
            Secret = news.Secret != olds.Secret ? news.Secret : null,
            Triggers = olds.Triggers is { } oldTriggers && news.Triggers.ToHashSet().SetEquals(oldTriggers) ? null : ToApi(news.Triggers),
        };
        if (patch.Target is null && patch.Secret is null && patch.Triggers is null)
        {
            var unchanged = await client.TryGetWebhookAsync(request.Id, cancellationToken) ?? throw Gone(request.Id);
            return Outputs(unchanged, news.Secret, client.ProjectId);
        }

        try
        {
            var updated = await client.UpdateWebhookAsync(request.Id, patch, cancellationToken);
            return Outputs(updated, news.Secret, client.ProjectId);
        }
        catch (ProvisioningApiException ex) when (ex.ErrorCode == SinchErrorCodes.WebhookNotFound)
        {
            throw Gone(request.Id, ex);
        }
        catch (ProvisioningApiException ex) when (ex.ErrorCode == SinchErrorCodes.WebhookExists)
        {
            throw new ObjectNotUpdatableException($"Another webhook of project {client.ProjectId} already has the target {news.Target} (targets are unique in a project); nothing was changed.", ex);
        }
    }

    /// <summary>Deletes the webhook; one that is gone already counts as deleted.</summary>
    public async Task DeleteAsync(DeleteRequest<WebhookInputs, WebhookOutputs> request, CancellationToken cancellationToken)
    {
        var client = Client(request.Id, NonEmpty(request.OldInputs.ProjectId) ?? NonEmpty(request.OldOutputs.ProjectId));
        try
        {
            await client.DeleteWebhookAsync(request.Id, cancellationToken);
        }
        catch (ProvisioningApiException ex) when (ex.ErrorCode == SinchErrorCodes.WebhookNotFound)
        {
            // Already gone: the desired outcome (only Sinch's own code says so, not any 404).
        }
    }

    private ProvisioningClient Client(string id, string? projectId)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(id) || PathSegment.Problem(id.Trim()) is not null)
        {
            problems.Add($"A webhook's id is Sinch's webhook id (32 lower-case hex digits, e.g. \"7c60ce550f1d40198d5ffb113d58591b\"); got {InputCheck.Quote(id, secret: false)}");
        }

        if (projectId is not null && SenderInputRules.Normalize(SenderInputs.WireNames.ProjectId, projectId, out var reason) is null)
        {
            problems.Add(reason!);
        }

        return problems.Count > 0 ? throw new InvalidInputException(string.Join("; ", problems)) : clients.GetClient(projectId);
    }

    private static async Task<Kakao.Provisioning.Models.Webhook?> FindByTargetAsync(ProvisioningClient client, string target)
    {
        using var readBack = new CancellationTokenSource(InterruptedCreateReadBack);
        try
        {
            await foreach (var webhook in client.ListWebhooksAsync(readBack.Token))
            {
                if (string.Equals(webhook.Target, target, StringComparison.Ordinal))
                {
                    return webhook;
                }
            }
        }
        catch (Exception ex) when (ex is ProvisioningApiException or OperationCanceledException)
        {
            // Cannot tell: the cancellation is reported as it is.
        }

        return null;
    }

    private static WebhookOutputs Outputs(Kakao.Provisioning.Models.Webhook webhook, string? secret, string projectId) => new()
    {
        WebhookId = webhook.Id,
        Target = webhook.Target,
        // Absent after an import: the codec leaves it out of state until a declaration gives it.
        Secret = secret!,
        Triggers = [.. webhook.Triggers.Select(t => WebhookEventWire.TryParse(t.ToString(), out var known) ? known : (WebhookEvent?)null).OfType<WebhookEvent>()],
        ProjectId = webhook.ProjectId ?? projectId,
    };

    private static IReadOnlyList<ApiTrigger> ToApi(IReadOnlyList<WebhookEvent> triggers) =>
        [.. triggers.Select(t => new ApiTrigger(WebhookEventWire.Format(t)))];

    private static ObjectNotFoundException Gone(string id, Exception? inner = null) =>
        new($"The webhook {id} no longer exists at Sinch (deleted outside Pulumi); run `pulumi refresh` to drop it from state, then `pulumi up` to create it again.", inner);

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
