using Kakao.Emulator.Json;
using Kakao.Emulator.Serialization;

namespace Kakao.Emulator.Control;

/// <summary>Records every request (except reads of the log itself) with its final status.</summary>
internal sealed class RequestLogMiddleware(RequestDelegate next, RequestLog log, EmulatorClock clock, ILogger<RequestLogMiddleware> logger)
{
    private const int MaxLoggedBody = 8 * 1024;

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.Path.StartsWithSegments("/_emulator/requests", StringComparison.OrdinalIgnoreCase))
        {
            await next(context);
            return;
        }

        long sequence = log.NextSequence();
        var received = clock.Time.GetUtcNow();
        string? body = await PeekBodyAsync(request, context.RequestAborted);
        int recorded = 0;
        void Record()
        {
            if (Interlocked.Exchange(ref recorded, 1) == 1)
            {
                return;
            }

            bool aborted = context.Items.ContainsKey(FaultItems.Aborted) || context.RequestAborted.IsCancellationRequested;
            string? authorization = request.Headers.Authorization;
            string? scheme = string.IsNullOrWhiteSpace(authorization) ? null : authorization.Trim().Split(' ', 2)[0];
            logger.LogInformation("{Method} {Path} -> {Status}", request.Method, request.Path, context.Response.StatusCode);
            log.Add(new RequestLogEntry(
                sequence,
                EmulatorJson.FormatTime(received),
                request.Method,
                request.Path.Value ?? "/",
                request.QueryString.HasValue ? request.QueryString.Value : null,
                aborted ? 0 : context.Response.StatusCode, // the client got no answer
                scheme,
                body,
                context.Items.TryGetValue(FaultItems.Applied, out var fault) ? fault as string : null,
                aborted));
        }

        // A dropped connection lets the client move on at once: the fault injector records the entry before it
        // aborts, so whoever reads the log after seeing the failure finds the request in it.
        context.Items[FaultItems.RecordBeforeAbort] = (Action)Record;
        try
        {
            await next(context);
        }
        finally
        {
            Record();
        }
    }

    private static async Task<string?> PeekBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength == 0 || HttpMethods.IsGet(request.Method) || HttpMethods.IsDelete(request.Method))
        {
            return null;
        }

        request.EnableBuffering();
        var buffer = new byte[MaxLoggedBody + 1];
        int total = 0;
        try
        {
            while (total < buffer.Length)
            {
                int read = await request.Body.ReadAsync(buffer.AsMemory(total), cancellationToken);
                if (read == 0)
                {
                    break;
                }

                total += read;
            }
        }
        catch (BadHttpRequestException)
        {
            return null;
        }
        finally
        {
            request.Body.Position = 0;
        }

        bool truncated = total > MaxLoggedBody;
        return Redaction.Render(buffer[..Math.Min(total, MaxLoggedBody)], request.ContentType, truncated);
    }
}

/// <summary>HttpContext.Items keys shared by the fault injector and the request log.</summary>
internal static class FaultItems
{
    public const string Applied = "emulator.fault";

    /// <summary>Set when a fault dropped the connection (the abort is signalled asynchronously).</summary>
    public const string Aborted = "emulator.fault.aborted";

    /// <summary>An <see cref="Action"/> that writes the request's log entry now (called just before an abort).</summary>
    public const string RecordBeforeAbort = "emulator.log.record";

    /// <summary>Set by a 424 commit-then-fail fault: the template submission of this request is refused by "Kakao".</summary>
    public const string KakaoRefuses = "emulator.fault.kakao-refuses";
}
