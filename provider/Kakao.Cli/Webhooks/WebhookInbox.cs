using System.Collections.Concurrent;
using Kakao.Provisioning.Models;

namespace Kakao.Cli.Webhooks;

/// <summary>A verified callback: the trigger and the sender it carried.</summary>
internal sealed record SenderEvent(WebhookTrigger Type, KakaoSender Sender, string? Comment);

/// <summary>
/// Hands verified callbacks to whoever waits for a sender. Keeps the latest event per sender, so a callback
/// arriving before the wait starts is not lost.
/// </summary>
internal sealed class WebhookInbox
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<SenderEvent>> _next = new(StringComparer.Ordinal);

    public void Publish(SenderEvent senderEvent)
    {
        ArgumentNullException.ThrowIfNull(senderEvent);
        var slot = _next.GetOrAdd(senderEvent.Sender.PlusFriendId, _ => NewSlot());
        if (!slot.TrySetResult(senderEvent))
        {
            // An unread event is replaced by the newer one.
            _next[senderEvent.Sender.PlusFriendId] = Completed(senderEvent);
        }
    }

    /// <summary>Waits for the next event of <paramref name="plusFriendId"/> and consumes it.</summary>
    public async Task<SenderEvent> NextAsync(string plusFriendId, CancellationToken cancellationToken)
    {
        var slot = _next.GetOrAdd(plusFriendId, _ => NewSlot());
        var result = await slot.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        _next.TryUpdate(plusFriendId, NewSlot(), slot);
        return result;
    }

    private static TaskCompletionSource<SenderEvent> NewSlot() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static TaskCompletionSource<SenderEvent> Completed(SenderEvent senderEvent)
    {
        var slot = NewSlot();
        slot.SetResult(senderEvent);
        return slot;
    }
}
