using System.Text.Json;
using System.Text.RegularExpressions;
using Kakao.Emulator.Http;

namespace Kakao.Emulator.Control;

/// <summary>
/// A 500 fault on a template create or update answers internal_error's template variant (the facts'): its
/// resolution speaks of a saved draft, and when the request was committed anyway (commitThenFail) the answer
/// names the template in <c>additionalInformation.templateCode</c>, so a client can adopt it.
/// </summary>
internal static partial class TemplateFaults
{
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
