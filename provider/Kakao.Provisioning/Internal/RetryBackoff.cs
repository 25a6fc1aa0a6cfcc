using Polly;
using Polly.Retry;

namespace Kakao.Provisioning.Internal;

/// <summary>
/// Polly's own back-off for every retry of the client: exponential from <c>RetryBaseDelay</c>, with jitter
/// (decorrelated, so clients failing together do not come back together), capped by <c>MaxRetryDelay</c>. A
/// strategy's <c>DelayGenerator</c> overrides it only for a server's <c>Retry-After</c>.
/// </summary>
internal static class RetryBackoff
{
    /// <summary>Sets the back-off of <paramref name="options"/> on <paramref name="strategy"/>; the caller says what to handle.</summary>
    public static void Configure<TResult>(RetryStrategyOptions<TResult> strategy, ProvisioningClientOptions options, Func<double> random)
    {
        strategy.MaxRetryAttempts = options.MaxRetries;
        strategy.BackoffType = DelayBackoffType.Exponential;
        strategy.UseJitter = true;
        strategy.Delay = options.RetryBaseDelay;
        strategy.MaxDelay = options.MaxRetryDelay;
        strategy.Randomizer = random;
    }
}
