using Kakao.Provider.Configuration;
using Kakao.Provisioning;
using Moq;

namespace Kakao.Provider.Tests.TestSupport;

/// <summary>A configured client provider whose client is a strict Moq mock.</summary>
internal static class MockClients
{
    public static (ConfiguredClients Provider, Mock<ProvisioningClient> Client) Create()
    {
        var client = new Mock<ProvisioningClient>(MockBehavior.Strict);
        client.SetupGet(c => c.ProjectId).Returns(Samples.ProjectId);
        var provider = new ConfiguredClients(_ => client.Object);
        provider.Configure(new ProviderConfiguration { ProjectId = Samples.ProjectId, KeyId = "key", KeySecret = "secret" });
        return (provider, client);
    }

    public static ProvisioningApiException ApiError(int status, string code) => new(status, code, $"answer {code}");
}
