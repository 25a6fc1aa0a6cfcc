namespace Kakao.Emulator.Http;

/// <summary>
/// The one place that turns failures into answers: documented errors become Sinch error bodies, unreadable
/// requests a 400, anything unexpected a logged 500 internal_error (a bug, never a crash).
/// </summary>
internal sealed class ErrorMiddleware(RequestDelegate next, ILogger<ErrorMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (ApiException ex) when (!context.Response.HasStarted)
        {
            context.Response.Clear();
            await ErrorWriter.WriteSinchErrorAsync(context, ex, context.RequestAborted);
        }
        catch (BadHttpRequestException ex) when (!context.Response.HasStarted)
        {
            logger.LogDebug("Unreadable request: {Reason}", ex.Message);
            context.Response.Clear();
            await ErrorWriter.WriteSinchErrorAsync(context, SinchErrors.InvalidPayload, context.RequestAborted);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; nothing to answer.
        }
#pragma warning disable CA1031 // the emulator answers 500 for its own bugs instead of dropping the connection.
        catch (Exception ex) when (!context.Response.HasStarted)
#pragma warning restore CA1031
        {
            logger.LogError(ex, "Unhandled error on {Method} {Path}", context.Request.Method, context.Request.Path);
            context.Response.Clear();
            await ErrorWriter.WriteSinchErrorAsync(context, SinchErrors.InternalError, context.RequestAborted);
        }
    }
}
