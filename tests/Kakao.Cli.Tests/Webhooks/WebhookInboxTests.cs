using Kakao.Cli.Tests.Support;
using Kakao.Cli.Webhooks;
using Kakao.Provisioning.Models;

namespace Kakao.Cli.Tests.Webhooks;

public class WebhookInboxTests
{
    [Test]
    public async Task NextAsync_EventPublishedBeforeWaiting_IsNotLost()
    {
        var inbox = new WebhookInbox();
        inbox.Publish(new SenderEvent("KAKAOTALK_SENDER_ACTIVE", Senders.Sender(SenderState.Active), null));

        var received = await inbox.NextAsync(Senders.Id, CancellationToken.None);

        Assert.That(received.Sender.State, Is.EqualTo(SenderState.Active));
    }

    [Test]
    public async Task NextAsync_TwoUnreadEvents_KeepsTheNewest()
    {
        var inbox = new WebhookInbox();
        inbox.Publish(new SenderEvent("KAKAOTALK_SENDER_COMMENT_ADDED", Senders.Sender(SenderState.Verifying), "hi"));
        inbox.Publish(new SenderEvent("KAKAOTALK_SENDER_ACTIVE", Senders.Sender(SenderState.Active), null));

        var received = await inbox.NextAsync(Senders.Id, CancellationToken.None);

        Assert.That(received.Type, Is.EqualTo(WebhookTrigger.SenderActive));
    }

    [Test]
    public void NextAsync_OtherSendersEventOnly_KeepsWaitingUntilCancelled()
    {
        var inbox = new WebhookInbox();
        inbox.Publish(new SenderEvent("KAKAOTALK_SENDER_ACTIVE", Senders.Sender(SenderState.Active, id: "@other"), null));
        using var cts = new CancellationTokenSource();

        var wait = inbox.NextAsync(Senders.Id, cts.Token);
        Assert.That(wait.IsCompleted, Is.False);
        cts.Cancel();

        Assert.That(async () => await wait, Throws.InstanceOf<OperationCanceledException>());
    }
}
