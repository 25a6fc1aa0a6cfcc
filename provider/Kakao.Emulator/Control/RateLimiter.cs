using System.Globalization;
using Kakao.Emulator.Http;

namespace Kakao.Emulator.Control;

/// <summary>
/// A token bucket on the emulator's clock: holds up to one second's worth of requests, refills at
/// requestsPerSecond; beyond it requests answer 429 (gateway problem details) with Retry-After.
/// </summary>
internal sealed class RateLimiter(TimeProvider time)
{
    private readonly Lock _gate = new();
    private double? _rate;
    private double _tokens;
    private DateTimeOffset _last;

    public double? RequestsPerSecond
    {
        get
        {
            lock (_gate)
            {
                return _rate;
            }
        }
    }

    /// <summary>Sets the rate; null or 0 turns limiting off.</summary>
    public void Configure(double? requestsPerSecond)
    {
        lock (_gate)
        {
            _rate = requestsPerSecond is > 0 ? requestsPerSecond : null;
            _tokens = Capacity;
            _last = time.GetUtcNow();
        }
    }

    /// <summary>Takes a token; returns null when allowed, else how long until one is available.</summary>
    public TimeSpan? TryAcquire()
    {
        lock (_gate)
        {
            if (_rate is not { } rate)
            {
                return null;
            }

            var now = time.GetUtcNow();
            _tokens = Math.Min(Capacity, _tokens + Math.Max(0, (now - _last).TotalSeconds) * rate);
            _last = now;
            if (_tokens >= 1)
            {
                _tokens -= 1;
                return null;
            }

            return TimeSpan.FromSeconds((1 - _tokens) / rate);
        }
    }

    private double Capacity => Math.Max(1, _rate ?? 1);
}

/// <summary>Applies <see cref="RateLimiter"/> to everything but the control API.</summary>
internal sealed class RateLimitMiddleware(RequestDelegate next, RateLimiter limiter)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!EmulatorPaths.IsControl(context.Request.Path) && limiter.TryAcquire() is { } wait)
        {
            int seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            await ErrorWriter.WriteProblemAsync(context, StatusCodes.Status429TooManyRequests, "Too Many Requests", "Rate limit exceeded.", context.RequestAborted);
            return;
        }

        await next(context);
    }
}
