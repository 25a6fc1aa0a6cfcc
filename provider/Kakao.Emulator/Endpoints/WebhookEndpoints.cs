using System.Text.Json;
using Kakao.Emulator.Domain;
using Kakao.Emulator.Http;
using Kakao.Emulator.Json;
using Kakao.Emulator.State;

namespace Kakao.Emulator.Endpoints;

/// <summary>
/// The webhooks API ([emulator choice] shapes): POST {target, secret, triggers[]} → 201 {id, target, triggers,
/// created} (the secret is never returned); GET → {webhooks}; GET/DELETE /{id}. At most 15 per project,
/// target unique per project.
/// </summary>
internal static class WebhookEndpoints
{
    public const int MaxWebhooksPerProject = 15;
    public const int MaxSecretLength = 256;

    public static void Map(IEndpointRouteBuilder routes, TimeProvider time)
    {
        var webhooks = routes.MapGroup("/v1/projects/{projectId}/webhooks");

        webhooks.MapPost(string.Empty, async (string projectId, HttpContext context, EmulatorStore store) =>
        {
            var body = await JsonBodyReader.ReadObjectAsync(context, SinchErrors.InvalidInput, context.RequestAborted);
            var (target, secret, triggers) = Parse(body);
            var created = await store.ExecuteAsync(state =>
            {
                var project = state.GetOrAddProject(projectId);
                if (project.Webhooks.Any(w => string.Equals(w.Target, target, StringComparison.Ordinal)))
                {
                    throw new ApiException(SinchErrors.WebhookExists);
                }

                if (project.Webhooks.Count >= MaxWebhooksPerProject)
                {
                    throw ApiException.InvalidInput($"a project can have at most {MaxWebhooksPerProject} webhooks");
                }

                var webhook = new WebhookRecord
                {
                    Id = Guid.NewGuid().ToString("N")[..26].ToUpperInvariant(),
                    Target = target,
                    Secret = secret,
                    Triggers = triggers,
                    Created = time.GetUtcNow(),
                };
                project.Webhooks.Add(webhook);
                state.Revision++;
                return WebhookDto.From(webhook);
            });
            return Results.Json(created, EmulatorJson.Options, statusCode: StatusCodes.Status201Created);
        });

        webhooks.MapGet(string.Empty, async (string projectId, EmulatorStore store) =>
            Results.Json(
                await store.ExecuteAsync(state => new WebhookListDto(state.GetOrAddProject(projectId).Webhooks.Select(WebhookDto.From).ToArray())),
                EmulatorJson.Options));

        webhooks.MapGet("/{webhookId}", async (string projectId, string webhookId, EmulatorStore store) =>
            Results.Json(
                await store.ExecuteAsync(state => WebhookDto.From(Find(state, projectId, webhookId))),
                EmulatorJson.Options));

        webhooks.MapDelete("/{webhookId}", async (string projectId, string webhookId, EmulatorStore store) =>
        {
            await store.ExecuteAsync(state =>
            {
                state.GetOrAddProject(projectId).Webhooks.Remove(Find(state, projectId, webhookId));
                state.Revision++;
                return true;
            });
            return Results.NoContent();
        });
    }

    private static WebhookRecord Find(EmulatorState state, string projectId, string webhookId) =>
        state.GetOrAddProject(projectId).Webhooks.Find(w => w.Id == webhookId) ?? throw new ApiException(SinchErrors.WebhookNotFound);

    private static (string Target, string? Secret, List<string> Triggers) Parse(JsonElement body)
    {
        var errors = new List<string>();
        foreach (var property in body.EnumerateObject())
        {
            if (property.Name is not ("target" or "secret" or "triggers"))
            {
                errors.Add($"property {property.Name} should not exist");
            }
        }

        string? target = body.TryGetProperty("target", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        if (target is null
            || target.Length > 2048
            || !Uri.TryCreate(target, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            errors.Add("target must be a URL address");
        }

        string? secret = null;
        if (body.TryGetProperty("secret", out var s) && s.ValueKind != JsonValueKind.Null)
        {
            if (s.ValueKind != JsonValueKind.String || s.GetString()!.Length is 0 or > MaxSecretLength)
            {
                errors.Add($"secret must be a string of 1 to {MaxSecretLength} characters");
            }
            else
            {
                secret = s.GetString();
            }
        }

        var triggers = new List<string>();
        if (!body.TryGetProperty("triggers", out var tr) || tr.ValueKind != JsonValueKind.Array || tr.GetArrayLength() == 0)
        {
            errors.Add("triggers must contain at least 1 elements");
        }
        else
        {
            foreach (var item in tr.EnumerateArray())
            {
                string? trigger = item.ValueKind == JsonValueKind.String ? item.GetString() : null;
                if (trigger is null || !SenderVocabulary.WebhookTriggers.Contains(trigger))
                {
                    errors.Add($"each value in triggers must be one of the following values: {string.Join(", ", SenderVocabulary.WebhookTriggers)}");
                    break;
                }

                if (!triggers.Contains(trigger))
                {
                    triggers.Add(trigger);
                }
            }
        }

        if (errors.Count > 0)
        {
            throw ApiException.InvalidInput(errors);
        }

        return (target!, secret, triggers);
    }
}
