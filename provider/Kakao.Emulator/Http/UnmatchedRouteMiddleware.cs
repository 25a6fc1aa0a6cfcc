namespace Kakao.Emulator.Http;

/// <summary>
/// Gives the bodiless answers of routing a Sinch error body: unknown routes 404 <c>not_found</c>, known routes
/// with another method 405 <c>method_not_allowed</c> (routing keeps its Allow header).
/// </summary>
internal sealed class UnmatchedRouteMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        await next(context);
        var response = context.Response;
        if (response.HasStarted || response.ContentType is not null || response.ContentLength is not null)
        {
            return;
        }

        if (response.StatusCode == StatusCodes.Status404NotFound)
        {
            await ErrorWriter.WriteSinchErrorAsync(context, SinchErrors.EmulatorNotFound, context.RequestAborted);
        }
        else if (response.StatusCode == StatusCodes.Status405MethodNotAllowed)
        {
            await ErrorWriter.WriteSinchErrorAsync(context, SinchErrors.EmulatorMethodNotAllowed, context.RequestAborted);
        }
    }
}
