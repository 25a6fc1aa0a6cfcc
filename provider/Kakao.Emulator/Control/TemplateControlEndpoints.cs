using Kakao.Emulator.Domain.Templates;
using Kakao.Emulator.Http;
using Kakao.Emulator.Json;
using Kakao.Emulator.Serialization;
using Kakao.Emulator.State;

namespace Kakao.Emulator.Control;

/// <summary>
/// The control routes of Kakao's template inspection (fixed: tools depend on them, see docs/emulator.md):
/// approve, reject with <c>{"comment"}</c>, and the template review policy.
/// </summary>
internal static class TemplateControlEndpoints
{
    public static void Map(RouteGroupBuilder control)
    {
        var template = control.MapGroup("/projects/{projectId}/kakaotalk/senders/{plusFriendId}/templates/{templateCode}");

        template.MapPost("/approve", async (string projectId, string plusFriendId, string templateCode, EmulatorStore store, TemplateService service) =>
            Json(await store.ExecuteAsync(s => service.Approve(s, projectId, plusFriendId, templateCode))));

        template.MapPost("/reject", async (string projectId, string plusFriendId, string templateCode, HttpContext context, EmulatorStore store, TemplateService service) =>
        {
            string? comment = null;
            if (context.Request.ContentLength is null or > 0)
            {
                var bytes = await JsonBodyReader.ReadBoundedAsync(context, SinchErrors.InvalidInput, context.RequestAborted);
                if (bytes.Length > 0)
                {
                    comment = ControlEndpoints.OptionalString(ControlEndpoints.ParseObject(bytes), "comment");
                }
            }

            return Json(await store.ExecuteAsync(s => service.Reject(s, projectId, plusFriendId, templateCode, comment)));
        });

        control.MapGet("/template-review-policy", (TemplateReviewPolicyHolder policy) => Json(ControlEndpoints.Describe(policy.Current)));

        control.MapPost("/template-review-policy", async (HttpContext context, TemplateReviewPolicyHolder policy) =>
        {
            var body = await JsonBodyReader.ReadObjectAsync(context, SinchErrors.InvalidInput, context.RequestAborted);
            policy.Current = ControlEndpoints.ParsePolicy(body, policy.Current);
            return Json(ControlEndpoints.Describe(policy.Current));
        });
    }

    private static IResult Json<T>(T value) => Results.Json(value, EmulatorJson.Options);
}
