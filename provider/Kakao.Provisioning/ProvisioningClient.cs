using Kakao.Provisioning.Models;

namespace Kakao.Provisioning;

/// <summary>
/// Client of the Sinch Provisioning API for KakaoTalk senders, bound to one project. Thread-safe; reuse one
/// instance. Members are virtual so callers can mock them.
/// </summary>
public class ProvisioningClient : IDisposable
{
    // CONTRACT SKELETON: bodies are filled in by the client implementation.

    /// <summary>Creates a client with its own HTTP stack.</summary>
    /// <param name="options">Validated settings.</param>
    public ProvisioningClient(ProvisioningClientOptions options) => throw new NotImplementedException();

    /// <summary>Creates a client over a caller-supplied handler (tests, proxies).</summary>
    /// <param name="options">Validated settings.</param>
    /// <param name="handler">The innermost HTTP handler.</param>
    /// <param name="disposeHandler">Whether disposing the client disposes the handler.</param>
    public ProvisioningClient(ProvisioningClientOptions options, HttpMessageHandler handler, bool disposeHandler = false) => throw new NotImplementedException();

    /// <summary>For mocking frameworks.</summary>
    protected ProvisioningClient() { }

    /// <summary>The project this client addresses.</summary>
    public virtual string ProjectId => throw new NotImplementedException();

    /// <summary>A client for another project that shares this one's connections and token cache.</summary>
    /// <param name="projectId">The project id.</param>
    public virtual ProvisioningClient ForProject(string projectId) => throw new NotImplementedException();

    /// <summary>Lists senders, following every page.</summary>
    public virtual IAsyncEnumerable<KakaoSender> ListSendersAsync(SenderListFilter? filter = null, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>Reads one page of senders.</summary>
    public virtual Task<SenderPage> ListSendersPageAsync(SenderListFilter? filter = null, string? pageToken = null, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>Reads a sender; 404 <c>sender_not_found</c> raises <see cref="ProvisioningApiException"/>.</summary>
    public virtual Task<KakaoSender> GetSenderAsync(string plusFriendId, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>Reads a sender, or null when it does not exist (404).</summary>
    public virtual Task<KakaoSender?> TryGetSenderAsync(string plusFriendId, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>Reads a sender with its first page of activities, from which status and rejection derive.</summary>
    public virtual Task<SenderSnapshot?> DescribeSenderAsync(string plusFriendId, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>Creates a sender (never sent twice: an ambiguous failure is reconciled with a GET).</summary>
    public virtual Task<KakaoSender> CreateSenderAsync(CreateSenderRequest request, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>Updates a sender (PATCH, <c>status</c> always sent explicitly).</summary>
    public virtual Task<KakaoSender> UpdateSenderAsync(string plusFriendId, UpdateSenderRequest request, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>Deletes a sender.</summary>
    public virtual Task DeleteSenderAsync(string plusFriendId, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>Discards the pending changes (only DRAFT or REJECTED).</summary>
    public virtual Task DeleteSenderChangesAsync(string plusFriendId, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>Lists a sender's activities, newest first, following every page.</summary>
    public virtual IAsyncEnumerable<SenderActivity> ListSenderActivitiesAsync(string plusFriendId, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>Adds a comment to a sender.</summary>
    public virtual Task<SenderComment> AddSenderCommentAsync(string plusFriendId, string comment, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>Starts verification: a one-time code is sent to the admin phone (state VERIFYING).</summary>
    public virtual Task<KakaoSender> RegisterSenderAsync(string plusFriendId, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>Completes verification with the one-time code (sent as a JSON number; never logged).</summary>
    public virtual Task<KakaoSender> VerifySenderAsync(string plusFriendId, int code, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>Reads the sender category tree.</summary>
    public virtual Task<IReadOnlyList<SenderCategory>> ListSenderCategoriesAsync(CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>Registers a webhook.</summary>
    public virtual Task<Webhook> CreateWebhookAsync(CreateWebhookRequest request, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>Lists the project's webhooks.</summary>
    public virtual Task<IReadOnlyList<Webhook>> ListWebhooksAsync(CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>Deletes a webhook.</summary>
    public virtual Task DeleteWebhookAsync(string webhookId, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the HTTP stack when <paramref name="disposing"/>.</summary>
    protected virtual void Dispose(bool disposing)
    {
    }
}
