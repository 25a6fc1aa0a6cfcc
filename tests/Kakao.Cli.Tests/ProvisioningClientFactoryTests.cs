using Kakao.Cli.Stack;
using Kakao.Provisioning;

namespace Kakao.Cli.Tests;

public class ProvisioningClientFactoryTests
{
    [Test]
    public void Create_SettingsTheClientRefuses_IsConfigurationErrorWithoutTheSecret()
    {
        var connection = new SinchConnection("p", new Uri("https://x.example.com/?q=1"), null, "key", "the-secret", ProvisioningAuthMode.Basic);

        var ex = Assert.Throws<ConfigurationException>(() => new ProvisioningClientFactory(TimeProvider.System).Create(connection));

        Assert.That(ex!.Message, Does.Not.Contain("the-secret"));
    }

    [Test]
    public void Create_ValidSettings_ClientAddressesTheProject()
    {
        var connection = new SinchConnection("proj-9", new Uri("http://127.0.0.1:1"), null, "key", "secret", ProvisioningAuthMode.Basic);

        using var client = new ProvisioningClientFactory(TimeProvider.System).Create(connection);

        Assert.That(client.ProjectId, Is.EqualTo("proj-9"));
    }
}
