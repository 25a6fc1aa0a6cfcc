using System.Net.Http.Headers;

namespace Kakao.Provisioning.Internal;

/// <summary>
/// The one delay we generate ourselves: the server's <c>Retry-After</c> (seconds or an HTTP date). Every other
/// back-off is Polly's own (exponential with jitter, see <see cref="RetryBackoff"/>). Every delay is capped by
/// <c>MaxRetryDelay</c> so a hostile or broken header cannot park a deployment for hours.
/// </summary>
internal sealed class RetryAfterDelay(TimeSpan maxDelay, TimeProvider timeProvider, Func<double> random)
{
    /// <summary>The delay the header asks for, capped; null when there is no usable header.</summary>
    public TimeSpan? From(RetryConditionHeaderValue? retryAfter)
    {
        TimeSpan? requested = retryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - timeProvider.GetUtcNow(),
            _ => null,
        };
        return requested is { } value ? Clamp(value) : null;
    }

    /// <summary>
    /// The header's delay plus up to a tenth more (at most one second), capped: calls told to come back at the
    /// same moment do not all return at once. Null when there is no usable header.
    /// </summary>
    public TimeSpan? Jittered(RetryConditionHeaderValue? retryAfter) =>
        From(retryAfter) is { } serverDelay
            ? Clamp(serverDelay + TimeSpan.FromMilliseconds(Math.Min(serverDelay.TotalMilliseconds / 10, 1000) * random()))
            : null;

    /// <summary>A delay the server asked for (already read from its header), capped.</summary>
    public TimeSpan Capped(TimeSpan requested) => Clamp(requested);

    private TimeSpan Clamp(TimeSpan value) =>
        value < TimeSpan.Zero ? TimeSpan.Zero : value > maxDelay ? maxDelay : value;
}
