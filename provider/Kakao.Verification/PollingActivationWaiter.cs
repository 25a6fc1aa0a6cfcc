using Kakao.Provisioning;
using Kakao.Provisioning.Models;

namespace Kakao.Verification;

/// <summary>
/// Polls the sender with exponential back-off (2 s doubling to 30 s) on the given clock, so tests advance a
/// fake clock instead of sleeping. Transient API failures are reported and polling goes on.
/// </summary>
internal sealed class PollingActivationWaiter(TimeProvider timeProvider, IVerificationConsole console) : IActivationWaiter
{
    public static readonly TimeSpan FirstDelay = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(30);

    public async Task<KakaoSender> WaitForActiveAsync(ProvisioningClient client, string plusFriendId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var delay = FirstDelay;
        while (true)
        {
            await Task.Delay(delay, timeProvider, cancellationToken).ConfigureAwait(false);
            try
            {
                var sender = await client.GetSenderAsync(plusFriendId, cancellationToken).ConfigureAwait(false);
                if (sender.State == SenderState.Active)
                {
                    return sender;
                }
            }
            catch (ProvisioningApiException ex) when (ex.IsTransient)
            {
                console.Warn($"Polling {plusFriendId} failed for now ({ex.ErrorCode ?? ex.Status.ToString(System.Globalization.CultureInfo.InvariantCulture)}); retrying.");
            }

            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxDelay.Ticks));
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
