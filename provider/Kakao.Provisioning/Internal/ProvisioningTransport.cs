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
/// the Polly retry pipelines (back-off with jitter), the per-attempt timeout of each HTTP exchange, logging and error mapping. Answers are
/// returned only when successful; everything else becomes a <see cref="ProvisioningApiException"/>.
/// </summary>
internal sealed partial class ProvisioningTransport : IDisposable
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
        Random = options.Randomizer ?? System.Random.Shared.NextDouble;
        RetryAfter = new RetryAfterDelay(options.MaxRetryDelay, Time, Random);
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
        ResendPipeline = BuildResendPipeline();
        _credentials = options.AuthMode == ProvisioningAuthMode.OAuth2
            ? new OAuth2TokenCache(SendTokenRequestAsync, options.EffectiveAuthEndpoint, options.KeyId, options.KeySecret, options.TokenRefreshMargin, Time, Redactor, Logger)
            : new BasicCredentialSource(options.KeyId, options.KeySecret);
    }

    public ProvisioningClientOptions Options { get; }

    public TimeProvider Time { get; }

    public ILogger Logger { get; }

    /// <summary>A server's Retry-After as a delay (Polly computes every other back-off).</summary>
    public RetryAfterDelay RetryAfter { get; }

    /// <summary>The jitter source of every back-off.</summary>
    public Func<double> Random { get; }

    /// <summary>Re-sends a write confirmed absent after an ambiguous failure (see <see cref="ReconcilingWriter"/>).</summary>
    public ResiliencePipeline ResendPipeline { get; }

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
            Budget.OnThrottled(sentAt, RetryAfter.From(response.Headers.RetryAfter));
        }
        else
        {
            Budget.OnAnswered();
        }

        return response;
    }

    private async Task<HttpResponseMessage> TimedSendAsync(
        HttpRequestMessage message, string method, string logPath, int attemptNumber, ApiRequest? request, CancellationToken cancellationToken)
    {
        long started = Time.GetTimestamp();
        using var attempt = Options.AttemptTimeout == Timeout.InfiniteTimeSpan ? null : new CancellationTokenSource(Options.AttemptTimeout, Time);
        using var linked = attempt is null ? null : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, attempt.Token);
        try
        {
            var response = await _http.SendAsync(message, HttpCompletionOption.ResponseContentRead, linked?.Token ?? cancellationToken);
            if (request is not null)
            {
                request.Sent = true;
            }

            double elapsed = Time.GetElapsedTime(started).TotalMilliseconds;
            if (response.IsSuccessStatusCode)
            {
                Log.Answered(Logger, method, logPath, (int)response.StatusCode, elapsed, attemptNumber);
            }
            else
            {
                Log.AnsweredError(Logger, method, logPath, (int)response.StatusCode, elapsed, attemptNumber);
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

            Log.NoAnswer(Logger, method, logPath, Time.GetElapsedTime(started).TotalMilliseconds, attemptNumber, Redactor.Redact(ex.GetType().Name + ": " + ex.Message));
            if (ex is OperationCanceledException && attempt is { IsCancellationRequested: true } && !cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutRejectedException($"No answer within the attempt timeout of {Options.AttemptTimeout.TotalSeconds:0.###} s.", Options.AttemptTimeout, ex);
            }

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
}
