using Grpc.Core;
using Kakao.Provider.Configuration;
using Kakao.Provider.Grpc;
using Kakao.Provider.Models;
using Kakao.Provisioning;

namespace Kakao.Provider.Tests.Configuration;

/// <summary>A refused key (401) names the settings the key id and secret came from, not Sinch's "check projectId".</summary>
public class AccessKeyRefusedExceptionTests
{
    private static readonly ProvisioningApiException Unauthorized = new(401, "unauthorized_error", "Unauthorized error.", "Verify that projectId is correct.");

    private static ProviderConfiguration Parse(PropertyMap config, params (string Name, string Value)[] env)
    {
        var values = env.ToDictionary(e => e.Name, e => e.Value);
        return new ConfigurationParser(name => values.GetValueOrDefault(name)).Parse(config)!;
    }

    private static PropertyMap Config(params (string Key, string Value)[] values)
    {
        var builder = new PropertyMapBuilder();
        foreach (var (key, value) in values)
        {
            builder.Set(key, PropertyValue.Create(value));
        }

        return builder.Build();
    }

    [Test]
    public void Explain_KeyIdFromConfigSecretFromEnvironment_NamesBothSettingsAndQuotesSinch()
    {
        var configuration = Parse(Config(("projectId", "p1"), ("keyId", "k1")), ("SINCH_KEY_SECRET", "very-secret-value"));

        var explained = AccessKeyRefusedException.Explain(Unauthorized, configuration);

        Assert.That(explained.Message, Does.Contain("refused the access key")
            .And.Contain("configuration key kakao:keyId")
            .And.Contain("environment variable SINCH_KEY_SECRET")
            .And.Contain("Unauthorized error.")
            .And.Not.Contain("very-secret-value"));
        Assert.That(ErrorMapping.ToRpcException(explained).StatusCode, Is.EqualTo(StatusCode.Unauthenticated));
        Assert.That(ErrorMapping.ToRpcException(explained).Status.Detail, Does.Contain("kakao:keyId"));
    }

    [Test]
    public void Explain_BothFromEnvironment_NamesTheVariables()
    {
        var configuration = Parse(Config(("projectId", "p1")), ("SINCH_KEY_ID", "k1"), ("SINCH_KEY_SECRET", "s1"));

        Assert.That(AccessKeyRefusedException.Explain(Unauthorized, configuration).Message,
            Does.Contain("environment variable SINCH_KEY_ID").And.Contain("environment variable SINCH_KEY_SECRET"));
    }

    [Test]
    public void Explain_OtherFailuresOrNoConfiguration_AreLeftAsTheyAre()
    {
        var notFound = new ProvisioningApiException(404, "sender_not_found", "Sender not found.");
        var configuration = Parse(Config(("projectId", "p1"), ("keyId", "k1"), ("keySecret", "s1")));

        Assert.That(AccessKeyRefusedException.Explain(notFound, configuration), Is.SameAs(notFound));
        Assert.That(AccessKeyRefusedException.Explain(Unauthorized, null), Is.SameAs(Unauthorized));
    }
}
