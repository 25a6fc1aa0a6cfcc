using System.Globalization;
using Kakao.Emulator.Http;

namespace Kakao.Emulator.Control;

/// <summary>
/// Applies the fault rules to the Sinch API and token endpoint (never to the control API): added latency,
/// an error answer (429 with Retry-After, 500, 503, ...), a dropped connection, or commit-then-fail — the
/// request runs for real, its answer is thrown away, and the client sees the failure instead — or
/// commit-then-delay: the request runs for real and its own answer is held back, so a client that gives up
/// (cancel, timeout) leaves a write behind that it never heard of.
/// </summary>
internal sealed class FaultMiddleware(RequestDelegate next, FaultInjector faults, EmulatorClock clock, ILogger<FaultMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (EmulatorPaths.IsControl(context.Request.Path) || faults.Decide(context.Request.Method, context.Request.Path.Value ?? "/") is not { } decision)
        {
            await next(context);
            return;
        }

        var rule = decision.Rule;
        context.Items[FaultItems.Applied] = decision.Describe();
        logger.LogInformation("Fault {Fault} on {Method} {Path}", decision.Describe(), context.Request.Method, context.Request.Path);
        if (rule.LatencyMs > 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(rule.LatencyMs), clock.Time, context.RequestAborted);
        }

        if (rule.CommitThenDelayMs > 0)
        {
            await CommitThenAnswerSlowlyAsync(context, rule);
            return;
        }

        if (rule.CommitThenFail)
        {
            await CommitThenFailAsync(context, rule);
            return;
        }

        if (rule.Abort)
        {
            Abort(context);
            return;
        }

        if (rule.Status is { } status)
        {
            await WriteFaultAsync(context, rule, status);
            return;
        }

        await next(context); // latency-only rule
    }

    private async Task CommitThenFailAsync(HttpContext context, FaultRule rule)
    {
        var original = context.Response.Body;
        using var discarded = new MemoryStream();
        context.Response.Body = discarded;
        string? savedTemplate = null;
        try
        {
            if (rule.Status == StatusCodes.Status424FailedDependency)
            {
                // The write runs as one Kakao refuses: saveDraftOnFailure keeps the draft, as a real refusal does.
                context.Items[FaultItems.KakaoRefuses] = true;
            }

            await next(context);
            savedTemplate = TemplateFaults.CodeOf(context, discarded.ToArray());
        }
        catch (ApiException ex)
        {
            // The write itself failed: still answer the fault, the client cannot tell the difference.
            logger.LogDebug("Commit-then-fail request failed on its own with {ErrorCode}", ex.ErrorCode);
            savedTemplate = ex.AdditionalInformation?.GetValueOrDefault("templateCode") as string;
        }
        finally
        {
            context.Response.Body = original;
        }

        if (rule.Abort)
        {
            Abort(context);
            return;
        }

        context.Response.Clear();
        await WriteFaultAsync(context, rule, rule.Status ?? FaultRule.DefaultCommitThenFailStatus, savedTemplate);
    }

    private async Task CommitThenAnswerSlowlyAsync(HttpContext context, FaultRule rule)
    {
        var original = context.Response.Body;
        using var held = new MemoryStream();
        context.Response.Body = held;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        try
        {
            await Task.Delay(TimeSpan.FromMilliseconds(rule.CommitThenDelayMs), clock.Time, context.RequestAborted);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client gave up while the answer was held: the write stays applied, nobody hears of it.
            logger.LogInformation("Commit-then-delay: the client left before the held answer of {Method} {Path} went out", context.Request.Method, context.Request.Path);
            return;
        }

        held.Position = 0;
        await held.CopyToAsync(original, context.RequestAborted);
    }

    private static void Abort(HttpContext context)
    {
        context.Items[FaultItems.Aborted] = true;
        if (context.Items.TryGetValue(FaultItems.RecordBeforeAbort, out var record) && record is Action recordNow)
        {
            recordNow();
        }

        context.Abort();
    }

    private static Task WriteFaultAsync(HttpContext context, FaultRule rule, int status, string? savedTemplate = null)
    {
        if (rule.RetryAfterSeconds is { } seconds)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }

        var ct = context.RequestAborted;
        return status switch
        {
            StatusCodes.Status424FailedDependency when TemplateFaults.IsTemplateWrite(context.Request) =>
                ErrorWriter.WriteSinchErrorAsync(context, TemplateFaults.KakaoRefusal(savedTemplate), ct),
            StatusCodes.Status500InternalServerError when TemplateFaults.IsTemplateWrite(context.Request) =>
                ErrorWriter.WriteSinchErrorAsync(context, TemplateFaults.InternalError(savedTemplate), ct),
            StatusCodes.Status500InternalServerError => ErrorWriter.WriteSinchErrorAsync(context, SinchErrors.InternalError, ct),
            StatusCodes.Status401Unauthorized => ErrorWriter.WriteSinchErrorAsync(context, SinchErrors.Unauthorized, ct),
            StatusCodes.Status429TooManyRequests => ErrorWriter.WriteProblemAsync(context, status, "Too Many Requests", "Rate limit exceeded (injected fault).", ct),
            _ => ErrorWriter.WriteProblemAsync(context, status, ReasonPhrase(status), "Injected fault.", ct),
        };
    }

    private static string ReasonPhrase(int status) =>
        Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } phrase ? phrase : "Error";
}
