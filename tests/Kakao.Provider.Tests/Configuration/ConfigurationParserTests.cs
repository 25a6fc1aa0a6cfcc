using Kakao.Provider.Configuration;
using Kakao.Provider.Models;
using Kakao.Provisioning;

namespace Kakao.Provider.Tests.Configuration;

public class ConfigurationParserTests
{
    private static ConfigurationParser Parser(params (string Name, string Value)[] env)
    {
        var values = env.ToDictionary(e => e.Name, e => e.Value);
        return new ConfigurationParser(name => values.GetValueOrDefault(name));
    }

    private static PropertyMap Config(params (string Key, PropertyValue Value)[] values)
    {
        var builder = new PropertyMapBuilder();
        foreach (var (key, value) in values)
        {
            builder.Set(key, value);
        }

        return builder.Build();
    }

    private static PropertyMap Complete() => Config(
        ("projectId", PropertyValue.Create("p1")),
        ("keyId", PropertyValue.Create("k1")),
        ("keySecret", PropertyValue.Secret(PropertyValue.Create("s1"))));

    [Test]
    public void Parse_CompleteConfig_UsesValuesAndDefaults()
    {
        var config = Parser().Parse(Complete())!;

        Assert.Multiple(() =>
        {
            Assert.That(config.ProjectId, Is.EqualTo("p1"));
            Assert.That(config.KeySecret, Is.EqualTo("s1"));
            Assert.That(config.Endpoint, Is.EqualTo(ProvisioningClientOptions.DefaultEndpoint));
            Assert.That(config.AuthMode, Is.EqualTo(ProvisioningAuthMode.OAuth2), "OAuth2 unless basic is asked for");
            Assert.That(config.MaxRetries, Is.Null);
        });
    }

    [Test]
    public void Parse_EmptyConfig_FallsBackToEnvironment()
    {
        var config = Parser(("SINCH_PROJECT_ID", "env-p"), ("SINCH_KEY_ID", "env-k"), ("SINCH_KEY_SECRET", "env-s"), ("KAKAO_ENDPOINT", "http://127.0.0.1:5005"))
            .Parse(PropertyMap.Empty)!;

        Assert.Multiple(() =>
        {
            Assert.That(config.ProjectId, Is.EqualTo("env-p"));
            Assert.That(config.KeyId, Is.EqualTo("env-k"));
            Assert.That(config.KeySecret, Is.EqualTo("env-s"));
            Assert.That(config.Endpoint, Is.EqualTo(new Uri("http://127.0.0.1:5005")));
        });
    }

    [Test]
    public void Parse_ConfigValue_WinsOverEnvironment()
    {
        var config = Parser(("SINCH_PROJECT_ID", "env-p")).Parse(Complete())!;

        Assert.That(config.ProjectId, Is.EqualTo("p1"));
    }

    [Test]
    public void Parse_MissingKeys_ThrowsNamingEachQualifiedKey()
    {
        var error = Assert.Throws<MissingConfigurationException>(() => Parser().Parse(Config(("projectId", PropertyValue.Create("p1")))));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Keys.Select(k => k.Name), Is.EqualTo(new[] { "kakao:keyId", "kakao:keySecret" }));
            Assert.That(error.Keys[1].Description, Does.Contain("SINCH_KEY_SECRET"));
        });
    }

    [Test]
    public void Parse_UnknownValues_ReturnsNullInsteadOfMissing()
    {
        var config = Parser().Parse(Config(("projectId", PropertyValue.Computed())));

        Assert.That(config, Is.Null);
    }

    [Test]
    public void Parse_NumbersAsStrings_AreRead()
    {
        var config = Parser().Parse(Complete()
            .With("maxRetries", PropertyValue.Create("6"))
            .With("requestTimeout", PropertyValue.Create("30"))
            .With("authMode", PropertyValue.Create("OAuth2")))!;

        Assert.Multiple(() =>
        {
            Assert.That(config.MaxRetries, Is.EqualTo(6));
            Assert.That(config.RequestTimeout, Is.EqualTo(TimeSpan.FromSeconds(30)));
            Assert.That(config.AuthMode, Is.EqualTo(ProvisioningAuthMode.OAuth2));
            Assert.That(config.ToClientOptions().RequestTimeout, Is.EqualTo(TimeSpan.FromSeconds(30)));
        });
    }

    [Test]
    public void Parse_HttpEndpointFromEnvironmentNotLoopback_IsRejected()
    {
        Assert.Throws<InvalidInputException>(() => Parser(("KAKAO_ENDPOINT", "http://example.com")).Parse(Complete()));
    }

    [TestCase("endpoint", "http://example.com")]
    [TestCase("endpoint", "not a url")]
    [TestCase("authEndpoint", "ftp://auth.example.com")]
    [TestCase("authMode", "token")]
    [TestCase("maxRetries", "11")]
    [TestCase("maxRetries", "1.5")]
    [TestCase("maxRetries", "many")]
    [TestCase("requestTimeout", "0")]
    [TestCase("projectId", "")]
    public void Check_BadValue_FailsNamingTheKey(string key, string value)
    {
        var result = Parser().Check(Complete().With(key, PropertyValue.Create(value)));

        Assert.That(result.Failures.Select(f => f.Property), Is.EqualTo(new[] { key }));
    }

    [TestCase("https://provisioning.api.sinch.com")]
    [TestCase("http://127.0.0.1:5005")]
    [TestCase("http://localhost:8080/")]
    public void Check_GoodEndpoint_Passes(string endpoint)
    {
        var result = Parser().Check(Complete().With("endpoint", PropertyValue.Create(endpoint)));

        Assert.That(result.Failures, Is.Empty);
    }

    [Test]
    public void Check_PlainKeySecret_IsStoredAsSecret()
    {
        var result = Parser().Check(Complete().With("keySecret", PropertyValue.Create("s1")));

        Assert.That(result.Inputs["keySecret"], Is.EqualTo(PropertyValue.Secret(PropertyValue.Create("s1"))));
    }

    [Test]
    public void Check_MissingKeys_AreNotCheckFailures()
    {
        Assert.That(Parser().Check(PropertyMap.Empty).Failures, Is.Empty);
    }

    [Test]
    public void FromVariables_LegacyMap_ParsesKeysAndTypes()
    {
        var map = ConfigurationParser.FromVariables(new Dictionary<string, string>
        {
            ["kakao:projectId"] = "p1",
            ["kakao:config:maxRetries"] = "3",
            ["kakao:keyId"] = "\"k1\"",
        });

        Assert.Multiple(() =>
        {
            Assert.That(map["projectId"], Is.EqualTo(PropertyValue.Create("p1")));
            Assert.That(map["maxRetries"], Is.EqualTo(PropertyValue.Create(3)));
            Assert.That(map["keyId"], Is.EqualTo(PropertyValue.Create("k1")));
        });
    }

    [Test]
    public void ToString_Configuration_HidesTheSecret()
    {
        var config = Parser().Parse(Complete())!;

        Assert.That(config.ToString(), Does.Not.Contain("s1"));
    }
}
