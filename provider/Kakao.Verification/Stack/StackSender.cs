using Kakao.Verification.Pulumi;

namespace Kakao.Verification.Stack;

/// <summary>A <c>kakao:index:KakaoSender</c> found in a stack, with where its provider settings come from.</summary>
/// <param name="Urn">The resource URN.</param>
/// <param name="PlusFriendId">The sender's key at Sinch.</param>
/// <param name="ProjectId">The sender's own projectId input, if set (it overrides the provider's).</param>
/// <param name="Provider">The provider resource managing it, if the checkpoint names one.</param>
internal sealed record StackSender(string Urn, string PlusFriendId, string? ProjectId, PulumiResourceState? Provider);

/// <summary>Finds KakaoTalk senders and their providers in a checkpoint.</summary>
internal static class StackSenderCatalog
{
    public const string SenderType = "kakao:index:KakaoSender";
    public const string ProviderType = "pulumi:providers:kakao";

    public static IReadOnlyList<StackSender> Find(PulumiDeployment deployment)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        var providers = deployment.Resources.Where(r => r.Type == ProviderType)
            .ToDictionary(r => r.Urn + "::" + r.Id, StringComparer.Ordinal);
        var senders = new List<StackSender>();
        foreach (var resource in deployment.Resources.Where(r => r.Type == SenderType))
        {
            var plusFriendId = PulumiSecrets.ReadString(resource.Outputs["plusFriendId"]).Value
                ?? PulumiSecrets.ReadString(resource.Inputs["plusFriendId"]).Value
                ?? resource.Id;
            if (string.IsNullOrWhiteSpace(plusFriendId))
            {
                continue;
            }

            var projectId = PulumiSecrets.ReadString(resource.Inputs["projectId"]).Value
                ?? PulumiSecrets.ReadString(resource.Outputs["projectId"]).Value;
            var provider = resource.Provider is { } reference && providers.TryGetValue(reference, out var found) ? found : null;
            senders.Add(new StackSender(resource.Urn, plusFriendId, string.IsNullOrWhiteSpace(projectId) ? null : projectId, provider));
        }

        return senders;
    }
}
