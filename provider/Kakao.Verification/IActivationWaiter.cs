using Kakao.Provisioning;
using Kakao.Provisioning.Models;

namespace Kakao.Verification;

/// <summary>Waits until a verified sender reports ACTIVE: by polling, or by webhook callbacks.</summary>
internal interface IActivationWaiter : IAsyncDisposable
{
    /// <summary>Returns the sender once ACTIVE; cancellation (timeout or Ctrl-C) ends the wait.</summary>
    Task<KakaoSender> WaitForActiveAsync(ProvisioningClient client, string plusFriendId, CancellationToken cancellationToken);
}
