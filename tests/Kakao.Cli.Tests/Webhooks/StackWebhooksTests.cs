using System.Text.Json.Nodes;
using Kakao.Cli.Tests.Support;
using Kakao.Cli.Webhooks;
using Moq;

namespace Kakao.Cli.Tests.Webhooks;

public class StackWebhooksTests
{
    private const string HooksSecret = "whsec-stack-sentinel-0001";
    private const string OtherSecret = "whsec-stack-sentinel-0002";

    [Test]
    public async Task ResolveAsync_ByName_ReadsTheDecryptedSecretFromAShowSecretsExport()
    {
        var workspace = Workspace(Hook("hooks", "https://tunnel.example.com/kakao", HooksSecret), Hook("audit", "https://audit.example.com/", OtherSecret));

        var hook = await StackWebhooks.ResolveAsync(workspace.Object, "dev", "audit", null, CancellationToken.None);

        Assert.That(hook.Secret, Is.EqualTo(OtherSecret));
        Assert.That(hook.WebhookId, Is.EqualTo("0123456789abcdef0123456789abcdef"));
        Assert.That(hook.ProjectId, Is.EqualTo(Senders.Project));
        Assert.That(hook.ToString(), Does.Contain("audit").And.Not.Contain(OtherSecret));
        workspace.Verify(w => w.ExportStackAsync("dev", true, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task ResolveAsync_SeveralWithoutName_PicksTheOneWhoseTargetSinchCalls()
    {
        var workspace = Workspace(Hook("hooks", "https://tunnel.example.com/kakao/", HooksSecret), Hook("audit", "https://audit.example.com/", OtherSecret));

        var hook = await StackWebhooks.ResolveAsync(workspace.Object, "dev", null, new Uri("https://TUNNEL.example.com/kakao"), CancellationToken.None);

        Assert.That(hook.Name, Is.EqualTo("hooks"));
        Assert.That(hook.Secret, Is.EqualTo(HooksSecret));
    }

    [Test]
    public void ResolveAsync_NoneMatchesTheTarget_ConfigurationErrorNamingThemWithoutTheirSecrets()
    {
        var workspace = Workspace(Hook("hooks", "https://tunnel.example.com/kakao", HooksSecret), Hook("audit", "https://audit.example.com/", OtherSecret));

        var ex = Assert.ThrowsAsync<ConfigurationException>(() => StackWebhooks.ResolveAsync(workspace.Object, "dev", null, new Uri("http://127.0.0.1:8787/"), CancellationToken.None));

        Assert.That(ex!.Message, Does.Contain("hooks").And.Contain("audit").And.Contain("--webhook-resource NAME"));
        Assert.That(ex.Message, Does.Not.Contain(HooksSecret).And.Not.Contain(OtherSecret));
    }

    [Test]
    public void ResolveAsync_UnknownName_ConfigurationError()
    {
        var workspace = Workspace(Hook("hooks", "https://tunnel.example.com/kakao", HooksSecret));

        var ex = Assert.ThrowsAsync<ConfigurationException>(() => StackWebhooks.ResolveAsync(workspace.Object, "dev", "nope", null, CancellationToken.None));

        Assert.That(ex!.Message, Does.Contain("no kakao:index:Webhook of that name").And.Contain("hooks").And.Not.Contain(HooksSecret));
    }

    [Test]
    public void ResolveAsync_StackWithoutWebhook_ConfigurationErrorSayingWhatToDo()
    {
        var workspace = Workspace();

        var ex = Assert.ThrowsAsync<ConfigurationException>(() => StackWebhooks.ResolveAsync(workspace.Object, "dev", null, null, CancellationToken.None));

        Assert.That(ex!.Message, Does.Contain("has no kakao:index:Webhook").And.Contain("drop --webhook-resource"));
    }

    [Test]
    public void ResolveAsync_TriggersWithoutSenderActive_ConfigurationError()
    {
        var workspace = Workspace(Hook("hooks", "https://tunnel.example.com/kakao", HooksSecret, triggers: ["KAKAOTALK_TEMPLATE_APPROVED"]));

        var ex = Assert.ThrowsAsync<ConfigurationException>(() => StackWebhooks.ResolveAsync(workspace.Object, "dev", "hooks", null, CancellationToken.None));

        Assert.That(ex!.Message, Does.Contain("KAKAOTALK_SENDER_ACTIVE").And.Not.Contain(HooksSecret));
    }

    [Test]
    public async Task ResolveAsync_TriggersAll_Accepted()
    {
        var workspace = Workspace(Hook("hooks", "https://tunnel.example.com/kakao", HooksSecret, triggers: ["ALL"]));

        var hook = await StackWebhooks.ResolveAsync(workspace.Object, "dev", "hooks", null, CancellationToken.None);

        Assert.That(hook.Triggers, Is.EqualTo(new[] { "ALL" }));
    }

    [Test]
    public void ResolveAsync_SecretStillEncrypted_ConfigurationErrorAboutThePassphrase()
    {
        var workspace = Workspace(Hook("hooks", "https://tunnel.example.com/kakao", null));

        var ex = Assert.ThrowsAsync<ConfigurationException>(() => StackWebhooks.ResolveAsync(workspace.Object, "dev", "hooks", null, CancellationToken.None));

        Assert.That(ex!.Message, Does.Contain("encrypted").And.Contain("PULUMI_CONFIG_PASSPHRASE"));
    }

    /// <summary>A Webhook resource as <c>stack export --show-secrets</c> prints it (a null secret: still encrypted).</summary>
    internal static JsonObject Hook(string name, string target, string? secret, string[]? triggers = null, string projectId = Senders.Project) => new()
    {
        ["urn"] = $"urn:pulumi:dev::shop::kakao:index:Webhook::{name}",
        ["custom"] = true,
        ["type"] = StackWebhooks.WebhookType,
        ["id"] = "0123456789abcdef0123456789abcdef",
        ["inputs"] = new JsonObject
        {
            ["target"] = target,
            ["secret"] = secret is null ? Deployments.Encrypted() : Deployments.Secret(secret),
            ["triggers"] = new JsonArray((triggers ?? ["KAKAOTALK_SENDER_ACTIVE", "KAKAOTALK_SENDER_REJECTED"]).Select(t => (JsonNode)JsonValue.Create(t)!).ToArray()),
        },
        ["outputs"] = new JsonObject
        {
            ["target"] = target,
            ["secret"] = secret is null ? Deployments.Encrypted() : Deployments.Secret(secret),
            ["triggers"] = new JsonArray((triggers ?? ["KAKAOTALK_SENDER_ACTIVE", "KAKAOTALK_SENDER_REJECTED"]).Select(t => (JsonNode)JsonValue.Create(t)!).ToArray()),
            ["webhookId"] = "0123456789abcdef0123456789abcdef",
            ["projectId"] = projectId,
        },
    };

    internal static Mock<IPulumiWorkspace> Workspace(params JsonObject[] hooks)
    {
        var export = new JsonObject { ["version"] = 3, ["deployment"] = new JsonObject { ["resources"] = new JsonArray(hooks.Select(h => (JsonNode)h).ToArray()) } };
        var workspace = new Mock<IPulumiWorkspace>(MockBehavior.Strict);
        workspace.Setup(w => w.ExportStackAsync(It.IsAny<string?>(), true, It.IsAny<CancellationToken>())).ReturnsAsync(PulumiDeployment.Parse(export.ToJsonString()));
        return workspace;
    }
}
