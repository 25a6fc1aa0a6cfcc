
using Kakao.Provider.Models;

namespace Kakao.Provider.Resources.Sender;

/// <summary>
/// The one message for a sender that would have to move to another project under the same plusFriendId. No
/// replacement can do that: creating in the new project first fails (<c>plus_friend_id_used</c>), and deleting
/// first destroys a live channel whose plusFriendId Sinch then refuses for 60 days. So the preview stops and
/// says what to do instead.
/// </summary>
internal static class SenderMoveRefusal
{
    /// <param name="plusFriendId">The sender's id.</param>
    /// <param name="from">The project it lives in.</param>
    /// <param name="to">The project the declaration (or the provider's <c>kakao:projectId</c>) now names.</param>
    /// <param name="explicitOverride">Whether the sender's own <c>projectId</c> input names the new project.</param>
    public static ObjectNotUpdatableException For(string plusFriendId, string from, string? to, bool explicitOverride)
    {
        var cause = explicitOverride
            ? $"its projectId changed from {from} to {to}"
            : $"the provider's project (kakao:projectId) changed from {from} to {to ?? "another project"}";
        return new ObjectNotUpdatableException(
            $"The KakaoTalk sender {plusFriendId} cannot move to another project ({cause}). A sender cannot be re-created " +
            $"elsewhere: {plusFriendId} stays taken while it exists, and once deleted Sinch blocks it for 60 days, so a " +
            "replacement would destroy a live sender that cannot come back. Nothing was changed. Either keep it where it is: " +
            $"set `projectId: {from}` on this sender (or restore the previous kakao:projectId); or, if Sinch has moved the " +
            $"sender to the new project for you, stop managing the old record with `pulumi state delete <urn of this sender>` " +
            $"and adopt it there with `pulumi import kakao:index:KakaoSender <name> {plusFriendId}` (projectId set to the new project).");
    }
}
