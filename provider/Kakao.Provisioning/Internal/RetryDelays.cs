using System.Net.Http.Headers;

namespace Kakao.Provisioning.Internal;

/// <summary>
/// How long to wait before retry number <c>n</c>: the server's <c>Retry-After</c> when it sent one (seconds or an
/// HTTP date, with a little jitter added), otherwise exponential back-off with jitter. Every delay is capped by <c>MaxRetryDelay</c> so a
/// hostile or broken header cannot park a deployment for hours.
/// </summary>
internal sealed class RetryDelays(TimeSpan baseDelay, TimeSpan maxDelay, TimeProvider timeProvider, Func<double>? random = null)
{
    private readonly Func<double> _random = random ?? Random.Shared.NextDouble;

    public TimeSpan MaxDelay => maxDelay;

    /// <summary>Delay before the retry that follows failed attempt <paramref name="attempt"/> (0-based).</summary>
    public TimeSpan For(int attempt, RetryConditionHeaderValue? retryAfter)
    {
        if (FromRetryAfter(retryAfter) is { } serverDelay)
        {
            return Jittered(serverDelay);
        }

        return Backoff(attempt);
    }

    /// <summary>Delay before re-sending after failure <paramref name="attempt"/> when the server asked for <paramref name="retryAfter"/>.</summary>
    public TimeSpan For(int attempt, TimeSpan? retryAfter) =>
        retryAfter is { } requested ? Clamp(requested) : Backoff(attempt);

    /// <summary>
    /// The server's delay plus up to a tenth more (at most one second), capped: calls told to come back at the same
    /// moment do not all return at once.
    /// </summary>
    public TimeSpan Jittered(TimeSpan serverDelay) =>
        Clamp(serverDelay + TimeSpan.FromMilliseconds(Math.Min(serverDelay.TotalMilliseconds / 10, 1000) * _random()));

    /// <summary>Exponential back-off (base × 2^attempt) with "equal jitter": between half and all of it.</summary>
    public TimeSpan Backoff(int attempt)
    {
        double exponential = baseDelay.TotalMilliseconds * Math.Pow(2, Math.Clamp(attempt, 0, 30));
        double capped = Math.Min(exponential, maxDelay.TotalMilliseconds);
        double jittered = capped / 2 + (capped / 2 * _random());
        return TimeSpan.FromMilliseconds(Math.Min(jittered, maxDelay.TotalMilliseconds));
    }

    public TimeSpan? FromRetryAfter(RetryConditionHeaderValue? retryAfter)
    {
        TimeSpan? requested = retryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - timeProvider.GetUtcNow(),
            _ => null,
        };
        if (requested is not { } value)
        {
            return null;
        }

        return Clamp(value);
    }

    private TimeSpan Clamp(TimeSpan value) =>
        value < TimeSpan.Zero ? TimeSpan.Zero : value > maxDelay ? maxDelay : value;
}
