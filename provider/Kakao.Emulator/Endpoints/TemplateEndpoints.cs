using Kakao.Emulator.Control;
using Kakao.Emulator.Domain;
using Kakao.Emulator.Domain.Templates;
using Kakao.Emulator.Http;
using Kakao.Emulator.Json;
using Kakao.Emulator.Serialization;
using Kakao.Emulator.State;

namespace Kakao.Emulator.Endpoints;

/// <summary>
/// The nine KakaoTalk template operations of the definition (kakaotalk-templates.md §1, T1–T9) under
/// /v1/projects/{projectId}/kakaotalk/senders/{plusFriendId}/templates, and the template categories.
/// </summary>
internal static class TemplateEndpoints
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        var templates = routes.MapGroup("/v1/projects/{projectId}/kakaotalk/senders/{plusFriendId}/templates");

        templates.MapGet(string.Empty, async (string projectId, string plusFriendId, HttpContext context, EmulatorStore store, TemplateService service) =>
        {
            var q = context.Request.Query;
            var query = new TemplateListQuery(
                QueryFilters.Parse(q, "filterStates", TemplateVocabulary.States, SinchErrors.InvalidFilterStates, TemplateVocabulary.SupportedStates),
                QueryFilters.Parse(q, "filterStatuses", TemplateVocabulary.Statuses, SinchErrors.InvalidFilterStatuses, SinchErrors.SupportedStatuses),
                string.IsNullOrEmpty(q["templateName"]) ? null : q["templateName"].ToString(),
                Paging.ParsePageSize(q["pageSize"], Paging.DefaultPageSize, TemplateService.MaxListPageSize),
                q["pageToken"]);
            var page = await store.ExecuteAsync(s => service.List(s, projectId, plusFriendId, query));
            return Json(new TemplateListDto(page.TotalSize, page.PageSize, page.Items, page.NextPageToken, page.PreviousPageToken));
        });

        templates.MapPost(string.Empty, async (string projectId, string plusFriendId, HttpContext context, EmulatorStore store, TemplateService service) =>
        {
            var body = await JsonBodyReader.ReadObjectAsync(context, SinchErrors.InvalidPayload, context.RequestAborted);
            var input = TemplateInputParser.ParseCreate(body) with { RefusedByFault = context.Items.ContainsKey(FaultItems.KakaoRefuses) };
            var template = await store.ExecuteAsync(s => service.Create(s, projectId, plusFriendId, input));
            context.Response.Headers.Location = $"/v1/projects/{Uri.EscapeDataString(projectId)}/kakaotalk/senders/{Uri.EscapeDataString(plusFriendId)}/templates/{template.Code}";
            return Json(template, StatusCodes.Status201Created);
        });

        templates.MapGet("/{templateCode}", async (string projectId, string plusFriendId, string templateCode, EmulatorStore store, TemplateService service) =>
            Json(await store.ExecuteAsync(s => service.Get(s, projectId, plusFriendId, templateCode))));

        templates.MapPatch("/{templateCode}", async (string projectId, string plusFriendId, string templateCode, HttpContext context, EmulatorStore store, TemplateService service) =>
        {
            var body = await JsonBodyReader.ReadObjectAsync(context, SinchErrors.InvalidPayload, context.RequestAborted);
            var input = TemplateInputParser.ParseUpdate(body) with { RefusedByFault = context.Items.ContainsKey(FaultItems.KakaoRefuses) };
            return Json(await store.ExecuteAsync(s => service.Update(s, projectId, plusFriendId, templateCode, input)));
        });

        templates.MapDelete("/{templateCode}", async (string projectId, string plusFriendId, string templateCode, EmulatorStore store, TemplateService service) =>
        {
            await store.ExecuteAsync(s =>
            {
                service.Delete(s, projectId, plusFriendId, templateCode);
                return true;
            });
            return Results.NoContent();
        });

        templates.MapGet("/{templateCode}/activities", async (string projectId, string plusFriendId, string templateCode, HttpContext context, EmulatorStore store, TemplateService service) =>
        {
            var q = context.Request.Query;
            int pageSize = Paging.ParsePageSize(q["pageSize"]);
            string? pageToken = q["pageToken"];
            var page = await store.ExecuteAsync(s => service.Activities(s, projectId, plusFriendId, templateCode, pageSize, pageToken));
            return Json(new ActivityListDto(page.TotalSize, page.PageSize, page.Items, page.NextPageToken, page.PreviousPageToken));
        });

        templates.MapDelete("/{templateCode}/changes", async (string projectId, string plusFriendId, string templateCode, EmulatorStore store, TemplateService service) =>
        {
            await store.ExecuteAsync(s =>
            {
                service.DeleteChanges(s, projectId, plusFriendId, templateCode);
                return true;
            });
            return Results.NoContent();
        });

        templates.MapPost("/{templateCode}/comments", async (string projectId, string plusFriendId, string templateCode, HttpContext context, EmulatorStore store, TemplateService service) =>
        {
            var body = await JsonBodyReader.ReadObjectAsync(context, SinchErrors.InvalidPayload, context.RequestAborted);
            string comment = SenderInputParser.ParseComment(body);
            return Json(await store.ExecuteAsync(s => service.AddComment(s, projectId, plusFriendId, templateCode, comment)), StatusCodes.Status201Created);
        });

        routes.MapGet("/v1/projects/{projectId}/kakaotalk/categories/senders/{plusFriendId}/templates", async (string projectId, string plusFriendId, HttpContext context, EmulatorStore store, TemplateService service) =>
        {
            var q = context.Request.Query;
            int pageSize = Paging.ParsePageSize(q["pageSize"]);
            string? pageToken = q["pageToken"];
            var page = await store.ExecuteAsync(s => service.Categories(s, projectId, plusFriendId, pageSize, pageToken));
            return Json(new TemplateCategoryListDto(page.TotalSize, page.PageSize, page.Items, page.NextPageToken, page.PreviousPageToken));
        });
    }

    private static IResult Json<T>(T value, int status = StatusCodes.Status200OK) =>
        Results.Json(value, EmulatorJson.Options, statusCode: status);
}
