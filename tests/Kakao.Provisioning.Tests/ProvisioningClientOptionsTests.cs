namespace Kakao.Provisioning.Tests;

public class ProvisioningClientOptionsTests
{
    private static ProvisioningClientOptions Valid() => new() { ProjectId = "p", KeyId = "k", KeySecret = "secret-value" };

    [Test]
    public void Validate_DefaultsWithCredentials_Passes() => Assert.DoesNotThrow(() => Valid().Validate());

    [Test]
    public void Defaults_AreTheDocumentedOnes()
    {
        var options = new ProvisioningClientOptions();
        Assert.Multiple(() =>
        {
            Assert.That(options.Endpoint, Is.EqualTo(new Uri("https://provisioning.api.sinch.com")));
            Assert.That(options.AuthEndpoint, Is.EqualTo(new Uri("https://auth.sinch.com")));
            Assert.That(options.AuthMode, Is.EqualTo(ProvisioningAuthMode.OAuth2), "OAuth2, as Sinch recommends");
            Assert.That(options.MaxRetries, Is.EqualTo(4));
            Assert.That(options.RetryBaseDelay, Is.EqualTo(TimeSpan.FromMilliseconds(500)));
            Assert.That(options.MaxRetryDelay, Is.EqualTo(TimeSpan.FromSeconds(30)));
            Assert.That(options.AttemptTimeout, Is.EqualTo(TimeSpan.FromSeconds(30)));
            Assert.That(options.RequestTimeout, Is.EqualTo(TimeSpan.FromMinutes(2)));
            Assert.That(options.TokenRefreshMargin, Is.EqualTo(TimeSpan.FromSeconds(60)));
            Assert.That(options.TimeProvider, Is.SameAs(TimeProvider.System));
        });
    }

    [TestCase("http://localhost:5080")]
    [TestCase("http://LOCALHOST")]
    [TestCase("http://127.0.0.1:1234")]
    [TestCase("http://127.10.20.30")]
    [TestCase("http://[::1]:8080")]
    [TestCase("https://provisioning.example.com")]
    public void Validate_AllowedEndpoint_Passes(string endpoint)
    {
        var options = Valid();
        options.Endpoint = new Uri(endpoint);
        options.AuthEndpoint = new Uri(endpoint);
        Assert.DoesNotThrow(options.Validate);
    }

    [TestCase("http://provisioning.api.sinch.com")]
    [TestCase("http://10.0.0.1")]
    [TestCase("http://128.0.0.1")]
    [TestCase("http://localhost.evil.com")]
    [TestCase("ftp://localhost")]
    public void Validate_NonLoopbackHttpOrOtherScheme_ThrowsNamingEndpoint(string endpoint)
    {
        var options = Valid();
        options.Endpoint = new Uri(endpoint);
        var ex = Assert.Throws<ArgumentException>(options.Validate);
        Assert.That(ex!.ParamName, Is.EqualTo(nameof(ProvisioningClientOptions.Endpoint)));
    }

    [Test]
    public void Validate_HttpAuthEndpointOffLoopback_ThrowsNamingAuthEndpoint()
    {
        var options = Valid();
        options.AuthEndpoint = new Uri("http://auth.sinch.com");
        var ex = Assert.Throws<ArgumentException>(options.Validate);
        Assert.That(ex!.ParamName, Is.EqualTo(nameof(ProvisioningClientOptions.AuthEndpoint)));
    }

    [TestCase(nameof(ProvisioningClientOptions.ProjectId))]
    [TestCase(nameof(ProvisioningClientOptions.KeyId))]
    [TestCase(nameof(ProvisioningClientOptions.KeySecret))]
    public void Validate_MissingCredential_ThrowsNamingIt(string property)
    {
        var options = Valid();
        typeof(ProvisioningClientOptions).GetProperty(property)!.SetValue(options, "  ");
        var ex = Assert.Throws<ArgumentException>(options.Validate);
        Assert.That(ex!.ParamName, Is.EqualTo(property));
    }

    private static IEnumerable<TestCaseData> OutOfRangeSettings()
    {
        yield return new TestCaseData((Action<ProvisioningClientOptions>)(o => o.MaxRetries = -1), nameof(ProvisioningClientOptions.MaxRetries));
        yield return new TestCaseData((Action<ProvisioningClientOptions>)(o => o.MaxRetries = 21), nameof(ProvisioningClientOptions.MaxRetries));
        yield return new TestCaseData((Action<ProvisioningClientOptions>)(o => o.RetryBaseDelay = TimeSpan.FromSeconds(-1)), nameof(ProvisioningClientOptions.RetryBaseDelay));
        yield return new TestCaseData((Action<ProvisioningClientOptions>)(o => o.RetryBaseDelay = TimeSpan.FromMinutes(1)), nameof(ProvisioningClientOptions.RetryBaseDelay));
        yield return new TestCaseData((Action<ProvisioningClientOptions>)(o => o.MaxRetryDelay = TimeSpan.FromHours(2)), nameof(ProvisioningClientOptions.MaxRetryDelay));
        yield return new TestCaseData((Action<ProvisioningClientOptions>)(o => o.AttemptTimeout = TimeSpan.Zero), nameof(ProvisioningClientOptions.AttemptTimeout));
        yield return new TestCaseData((Action<ProvisioningClientOptions>)(o => o.RequestTimeout = TimeSpan.FromDays(2)), nameof(ProvisioningClientOptions.RequestTimeout));
        yield return new TestCaseData((Action<ProvisioningClientOptions>)(o => o.TokenRefreshMargin = TimeSpan.FromSeconds(-5)), nameof(ProvisioningClientOptions.TokenRefreshMargin));
        yield return new TestCaseData((Action<ProvisioningClientOptions>)(o => o.AuthMode = (ProvisioningAuthMode)7), nameof(ProvisioningClientOptions.AuthMode));
        yield return new TestCaseData((Action<ProvisioningClientOptions>)(o => o.TimeProvider = null!), nameof(ProvisioningClientOptions.TimeProvider));
        yield return new TestCaseData((Action<ProvisioningClientOptions>)(o => o.Endpoint = new Uri("https://x.test/?q=1")), nameof(ProvisioningClientOptions.Endpoint));
    }

    [TestCaseSource(nameof(OutOfRangeSettings))]
    public void Validate_OutOfRangeSetting_ThrowsNamingIt(Action<ProvisioningClientOptions> breakIt, string property)
    {
        var options = Valid();
        breakIt(options);
        var ex = Assert.Throws<ArgumentException>(options.Validate);
        Assert.That(ex!.ParamName, Is.EqualTo(property));
    }

    [Test]
    public void Validate_InfiniteTimeouts_Pass()
    {
        var options = Valid();
        options.AttemptTimeout = Timeout.InfiniteTimeSpan;
        options.RequestTimeout = Timeout.InfiniteTimeSpan;
        Assert.DoesNotThrow(options.Validate);
    }

    [Test]
    public void ToString_NeverShowsTheKeySecret() =>
        Assert.That(Valid().ToString(), Does.Not.Contain("secret-value").And.Contain("KeySecret = ***"));

    [Test]
    public void Constructor_InvalidOptions_ThrowsBeforeAnyRequest()
    {
        var options = Valid();
        options.Endpoint = new Uri("http://example.com");
        using var handler = new HttpClientHandler();
        Assert.Throws<ArgumentException>(() => _ = new ProvisioningClient(options, handler));
    }

    [Test]
    public void Constructor_LaterChangesToOptions_DoNotAffectTheClient()
    {
        var options = Valid();
        using var handler = new HttpClientHandler();
        using var client = new ProvisioningClient(options, handler);
        options.ProjectId = "other";
        Assert.That(client.ProjectId, Is.EqualTo("p"));
    }
}
