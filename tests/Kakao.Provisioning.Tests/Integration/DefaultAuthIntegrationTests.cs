namespace Kakao.Provisioning.Tests.Integration;

/// <summary>OAuth2 is the default; a loopback endpoint (the emulator) is its own token service.</summary>
public class DefaultAuthIntegrationTests : EmulatorFixture
{
    [Test]
    public async Task DefaultOptions_AgainstTheEmulator_FetchATokenThereAndSendBearer()
    {
        using var client = new ProvisioningClient(new ProvisioningClientOptions
        {
            Endpoint = Server.BaseAddress,
            ProjectId = ProjectId,
            KeyId = "emulator-key",
            KeySecret = "emulator-secret",
        });

        int tokensBefore = (await Control.RequestsAsync("/oauth2/token")).Count;
        await client.ListSendersPageAsync();
        var tokens = await Control.RequestsAsync("/oauth2/token");
        var list = (await Control.RequestsAsync(SendersPath)).Single();
        Assert.Multiple(() =>
        {
            Assert.That(tokens, Has.Count.EqualTo(tokensBefore + 1), "one token, fetched from the emulator");
            Assert.That(list.AuthScheme, Is.EqualTo("Bearer"));
        });
    }

    [Test]
    public async Task BasicOnRequest_SendsTheKeyAndNoTokenRequest()
    {
        using var client = NewClient(o => o.AuthMode = ProvisioningAuthMode.Basic);
        int tokensBefore = (await Control.RequestsAsync("/oauth2/token")).Count;

        await client.ListSendersPageAsync();

        Assert.That(await Control.RequestsAsync("/oauth2/token"), Has.Count.EqualTo(tokensBefore));
        Assert.That((await Control.RequestsAsync(SendersPath)).Single().AuthScheme, Is.EqualTo("Basic"));
    }
}
