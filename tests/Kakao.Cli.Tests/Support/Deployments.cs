using System.Text.Json.Nodes;
using Kakao.Cli.Pulumi;

namespace Kakao.Cli.Tests.Support;

/// <summary>Stack checkpoints in the shape of <c>pulumi stack export</c>.</summary>
internal static class Deployments
{
    public const string ProviderUrn = "urn:pulumi:dev::shop::pulumi:providers:kakao::default_0_1_0";
    public const string ProviderId = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
    public const string KeySecret = "sk-very-secret-value";

    public static JsonObject Secret(string plaintext) => new()
    {
        [PulumiSecrets.SignatureKey] = PulumiSecrets.SecretSignature,
        ["plaintext"] = JsonValue.Create(plaintext)!.ToJsonString(),
    };

    public static JsonObject Encrypted() => new()
    {
        [PulumiSecrets.SignatureKey] = PulumiSecrets.SecretSignature,
        ["ciphertext"] = "v1:AAAAbase64ciphertext==",
    };

    /// <summary>An export JSON with a kakao provider and one sender resource per id.</summary>
    public static string ExportJson(JsonNode? keySecret, params string[] senderIds)
    {
        var resources = new JsonArray
        {
            new JsonObject
            {
                ["urn"] = "urn:pulumi:dev::shop::pulumi:pulumi:Stack::shop-dev",
                ["custom"] = false,
                ["type"] = "pulumi:pulumi:Stack",
            },
            new JsonObject
            {
                ["urn"] = ProviderUrn,
                ["custom"] = true,
                ["id"] = ProviderId,
                ["type"] = "pulumi:providers:kakao",
                ["inputs"] = new JsonObject
                {
                    ["projectId"] = Senders.Project,
                    ["endpoint"] = "http://127.0.0.1:9999",
                    ["keyId"] = "key-1",
                    ["keySecret"] = keySecret?.DeepClone(),
                    ["version"] = "0.1.0",
                },
                ["outputs"] = new JsonObject { ["projectId"] = Senders.Project },
            },
        };
        foreach (var id in senderIds)
        {
            resources.Add(new JsonObject
            {
                ["urn"] = $"urn:pulumi:dev::shop::kakao:index:KakaoSender::{id.TrimStart('@')}",
                ["custom"] = true,
                ["id"] = id,
                ["type"] = "kakao:index:KakaoSender",
                ["inputs"] = new JsonObject { ["plusFriendId"] = id, ["name"] = "Sinch Demo Shop", ["adminPhoneNo"] = Encrypted() },
                ["outputs"] = new JsonObject { ["plusFriendId"] = id, ["status"] = "PENDING_VERIFICATION", ["adminPhoneNo"] = Encrypted() },
                ["parent"] = "urn:pulumi:dev::shop::pulumi:pulumi:Stack::shop-dev",
                ["provider"] = ProviderUrn + "::" + ProviderId,
            });
        }

        return new JsonObject
        {
            ["version"] = 3,
            ["deployment"] = new JsonObject
            {
                ["manifest"] = new JsonObject { ["time"] = "2026-11-26T12:00:00Z", ["version"] = "v3.200.0" },
                ["secrets_providers"] = new JsonObject { ["type"] = "passphrase" },
                ["resources"] = resources,
            },
        }.ToJsonString();
    }

    public static PulumiDeployment Deployment(JsonNode? keySecret, params string[] senderIds) =>
        PulumiDeployment.Parse(ExportJson(keySecret, senderIds));
}
