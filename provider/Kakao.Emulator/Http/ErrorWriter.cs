using System.Text.Json;
using Kakao.Emulator.Json;
using Kakao.Emulator.Serialization;

namespace Kakao.Emulator.Http;

/// <summary>Writes the two error shapes the API uses: Sinch service errors and gateway problem details.</summary>
internal static class ErrorWriter
{
    public static Task WriteSinchErrorAsync(HttpContext context, ApiException error, CancellationToken cancellationToken)
    {
        var definition = SinchErrors.Get(error.ErrorCode);
        var body = new ErrorDto(
            SinchErrors.IsKnown(error.ErrorCode) ? error.ErrorCode : SinchErrors.InternalError,
            error.MessageOverride ?? definition.Message,
            error.ResolutionOverride ?? definition.Resolution,
            error.AdditionalInformation);
        return WriteAsync(context, definition.Status, body, "application/json", cancellationToken);
    }

    public static Task WriteSinchErrorAsync(HttpContext context, string errorCode, CancellationToken cancellationToken) =>
        WriteSinchErrorAsync(context, new ApiException(errorCode), cancellationToken);

    /// <summary>An RFC 7807 body as an API gateway answers (429, 502, 503, 504, expired tokens).</summary>
    public static Task WriteProblemAsync(HttpContext context, int status, string title, string detail, CancellationToken cancellationToken)
    {
        var body = new ProblemDto($"https://httpstatuses.io/{status}", title, status, detail);
        return WriteAsync(context, status, body, "application/problem+json", cancellationToken);
    }

    private static async Task WriteAsync<T>(HttpContext context, int status, T body, string contentType, CancellationToken cancellationToken)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        await JsonSerializer.SerializeAsync(context.Response.Body, body, EmulatorJson.Options, cancellationToken);
    }
}
