using Kakao.Provisioning;

namespace Kakao.Provisioning.Tests;

public class ProvisioningSettingRulesTests
{
    [TestCase("https://provisioning.api.sinch.com")]
    [TestCase(" http://127.0.0.1:5005 ")]
    [TestCase("http://localhost:8080/")]
    [TestCase("http://[::1]:5005")]
    public void TryParse_HttpsOrLoopback_Accepts(string text)
    {
        Assert.That(ProvisioningEndpoint.TryParse(text, out var endpoint, out var problem), Is.True, problem);
        Assert.That(endpoint!.AbsoluteUri, Does.StartWith(text.Trim().TrimEnd('/')));
    }

    [TestCase("http://example.com", "non-loopback")]
    [TestCase("ftp://example.com", "https://")]
    [TestCase("not a url", "absolute")]
    [TestCase("", "absolute")]
    [TestCase("https://example.com/?a=1", "query")]
    [TestCase("https://user:pw@example.com", "user info")]
    public void TryParse_AnythingElse_RefusesSayingWhy(string text, string reason)
    {
        Assert.Multiple(() =>
        {
            Assert.That(ProvisioningEndpoint.TryParse(text, out var endpoint, out var problem), Is.False);
            Assert.That(endpoint, Is.Null);
            Assert.That(problem, Does.Contain(reason));
        });
    }

    [Test]
    public void Validate_OptionsWithNonLoopbackHttp_UseTheSameRule()
    {
        var options = new ProvisioningClientOptions { ProjectId = "p", KeyId = "k", KeySecret = "s", Endpoint = new Uri("http://example.com") };

        var error = Assert.Throws<ArgumentException>(options.Validate);

        Assert.That(error!.Message, Does.Contain(ProvisioningEndpoint.Problem(options.Endpoint)));
    }

    [TestCase("oauth2", ProvisioningAuthMode.OAuth2)]
    [TestCase(" OAuth2 ", ProvisioningAuthMode.OAuth2)]
    [TestCase("BASIC", ProvisioningAuthMode.Basic)]
    public void TryParse_KnownAuthMode_ReadsIt(string text, ProvisioningAuthMode expected)
    {
        Assert.Multiple(() =>
        {
            Assert.That(ProvisioningAuthModes.TryParse(text, out var mode), Is.True);
            Assert.That(mode, Is.EqualTo(expected));
            Assert.That(ProvisioningAuthModes.TryParse(ProvisioningAuthModes.ToText(mode), out var again) && again == mode, Is.True, "round trip");
        });
    }

    [TestCase("token")]
    [TestCase("")]
    [TestCase(null)]
    public void TryParse_UnknownAuthMode_Refuses(string? text)
    {
        Assert.That(ProvisioningAuthModes.TryParse(text, out _), Is.False);
    }

    [Test]
    public void All_EnvironmentNames_AreDistinctAndIncludeTheAuthSettings()
    {
        Assert.That(ProvisioningEnvironment.All, Is.Unique.And.Contains("KAKAO_AUTH_MODE").And.Contains("KAKAO_AUTH_ENDPOINT").And.Contains("SINCH_KEY_SECRET"));
    }
}
