using Kakao.Provider.Configuration;
using Kakao.Provider.Models;
using Kakao.Provisioning;
using Moq;

namespace Kakao.Provider.Tests.Configuration;

public class ConfiguredClientsTests
{
    [Test]
    public void Configure_DoesNotCreateTheClient()
    {
        int created = 0;
        using var provider = new ConfiguredClients(_ => { created++; return new Mock<ProvisioningClient>().Object; });

        provider.Configure(new ProviderConfiguration { ProjectId = "p", KeyId = "k", KeySecret = "s" });

        Assert.That(created, Is.Zero);
    }

    [Test]
    public void GetClient_CalledTwice_CreatesOneClientWithTheSettings()
    {
        var seen = new List<ProvisioningClientOptions>();
        var client = new Mock<ProvisioningClient>();
        client.SetupGet(c => c.ProjectId).Returns("p");
        using var provider = new ConfiguredClients(o => { seen.Add(o); return client.Object; });
        provider.Configure(new ProviderConfiguration { ProjectId = "p", KeyId = "k", KeySecret = "s", MaxRetries = 2 });

        var first = provider.GetClient();
        var second = provider.GetClient("p");

        Assert.Multiple(() =>
        {
            Assert.That(second, Is.SameAs(first));
            Assert.That(seen, Has.Count.EqualTo(1));
            Assert.That(seen[0].MaxRetries, Is.EqualTo(2));
            Assert.That(seen[0].KeySecret, Is.EqualTo("s"));
        });
    }

    [Test]
    public void GetClient_BeforeConfigure_IsNotConfigured()
    {
        using var provider = new ConfiguredClients(_ => throw new AssertionException("must not be created"));

        Assert.Throws<NotConfiguredException>(() => provider.GetClient());
    }

    [Test]
    public void GetClient_InvalidOptions_IsInvalidInput()
    {
        using var provider = new ConfiguredClients(_ => throw new ArgumentException("KeyId is required"));
        provider.Configure(new ProviderConfiguration { ProjectId = "p", KeyId = "k", KeySecret = "s" });

        Assert.Throws<InvalidInputException>(() => provider.GetClient());
    }
}
