using Kakao.Provisioning;
using Kakao.Provisioning.Models;

namespace Kakao.Verification;

/// <summary>Waits until a verified sender reports ACTIVE: by polling, or by webhook callbacks.</summary>
public interface IActivationWaiter : IAsyncDisposable
{
    /// <summary>Returns the sender once ACTIVE; cancellation (timeout or Ctrl-C) ends the wait.</summary>
    /// <param name="client">The sender's API client.</param>
    /// <param name="plusFriendId">The sender.</param>
    /// <param name="cancellationToken">Ends the wait.</param>
    Task<KakaoSender> WaitForActiveAsync(ProvisioningClient client, string plusFriendId, CancellationToken cancellationToken);
}
