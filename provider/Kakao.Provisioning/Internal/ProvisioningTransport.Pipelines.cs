using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Kakao.Provisioning.Internal;

internal sealed partial class ProvisioningTransport
{
    private ResiliencePipeline<HttpResponseMessage> BuildPipeline(RetryMode mode)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = Time };
        if (Options.MaxRetries > 0)
        {
            var retry = new RetryStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(mode, args.Outcome, args.Context.CancellationToken)),
                DelayGenerator = args => ValueTask.FromResult(RetryDelay(args.Outcome.Result)),
                OnRetry = args =>
                {
                    var request = args.Context.Properties.GetValue(RequestKey, null!);
                    if (request is not null && (args.Outcome.Exception is not null || (int?)args.Outcome.Result?.StatusCode >= 500))
                    {
                        request.HadAmbiguousAttempt = true;
                    }

                    Log.Retrying(
                        Logger,
                        request?.Method.Method ?? "POST",
                        request?.LogPath ?? "oauth2/token",
                        args.RetryDelay.TotalMilliseconds,
                        args.AttemptNumber + 1,
                        Options.MaxRetries,
                        Describe(args.Outcome));
                    return default;
                },
            };
            RetryBackoff.Configure(retry, Options, Random);
            builder.AddRetry(retry);
        }

        // No timeout strategy here: the attempt timeout is armed in TimedSendAsync around the HTTP exchange alone,
        // so time spent queued in the shared budget (or fetching a token) is not counted against the API.
        return builder.Build();
    }

    // The server's Retry-After, else null: Polly's own back-off. While the shared budget paces, a 429's short
    // Retry-After is its slot: waiting both would waste the limit.
    private TimeSpan? RetryDelay(HttpResponseMessage? response)
    {
        var serverDelay = RetryAfter.Jittered(response?.Headers.RetryAfter);
        return response?.StatusCode == HttpStatusCode.TooManyRequests && Budget.PacesRetryAfter(serverDelay ?? TimeSpan.Zero) ? TimeSpan.Zero : serverDelay;
    }

    private ResiliencePipeline BuildResendPipeline()
    {
        if (Options.MaxRetries == 0)
        {
            return ResiliencePipeline.Empty;
        }

        var retry = new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<ResendableWrite>(),
            // The server's Retry-After as it asked (no jitter: only this call re-sends), else Polly's back-off.
            DelayGenerator = args => ValueTask.FromResult(args.Outcome.Exception is ResendableWrite { Failure.RetryAfter: { } requested } ? RetryAfter.Capped(requested) : (TimeSpan?)null),
            OnRetry = args =>
            {
                if (args.Outcome.Exception is ResendableWrite resend)
                {
                    Log.ReconciledResend(Logger, resend.Operation, resend.Target, args.RetryDelay.TotalMilliseconds);
                }

                return default;
            },
        };
        RetryBackoff.Configure(retry, Options, Random);
        return new ResiliencePipelineBuilder { TimeProvider = Time }.AddRetry(retry).Build();
    }

    internal static bool ShouldRetry(RetryMode mode, Outcome<HttpResponseMessage> outcome, CancellationToken callToken)
    {
        if (outcome.Result is { } response)
        {
            int status = (int)response.StatusCode;
            return status == 429 || (mode == RetryMode.Idempotent && status is 502 or 503 or 504);
        }

        // A write that may have reached the API is never repeated here: the caller reconciles instead. One that
        // could not even connect is as safe to repeat as a read.
        if (mode != RetryMode.Idempotent)
        {
            return outcome.Exception is { } failure && NeverSent(failure);
        }

        return outcome.Exception switch
        {
            // An untrusted or invalid certificate does not heal by itself: fail fast (and closed).
            HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError } => false,
            HttpRequestException or TimeoutRejectedException or IOException => true,
            OperationCanceledException => !callToken.IsCancellationRequested,
            _ => false,
        };
    }

    /// <summary>Failures that happen before a single byte of the request left: DNS, connect, TLS, proxy tunnel.</summary>
    internal static bool NeverSent(Exception exception) =>
        exception is HttpRequestException
        {
            HttpRequestError: HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError
                or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError,
        };

    private string Describe(Outcome<HttpResponseMessage> outcome) =>
        outcome.Result is { } response
            ? $"{(int)response.StatusCode}{(response.Headers.RetryAfter is null ? "" : " with Retry-After")}"
            : Redactor.Redact(outcome.Exception?.GetType().Name ?? "failure");
}
