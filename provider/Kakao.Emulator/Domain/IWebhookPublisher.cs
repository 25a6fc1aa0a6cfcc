using Kakao.Emulator.State;

namespace Kakao.Emulator.Domain;

/// <summary>
/// Where the lifecycle's webhook events go. The domain only raises them; delivery (queueing, signing, retries)
/// belongs to the webhook layer, which implements this.
/// </summary>
internal interface IWebhookPublisher
{
    /// <summary>Queues the event for the project's subscribed webhooks; never blocks.</summary>
    /// <param name="project">Whose webhooks receive it.</param>
    /// <param name="eventType">The trigger, e.g. KAKAOTALK_SENDER_ACTIVE.</param>
    /// <param name="callback">Makes the body, only when someone subscribed.</param>
    void Publish<T>(ProjectState project, string eventType, Func<T> callback);
}
