using System.Text.RegularExpressions;
using Kakao.Emulator.Domain;
using Kakao.Emulator.Http;
using Kakao.Emulator.Json;
using Kakao.Emulator.Serialization;
using Kakao.Emulator.State;

namespace Kakao.Emulator.Endpoints;

/// <summary>
/// The webhooks API of the definition (kakaotalk-templates.md §8): list (paged, 1..15, alphabetical), create,
/// get, replace (PUT), update (PATCH), delete. The DTO is <c>{id, target, projectId, triggers}</c>; the secret
/// is never returned. At most 15 per project (424 webhook_limit_reached); target unique per project.
/// </summary>
internal static partial class WebhookEndpoints
{
    public const int MaxWebhooksPerProject = 15;

    public static void Map(IEndpointRouteBuilder routes)
    {
        var webhooks = routes.MapGroup("/v1/projects/{projectId}/webhooks");

        webhooks.MapGet(string.Empty, async (string projectId, HttpContext context, EmulatorStore store) =>
        {
            int pageSize = Paging.ParsePageSize(context.Request.Query["pageSize"], MaxWebhooksPerProject, MaxWebhooksPerProject);
            string? pageToken = context.Request.Query["pageToken"];
            var list = await store.ExecuteAsync(state =>
            {
                // [emulator choice] "alphabetical" is read as: by target, ordinal.
                var all = state.GetOrAddProject(projectId).Webhooks
                    .OrderBy(w => w.Target, StringComparer.Ordinal)
                    .Select(w => WebhookDto.From(projectId, w))
                    .ToArray();
                var page = Paging.Take(all, pageSize, pageToken, "webhooks|" + projectId);
                return new WebhookListDto(page.PreviousPageToken, page.NextPageToken, page.PageSize, page.TotalSize, page.Items);
            });
            return Results.Json(list, EmulatorJson.Options);
        });

        webhooks.MapPost(string.Empty, async (string projectId, HttpContext context, EmulatorStore store) =>
        {
            var input = await ReadAsync(context, partial: false);
            var created = await store.ExecuteAsync(state =>
            {
                var project = state.GetOrAddProject(projectId);
                EnsureTargetFree(project, input.Target!, except: null);
                if (project.Webhooks.Count >= MaxWebhooksPerProject)
                {
                    throw new ApiException(SinchErrors.WebhookLimitReached);
                }

                var webhook = new WebhookRecord
                {
                    Id = Guid.NewGuid().ToString("N"),
                    Target = input.Target!,
                    Secret = input.Secret,
                    Triggers = [.. input.Triggers!],
                };
                project.Webhooks.Add(webhook);
                state.Revision++;
                return WebhookDto.From(projectId, webhook);
            });
            return Results.Json(created, EmulatorJson.Options, statusCode: StatusCodes.Status201Created);
        });

        webhooks.MapGet("/{webhookId}", async (string projectId, string webhookId, EmulatorStore store) =>
        {
            CheckId(webhookId);
            return Results.Json(await store.ExecuteAsync(state => WebhookDto.From(projectId, Find(state, projectId, webhookId))), EmulatorJson.Options);
        });

        webhooks.MapPut("/{webhookId}", (string projectId, string webhookId, HttpContext context, EmulatorStore store) =>
            ChangeAsync(projectId, webhookId, context, store, partial: false));

        webhooks.MapPatch("/{webhookId}", (string projectId, string webhookId, HttpContext context, EmulatorStore store) =>
            ChangeAsync(projectId, webhookId, context, store, partial: true));

        webhooks.MapDelete("/{webhookId}", async (string projectId, string webhookId, EmulatorStore store) =>
        {
            CheckId(webhookId);
            await store.ExecuteAsync(state =>
            {
                state.GetOrAddProject(projectId).Webhooks.Remove(Find(state, projectId, webhookId));
                state.Revision++;
                return true;
            });
            return Results.NoContent();
        });
    }

    /// <summary>PUT replaces target, secret and triggers; PATCH changes the fields it names.</summary>
    private static async Task<IResult> ChangeAsync(string projectId, string webhookId, HttpContext context, EmulatorStore store, bool partial)
    {
        CheckId(webhookId);
        var input = await ReadAsync(context, partial);
        var changed = await store.ExecuteAsync(state =>
        {
            var project = state.GetOrAddProject(projectId);
            var webhook = Find(state, projectId, webhookId);
            if (input.Target is { } target)
            {
                EnsureTargetFree(project, target, except: webhook);
                webhook.Target = target;
            }

            if (input.Secret is { } secret)
            {
                webhook.Secret = secret;
            }

            if (input.Triggers is { } triggers)
            {
                webhook.Triggers = [.. triggers];
            }

            state.Revision++;
            return WebhookDto.From(projectId, webhook);
        });
        return Results.Json(changed, EmulatorJson.Options);
    }

    private static async Task<WebhookInput> ReadAsync(HttpContext context, bool partial)
    {
        var body = await JsonBodyReader.ReadObjectAsync(context, SinchErrors.InvalidInput, context.RequestAborted);
        return WebhookInputParser.Parse(body, partial);
    }

    private static void EnsureTargetFree(ProjectState project, string target, WebhookRecord? except)
    {
        if (project.Webhooks.Any(w => !ReferenceEquals(w, except) && string.Equals(w.Target, target, StringComparison.Ordinal)))
        {
            throw new ApiException(SinchErrors.WebhookExists);
        }
    }

    /// <summary>Ids are 32 lower-case hex digits, as in the definition's examples; anything else is 400 invalid_id_format.</summary>
    private static void CheckId(string webhookId)
    {
        if (!IdPattern().IsMatch(webhookId))
        {
            throw new ApiException(SinchErrors.InvalidIdFormat);
        }
    }

    private static WebhookRecord Find(EmulatorState state, string projectId, string webhookId) =>
        state.GetOrAddProject(projectId).Webhooks.Find(w => w.Id == webhookId) ?? throw new ApiException(SinchErrors.WebhookNotFound);

    [GeneratedRegex("^[0-9a-f]{32}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
