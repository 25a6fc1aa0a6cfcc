using System.Text.Json;
using System.Text.RegularExpressions;
using Kakao.Emulator.Domain.Templates;
using Kakao.Emulator.Http;

namespace Kakao.Emulator.Control;

/// <summary>
/// Faults on a template create or update answer in the template operations' own shapes. A 500 answers
/// internal_error's template variant (the facts'): its resolution speaks of a saved draft, and when the request
/// was committed anyway (commitThenFail) the answer names the template in <c>additionalInformation.templateCode</c>,
/// so a client can adopt it. A 424 is Kakao refusing the submission for a reason no client can check offline:
/// <c>template_kakaotalk_validation_error</c>; with commitThenFail on a create, the template is kept as a DRAFT
/// (and named) when the request asked for <c>saveDraftOnFailure</c>, else removed — exactly what a refused
/// submission leaves (the write runs with <see cref="FaultItems.KakaoRefuses"/> set).
/// </summary>
internal static partial class TemplateFaults
{
    public static ApiException KakaoRefusal(string? templateCode) => new(
        SinchErrors.TemplateKakaoTalkValidationError,
        templateCode is null ? null : new Dictionary<string, object> { ["templateCode"] = templateCode },
        "Template kakaoTalk validation error: " + KakaoTemplateRules.InjectedRefusal);

    public static bool IsTemplateWrite(HttpRequest request) =>
        (HttpMethods.IsPost(request.Method) && CreatePath().IsMatch(request.Path.Value ?? string.Empty))
        || (HttpMethods.IsPatch(request.Method) && UpdatePath().IsMatch(request.Path.Value ?? string.Empty));

    public static ApiException InternalError(string? templateCode) => new(
        SinchErrors.InternalError,
        templateCode is null ? null : new Dictionary<string, object> { ["templateCode"] = templateCode },
        resolutionOverride: SinchErrors.InternalErrorTemplateResolution);

    /// <summary>The code of the template a committed template write answered with, if any.</summary>
    public static string? CodeOf(HttpContext context, byte[] answer)
    {
        if (!IsTemplateWrite(context.Request) || context.Response.StatusCode >= 300 || answer.Length == 0)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(answer);
            return document.RootElement.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String ? code.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [GeneratedRegex("^/v1/projects/[^/]+/kakaotalk/senders/[^/]+/templates/?$", RegexOptions.CultureInvariant)]
    private static partial Regex CreatePath();

    [GeneratedRegex("^/v1/projects/[^/]+/kakaotalk/senders/[^/]+/templates/[^/]+/?$", RegexOptions.CultureInvariant)]
    private static partial Regex UpdatePath();
}
