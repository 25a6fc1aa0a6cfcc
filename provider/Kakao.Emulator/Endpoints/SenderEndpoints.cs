using Kakao.Emulator.Domain;
using Kakao.Emulator.Http;
using Kakao.Emulator.Json;
using Kakao.Emulator.Serialization;
using Kakao.Emulator.State;

namespace Kakao.Emulator.Endpoints;

/// <summary>The KakaoTalk sender operations under /v1/projects/{projectId}/kakaotalk/senders.</summary>
internal static class SenderEndpoints
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        var senders = routes.MapGroup("/v1/projects/{projectId}/kakaotalk/senders");

        senders.MapGet(string.Empty, async (string projectId, HttpContext context, EmulatorStore store, SenderService service) =>
        {
            var query = context.Request.Query;
            var states = QueryFilters.Parse(query, "filterStates", SenderVocabulary.States, SinchErrors.InvalidFilterStates, SinchErrors.SupportedStates);
            var statuses = QueryFilters.Parse(query, "filterStatuses", SenderVocabulary.Statuses, SinchErrors.InvalidFilterStatuses, SinchErrors.SupportedStatuses);
            int pageSize = Paging.ParsePageSize(query["pageSize"]);
            string? pageToken = query["pageToken"];
            var page = await store.ExecuteAsync(s => service.List(s, projectId, states, statuses, pageSize, pageToken));
            return Json(new SenderListDto(page.TotalSize, page.PageSize, page.Items, page.NextPageToken, page.PreviousPageToken));
        });

        senders.MapPost(string.Empty, async (string projectId, HttpContext context, EmulatorStore store, SenderService service, EmulatorOptions options) =>
        {
            RequireExistingProject(options, projectId);
            var body = await JsonBodyReader.ReadObjectAsync(context, SinchErrors.InvalidInput, context.RequestAborted);
            var input = SenderInputParser.ParseCreate(body);
            var sender = await store.ExecuteAsync(s => service.Create(s, projectId, input));
            context.Response.Headers.Location = $"/v1/projects/{Uri.EscapeDataString(projectId)}/kakaotalk/senders/{Uri.EscapeDataString(sender.PlusFriendId)}";
            return Json(sender, StatusCodes.Status201Created);
        });

        senders.MapGet("/{plusFriendId}", async (string projectId, string plusFriendId, EmulatorStore store, SenderService service) =>
            Json(await store.ExecuteAsync(s => service.Get(s, projectId, plusFriendId))));

        senders.MapPatch("/{plusFriendId}", async (string projectId, string plusFriendId, HttpContext context, EmulatorStore store, SenderService service, EmulatorOptions options) =>
        {
            RequireExistingProject(options, projectId);
            var body = await JsonBodyReader.ReadObjectAsync(context, SinchErrors.InvalidInput, context.RequestAborted);
            var input = SenderInputParser.ParseUpdate(body);
            return Json(await store.ExecuteAsync(s => service.Update(s, projectId, plusFriendId, input)));
        });

        senders.MapDelete("/{plusFriendId}", async (string projectId, string plusFriendId, EmulatorStore store, SenderService service) =>
        {
            await store.ExecuteAsync(s =>
            {
                service.Delete(s, projectId, plusFriendId);
                return true;
            });
            return Results.NoContent();
        });

        senders.MapGet("/{plusFriendId}/activities", async (string projectId, string plusFriendId, HttpContext context, EmulatorStore store, SenderService service) =>
        {
            var query = context.Request.Query;
            int pageSize = Paging.ParsePageSize(query["pageSize"]);
            string? pageToken = query["pageToken"];
            var page = await store.ExecuteAsync(s => service.Activities(s, projectId, plusFriendId, pageSize, pageToken));
            return Json(new ActivityListDto(page.TotalSize, page.PageSize, page.Items, page.NextPageToken, page.PreviousPageToken));
        });

        senders.MapDelete("/{plusFriendId}/changes", async (string projectId, string plusFriendId, EmulatorStore store, SenderService service) =>
        {
            await store.ExecuteAsync(s =>
            {
                service.DeleteChanges(s, projectId, plusFriendId);
                return true;
            });
            return Results.NoContent();
        });

        senders.MapPost("/{plusFriendId}/comments", async (string projectId, string plusFriendId, HttpContext context, EmulatorStore store, SenderService service) =>
        {
            var body = await JsonBodyReader.ReadObjectAsync(context, SinchErrors.InvalidPayload, context.RequestAborted);
            string comment = SenderInputParser.ParseComment(body);
            return Json(await store.ExecuteAsync(s => service.AddComment(s, projectId, plusFriendId, comment)), StatusCodes.Status201Created);
        });

        senders.MapPost("/{plusFriendId}/register", async (string projectId, string plusFriendId, EmulatorStore store, SenderService service) =>
            Json(await store.ExecuteAsync(s => service.Register(s, projectId, plusFriendId))));

        senders.MapPost("/{plusFriendId}/verify", async (string projectId, string plusFriendId, HttpContext context, EmulatorStore store, SenderService service) =>
        {
            var body = await JsonBodyReader.ReadObjectAsync(context, SinchErrors.InvalidInput, context.RequestAborted);
            int code = SenderInputParser.ParseVerify(body);
            return Json(await store.ExecuteAsync(s => service.Verify(s, projectId, plusFriendId, code)));
        });

        routes.MapGet("/v1/projects/{projectId}/kakaotalk/categories/senders", () => Json(SenderCategoryTree.Categories));
    }

    private static IResult Json<T>(T value, int status = StatusCodes.Status200OK) =>
        Results.Json(value, EmulatorJson.Options, statusCode: status);

    /// <summary>404 project_not_found where the definition lists it (create and update of a sender).</summary>
    private static void RequireExistingProject(EmulatorOptions options, string projectId)
    {
        if (options.ExistingProjectIds is { } existing && !existing.Contains(projectId, StringComparer.Ordinal))
        {
            throw new ApiException(SinchErrors.ProjectNotFound);
        }
    }
}
