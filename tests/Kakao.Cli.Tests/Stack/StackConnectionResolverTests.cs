using System.Text.Json.Nodes;
using Kakao.Cli.Pulumi;
using Kakao.Cli.Stack;
using Kakao.Cli.Tests.Support;
using Kakao.Provisioning;
using Moq;

namespace Kakao.Cli.Tests.Stack;

public class StackConnectionResolverTests
{
    private static StackSender SenderWith(JsonNode? keySecret) =>
        StackSenderCatalog.Find(Deployments.Deployment(keySecret, Senders.Id)).Single();

    [Test]
    public async Task ResolveAsync_EncryptedSecretAndEnvSet_UsesEnvWithoutAskingPulumi()
    {
        var workspace = new Mock<IPulumiWorkspace>(MockBehavior.Strict);
        var resolver = new StackConnectionResolver(workspace.Object, "dev", name => name == "SINCH_KEY_SECRET" ? "from-env" : null);

        var connection = await resolver.ResolveAsync(SenderWith(Deployments.Encrypted()), CancellationToken.None);

        Assert.That(connection.KeySecret, Is.EqualTo("from-env"));
        Assert.That(connection.ProjectId, Is.EqualTo(Senders.Project));
    }

    [Test]
    public async Task ResolveAsync_EncryptedSecretNoEnv_ReadsDecryptedStackConfig()
    {
        var workspace = new Mock<IPulumiWorkspace>(MockBehavior.Strict);
        workspace.Setup(w => w.GetConfigAsync("dev", "kakao:keySecret", It.IsAny<CancellationToken>())).ReturnsAsync(new PulumiConfigValue("from-config", true));
        var resolver = new StackConnectionResolver(workspace.Object, "dev", _ => null);

        var connection = await resolver.ResolveAsync(SenderWith(Deployments.Encrypted()), CancellationToken.None);

        Assert.That(connection.KeySecret, Is.EqualTo("from-config"));
    }

    [Test]
    public async Task ResolveAsync_ExplicitProviderSecretNotInConfig_FallsBackToShowSecretsExportOnce()
    {
        var workspace = new Mock<IPulumiWorkspace>(MockBehavior.Strict);
        workspace.Setup(w => w.GetConfigAsync("dev", "kakao:keySecret", It.IsAny<CancellationToken>())).ReturnsAsync((PulumiConfigValue?)null);
        workspace.Setup(w => w.ExportStackAsync("dev", true, It.IsAny<CancellationToken>()))
            .ReturnsAsync(Deployments.Deployment(Deployments.Secret("from-export"), Senders.Id));
        var resolver = new StackConnectionResolver(workspace.Object, "dev", _ => null);
        var sender = SenderWith(Deployments.Encrypted());

        var first = await resolver.ResolveAsync(sender, CancellationToken.None);
        var second = await resolver.ResolveAsync(sender, CancellationToken.None);

        Assert.That(first.KeySecret, Is.EqualTo("from-export"));
        Assert.That(second.KeySecret, Is.EqualTo("from-export"));
        workspace.Verify(w => w.ExportStackAsync("dev", true, It.IsAny<CancellationToken>()), Times.Once);
        workspace.Verify(w => w.GetConfigAsync("dev", "kakao:keySecret", It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public void ResolveAsync_NoSecretAnywhere_ConfigurationErrorNamesTheVariable()
    {
        var workspace = new Mock<IPulumiWorkspace>(MockBehavior.Strict);
        workspace.Setup(w => w.GetConfigAsync("dev", "kakao:keySecret", It.IsAny<CancellationToken>())).ReturnsAsync((PulumiConfigValue?)null);
        var resolver = new StackConnectionResolver(workspace.Object, "dev", _ => null);

        var ex = Assert.ThrowsAsync<ConfigurationException>(() => resolver.ResolveAsync(SenderWith(null), CancellationToken.None));

        Assert.That(ex!.Message, Does.Contain("SINCH_KEY_SECRET").And.Contain(Senders.Id));
    }

    [Test]
    public async Task ResolveAsync_NoProviderInCheckpoint_ReadsStackConfigThenEnvironment()
    {
        var json = JsonNode.Parse(Deployments.ExportJson(null, Senders.Id))!;
        json["deployment"]!["resources"]!.AsArray().Single(r => r!["type"]!.GetValue<string>() == "kakao:index:KakaoSender")!.AsObject().Remove("provider");
        var sender = StackSenderCatalog.Find(PulumiDeployment.Parse(json.ToJsonString())).Single();
        var workspace = new Mock<IPulumiWorkspace>();
        workspace.Setup(w => w.GetConfigAsync("dev", "kakao:projectId", It.IsAny<CancellationToken>())).ReturnsAsync(new PulumiConfigValue("cfg-project", false));
        workspace.Setup(w => w.GetConfigAsync("dev", "kakao:authMode", It.IsAny<CancellationToken>())).ReturnsAsync(new PulumiConfigValue("oauth2", false));
        var env = new Dictionary<string, string?> { ["SINCH_KEY_ID"] = "env-key", ["SINCH_KEY_SECRET"] = "env-secret" };
        var resolver = new StackConnectionResolver(workspace.Object, "dev", env.GetValueOrDefault);

        var connection = await resolver.ResolveAsync(sender, CancellationToken.None);

        Assert.That(sender.Provider, Is.Null);
        Assert.That(connection.ProjectId, Is.EqualTo("cfg-project"));
        Assert.That(connection.KeyId, Is.EqualTo("env-key"));
        Assert.That(connection.AuthMode, Is.EqualTo(ProvisioningAuthMode.OAuth2));
        Assert.That(connection.Endpoint, Is.EqualTo(ProvisioningClientOptions.DefaultEndpoint));
    }
}
