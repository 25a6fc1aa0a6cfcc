using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Kakao.Provisioning.Internal;

/// <summary>
/// The HTTP stack every client of one connection group shares: the handler, credentials (and token cache),
/// the Polly pipelines (retry with back-off, per-attempt timeout), logging and error mapping. Answers are
/// returned only when successful; everything else becomes a <see cref="ProvisioningApiException"/>.
/// </summary>
internal sealed class ProvisioningTransport : IDisposable
{
    private const long MaxResponseBytes = 16 * 1024 * 1024;
    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json") { CharSet = "utf-8" };

    private readonly HttpClient _http;
    private readonly Uri _baseUri;
    private readonly CredentialSource _credentials;
    private readonly ResiliencePipeline<HttpResponseMessage> _idempotentPipeline;
    private readonly ResiliencePipeline<HttpResponseMessage> _writePipeline;
    private int _disposed;

    public ProvisioningTransport(ProvisioningClientOptions options, HttpMessageHandler handler, bool disposeHandler)
    {
        Options = options;
        Time = options.TimeProvider;
        Logger = (options.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger("Kakao.Provisioning.ProvisioningClient");
        Delays = new RetryDelays(options.RetryBaseDelay, options.MaxRetryDelay, Time);
        Budget = new RequestBudget(Time);
        Redactor = new SecretRedactor(options.KeySecret, CredentialSource.BasicHeader(options.KeyId, options.KeySecret).Parameter!);

        // Timeouts are ours (per attempt and per call, on the injected clock), not HttpClient's.
        _http = new HttpClient(handler, disposeHandler)
        {
            Timeout = Timeout.InfiniteTimeSpan,
            MaxResponseContentBufferSize = MaxResponseBytes,
        };
        _baseUri = OAuth2TokenCache.EnsureTrailingSlash(options.Endpoint);
        _idempotentPipeline = BuildPipeline(RetryMode.Idempotent);
        _writePipeline = BuildPipeline(RetryMode.OnlyWhenUnprocessed);
        _credentials = options.AuthMode == ProvisioningAuthMode.OAuth2
            ? new OAuth2TokenCache(SendTokenRequestAsync, options.EffectiveAuthEndpoint, options.KeyId, options.KeySecret, options.TokenRefreshMargin, Time, Redactor, Logger)
            : new BasicCredentialSource(options.KeyId, options.KeySecret);
    }

    public ProvisioningClientOptions Options { get; }

    public TimeProvider Time { get; }

    public ILogger Logger { get; }

    public RetryDelays Delays { get; }

    /// <summary>The request budget every call through this transport shares (pacing under a rate limit).</summary>
    public RequestBudget Budget { get; }

    public SecretRedactor Redactor { get; }

    /// <summary>
    /// Runs one public operation under the overall <c>RequestTimeout</c>. The caller's cancellation surfaces as
    /// <see cref="OperationCanceledException"/>; the timeout as <see cref="ProvisioningApiException"/>.
    /// </summary>
    public async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> operation, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        if (Options.RequestTimeout == Timeout.InfiniteTimeSpan)
        {
            return await operation(cancellationToken);
        }

        using var overall = new CancellationTokenSource(Options.RequestTimeout, Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, overall.Token);
        try
        {
            return await operation(linked.Token);
        }
        catch (OperationCanceledException ex) when (overall.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new ProvisioningApiException(
                0,
                ProvisioningApiException.TimeoutErrorCode,
                $"The call did not complete within the request timeout of {Options.RequestTimeout.TotalSeconds:0.###} s (retries included).",
                innerException: ex);
        }
    }

    /// <summary>Sends <paramref name="request"/> with credentials and retries; returns a 2xx answer or throws.</summary>
    public async Task<HttpResponseMessage> SendAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        var pipeline = request.Mode == RetryMode.Idempotent ? _idempotentPipeline : _writePipeline;
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(RequestKey, request);
        HttpResponseMessage response;
        try
        {
            response = await pipeline.ExecuteAsync(
                static (ctx, self) => new ValueTask<HttpResponseMessage>(self.SendAttemptAsync(ctx.Properties.GetValue(RequestKey, null!), ctx.CancellationToken)),
                context,
                this);
        }
        catch (Exception ex) when (MapNoAnswer(ex, request, cancellationToken) is { } mapped)
        {
            throw mapped;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            var error = await ApiErrorReader.ReadAsync(response, Redactor, request.ExtraSecrets, cancellationToken);
            throw AttachRetryAfter(error, response);
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _http.Dispose();
        (_credentials as IDisposable)?.Dispose();
    }

    private static readonly ResiliencePropertyKey<ApiRequest> RequestKey = new("kakao.request");

    // The server's wish as sent (not capped): callers that schedule their own retry may honour it.
    private ProvisioningApiException AttachRetryAfter(ProvisioningApiException error, HttpResponseMessage response)
    {
        TimeSpan? retryAfter = response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - Time.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
            _ => null,
        };
        return retryAfter is null
            ? error
            : new ProvisioningApiException(error.Status, error.ErrorCode, error.ApiMessage, error.Resolution, error.AdditionalInformation)
            {
                RetryAfter = retryAfter,
            };
    }

    private ProvisioningApiException? MapNoAnswer(Exception ex, ApiRequest request, CancellationToken cancellationToken) => ex switch
    {
        ProvisioningApiException => null,
        OperationCanceledException when cancellationToken.IsCancellationRequested => null,
        TimeoutRejectedException => new ProvisioningApiException(
            0,
            ProvisioningApiException.TimeoutErrorCode,
            $"{request.Method} {request.LogPath} got no answer within the attempt timeout of {Options.AttemptTimeout.TotalSeconds:0.###} s after {request.Attempts} attempt(s).",
            innerException: ex),
        HttpRequestException or OperationCanceledException or IOException => new ProvisioningApiException(
            0,
            ProvisioningApiException.TransportErrorCode,
            $"{request.Method} {request.LogPath} got no answer after {request.Attempts} attempt(s): {Redactor.Redact(ex.Message)}",
            innerException: ex),
        _ => null,
    };

    private async Task<HttpResponseMessage> SendAttemptAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        request.Attempts++;
        var credential = await _credentials.GetAsync(null, cancellationToken);
        var response = await SendOnceAsync(request, credential, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Unauthorized && _credentials.CanRefresh)
        {
            // The token may have been revoked or expired early: one retry with a new one, never more.
            response.Dispose();
            Log.RetryingWithFreshToken(Logger, request.Method.Method, request.LogPath);
            credential = await _credentials.GetAsync(credential, cancellationToken);
            response = await SendOnceAsync(request, credential, cancellationToken);
        }

        return response;
    }

    private async Task<HttpResponseMessage> SendOnceAsync(ApiRequest request, AuthenticationHeaderValue credential, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(request.Method, new Uri(_baseUri, request.Path));
        message.Headers.Authorization = credential;
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (request.JsonBody is { } body)
        {
            message.Content = new ByteArrayContent(body);
            message.Content.Headers.ContentType = JsonMediaType;
        }

        await Budget.AcquireAsync(cancellationToken);
        var sentAt = Time.GetUtcNow();
        var response = await TimedSendAsync(message, request.Method.Method, request.LogPath, request.Attempts, request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            Budget.OnThrottled(sentAt, Delays.FromRetryAfter(response.Headers.RetryAfter));
        }
        else
        {
            Budget.OnAnswered();
        }

        return response;
    }

    private async Task<HttpResponseMessage> TimedSendAsync(
        HttpRequestMessage message, string method, string logPath, int attempt, ApiRequest? request, CancellationToken cancellationToken)
    {
        long started = Time.GetTimestamp();
        try
        {
            var response = await _http.SendAsync(message, HttpCompletionOption.ResponseContentRead, cancellationToken);
            if (request is not null)
            {
                request.Sent = true;
            }

            double elapsed = Time.GetElapsedTime(started).TotalMilliseconds;
            if (response.IsSuccessStatusCode)
            {
                Log.Answered(Logger, method, logPath, (int)response.StatusCode, elapsed, attempt);
            }
            else
            {
                Log.AnsweredError(Logger, method, logPath, (int)response.StatusCode, elapsed, attempt);
            }

            return response;
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or IOException)
        {
            // Unless the connection was never made, the API may have received (and applied) the request.
            if (request is not null && !NeverSent(ex))
            {
                request.Sent = true;
            }

            Log.NoAnswer(Logger, method, logPath, Time.GetElapsedTime(started).TotalMilliseconds, attempt, Redactor.Redact(ex.GetType().Name + ": " + ex.Message));
            throw;
        }
    }

    // Token requests have no side effect worth protecting, so they are retried like reads.
    private async Task<HttpResponseMessage> SendTokenRequestAsync(Func<HttpRequestMessage> createRequest, CancellationToken cancellationToken)
    {
        var bookkeeping = new ApiRequest(HttpMethod.Post, "oauth2/token", RetryMode.Idempotent);
        HttpResponseMessage response;
        try
        {
            response = await _idempotentPipeline.ExecuteAsync(
                async token =>
                {
                    bookkeeping.Attempts++;
                    using var message = createRequest();
                    return await TimedSendAsync(message, "POST", "oauth2/token", bookkeeping.Attempts, null, token);
                },
                cancellationToken);
        }
        catch (Exception ex) when (MapNoAnswer(ex, bookkeeping, cancellationToken) is { } mapped)
        {
            throw mapped;
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            var error = await ApiErrorReader.ReadAsync(response, Redactor, null, cancellationToken);
            throw new ProvisioningApiException(
                error.Status,
                error.ErrorCode ?? (error.Status == 401 ? SinchErrorCodes.UnauthorizedError : null),
                "Could not obtain an OAuth2 token: " + error.ApiMessage,
                error.Resolution ?? (error.Status is 400 or 401 ? "Check KeyId and KeySecret, and AuthEndpoint." : null),
                error.AdditionalInformation);
        }
    }

    private ResiliencePipeline<HttpResponseMessage> BuildPipeline(RetryMode mode)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = Time };
        if (Options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = Options.MaxRetries,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(mode, args.Outcome, args.Context.CancellationToken)),
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(RetryDelay(args.AttemptNumber, args.Outcome.Result)),
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
            });
        }

        if (Options.AttemptTimeout != Timeout.InfiniteTimeSpan)
        {
            builder.AddTimeout(Options.AttemptTimeout);
        }

        return builder.Build();
    }

    // While the shared budget paces, a 429's short Retry-After is its slot: waiting both would waste the limit.
    private TimeSpan RetryDelay(int attempt, HttpResponseMessage? response)
    {
        var delay = Delays.For(attempt, response?.Headers.RetryAfter);
        return response?.StatusCode == HttpStatusCode.TooManyRequests && Budget.PacesRetryAfter(delay) ? TimeSpan.Zero : delay;
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
