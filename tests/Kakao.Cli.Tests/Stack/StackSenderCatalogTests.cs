using System.Text.Json.Nodes;
using Kakao.Cli.Pulumi;
using Kakao.Cli.Stack;
using Kakao.Cli.Tests.Support;

namespace Kakao.Cli.Tests.Stack;

public class StackSenderCatalogTests
{
    [Test]
    public void Find_ExportWithTwoSenders_LinksEachToItsProvider()
    {
        var senders = StackSenderCatalog.Find(Deployments.Deployment(Deployments.Encrypted(), "@a", "@b"));

        Assert.That(senders.Select(s => s.PlusFriendId), Is.EqualTo(new[] { "@a", "@b" }));
        Assert.That(senders.Select(s => s.Provider?.Urn), Is.All.EqualTo(Deployments.ProviderUrn));
    }

    [Test]
    public void Find_SenderWithOwnProjectId_KeepsItToOverrideTheProviders()
    {
        var json = JsonNode.Parse(Deployments.ExportJson(null, "@a"))!;
        var sender = json["deployment"]!["resources"]!.AsArray().Single(r => r!["type"]!.GetValue<string>() == StackSenderCatalog.SenderType)!;
        sender["inputs"]!["projectId"] = "other-project";

        var found = StackSenderCatalog.Find(PulumiDeployment.Parse(json.ToJsonString())).Single();

        Assert.That(found.ProjectId, Is.EqualTo("other-project"));
    }

    [Test]
    public void Parse_MalformedResources_SkipsThemWithoutCrashing()
    {
        const string json = """{"version":3,"deployment":{"resources":[42,{"type":"kakao:index:KakaoSender"},{"urn":"u","type":"kakao:index:KakaoSender","inputs":"oops"}]}}""";

        var deployment = PulumiDeployment.Parse(json);

        Assert.That(deployment.Resources, Has.Count.EqualTo(1));
        Assert.That(StackSenderCatalog.Find(deployment), Is.Empty, "no id anywhere, so no sender");
    }

    [Test]
    public void Parse_EmptyStack_HasNoResources() =>
        Assert.That(PulumiDeployment.Parse("""{"version":3,"deployment":{"manifest":{}}}""").Resources, Is.Empty);

    [Test]
    public void ReadString_EncryptedSecret_ReportsEncryptedWithoutValue() =>
        Assert.That(PulumiSecrets.ReadString(Deployments.Encrypted()), Is.EqualTo(((string?)null, true, true)));

    [Test]
    public void ToString_Resource_ShowsNoProperties()
    {
        var provider = Deployments.Deployment(Deployments.Secret("top-secret"), "@a").Resources.Single(r => r.Type == StackSenderCatalog.ProviderType);

        Assert.That(provider.ToString(), Does.Not.Contain("top-secret"));
    }
}
