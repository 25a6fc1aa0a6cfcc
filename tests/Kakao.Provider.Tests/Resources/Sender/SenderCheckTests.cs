using Kakao.Provider.Models;
using Kakao.Provider.Resources.Sender;
using Kakao.Provider.Tests.TestSupport;

namespace Kakao.Provider.Tests.Resources.Sender;

public class SenderCheckTests
{
    private static CheckResult CheckWith(string key, PropertyValue value) => SenderCheck.Check(Samples.RawInputs().With(key, value));

    [Test]
    public void Check_SampleInputs_PassAndAdminPhoneBecomesSecret()
    {
        var result = SenderCheck.Check(Samples.RawInputs());

        Assert.Multiple(() =>
        {
            Assert.That(result.Failures, Is.Empty);
            Assert.That(result.Inputs[SenderProperties.AdminPhoneNo], Is.EqualTo(Samples.Secret(Samples.AdminPhoneNo)));
            Assert.That(result.Inputs[SenderProperties.Submit], Is.EqualTo(PropertyValue.Create(true)));
            Assert.That(result.Inputs[SenderProperties.PlusFriendId], Is.EqualTo(Samples.S(Samples.PlusFriendId)));
        });
    }

    [TestCase("+48 777-777-777", "+48777777777")]
    [TestCase(" +48 (777) 777.777 ", "+48777777777")]
    [TestCase("+82 10-1234-5678", "+821012345678")]
    public void Check_PhoneWithSeparators_IsNormalised(string written, string stored)
    {
        var result = CheckWith(SenderProperties.AdminPhoneNo, Samples.S(written));

        Assert.Multiple(() =>
        {
            Assert.That(result.Failures, Is.Empty);
            Assert.That(result.Inputs[SenderProperties.AdminPhoneNo], Is.EqualTo(Samples.Secret(stored)));
        });
    }

    [TestCase(SenderProperties.PlusFriendId, "")]
    [TestCase(SenderProperties.PlusFriendId, "@this-id-is-far-too-long-for-kakao")]
    [TestCase(SenderProperties.PlusFriendId, "@with space")]
    [TestCase(SenderProperties.AdminPhoneNo, "call me")]
    [TestCase(SenderProperties.AdminPhoneNo, "+4877777777777777")]
    [TestCase(SenderProperties.AdminPhoneNo, "123")]
    [TestCase(SenderProperties.AdminPhoneNo, "+12345")]
    [TestCase(SenderProperties.AdminPhoneNo, "12345")]
    [TestCase(SenderProperties.AdminPhoneNo, "0107777777")]
    [TestCase(SenderProperties.PlusFriendId, "..")]
    [TestCase(SenderProperties.PlusFriendId, "%2e%2e")]
    [TestCase(SenderProperties.PlusFriendId, "@a/b")]
    [TestCase(SenderProperties.ProjectId, "..")]
    [TestCase(SenderProperties.ProjectId, ".")]
    [TestCase(SenderProperties.ProjectId, "a\\b")]
    [TestCase(SenderProperties.Name, "   ")]
    [TestCase(SenderProperties.TopLevelCategoryCode, "19")]
    [TestCase(SenderProperties.TopLevelCategoryCode, "0190")]
    [TestCase(SenderProperties.MidLevelCategoryCode, "006")]
    [TestCase(SenderProperties.SubLevelCategoryCode, "00a1")]
    [TestCase(SenderProperties.LogoImage, "not a url")]
    [TestCase(SenderProperties.LogoImage, "ftp://example.com/logo.png")]
    [TestCase(SenderProperties.ProjectId, " ")]
    public void Check_InvalidValue_FailsNamingTheProperty(string property, string value)
    {
        var result = CheckWith(property, Samples.S(value));

        Assert.That(result.Failures.Select(f => f.Property), Is.EqualTo(new[] { property }));
    }

    [Test]
    public void Check_NameLongerThan512_Fails()
    {
        var result = CheckWith(SenderProperties.Name, Samples.S(new string('a', 513)));

        Assert.That(result.Failures.Single().Reason, Does.Contain("512"));
    }

    [Test]
    public void Check_InvalidPhone_ReasonDoesNotEchoTheValue()
    {
        var result = CheckWith(SenderProperties.AdminPhoneNo, Samples.S("+48 secret 999"));

        Assert.That(result.Failures.Single().Reason, Does.Not.Contain("999"));
    }

    [Test]
    public void Check_MissingRequired_FailsForEach()
    {
        var result = SenderCheck.Check(PropertyMap.Empty);

        Assert.That(result.Failures.Select(f => f.Property), Is.EquivalentTo(SenderProperties.Required));
    }

    [Test]
    public void Check_UnknownValues_PassUntouched()
    {
        var inputs = Samples.RawInputs()
            .With(SenderProperties.Name, PropertyValue.Computed())
            .With(SenderProperties.TopLevelCategoryCode, PropertyValue.Output(null, secret: false, ["urn:x"]));

        var result = SenderCheck.Check(inputs);

        Assert.Multiple(() =>
        {
            Assert.That(result.Failures, Is.Empty);
            Assert.That(result.Inputs[SenderProperties.Name].IsComputed, Is.True);
            Assert.That(result.Inputs[SenderProperties.TopLevelCategoryCode].IsComputed, Is.True);
        });
    }

    [Test]
    public void Check_SecretInput_StaysSecretAfterNormalisation()
    {
        var result = CheckWith(SenderProperties.Name, Samples.Secret("  Sinch Demo Shop"));

        Assert.That(result.Inputs[SenderProperties.Name], Is.EqualTo(Samples.Secret("  Sinch Demo Shop")));
    }

    [Test]
    public void Check_SecretOutputValue_BecomesSecret()
    {
        var result = CheckWith(SenderProperties.LogoImage, PropertyValue.Output(Samples.S("https://example.com/l.png"), secret: true));

        Assert.That(result.Inputs[SenderProperties.LogoImage], Is.EqualTo(Samples.Secret("https://example.com/l.png")));
    }

    [Test]
    public void Check_UnknownProperty_Fails()
    {
        var result = CheckWith("plusFriendID", Samples.S("@x"));

        Assert.That(result.Failures.Single().Property, Is.EqualTo("plusFriendID"));
    }

    [Test]
    public void Check_SubmitAsText_IsNormalisedToBool()
    {
        var result = CheckWith(SenderProperties.Submit, Samples.S("false"));

        Assert.That(result.Inputs[SenderProperties.Submit], Is.EqualTo(PropertyValue.Create(false)));
    }

    [Test]
    public void Check_SubmitNotBool_Fails()
    {
        var result = CheckWith(SenderProperties.Submit, PropertyValue.Create(3));

        Assert.That(result.Failures.Single().Property, Is.EqualTo(SenderProperties.Submit));
    }

    [Test]
    public void Check_NumberForStringProperty_Fails()
    {
        var result = CheckWith(SenderProperties.TopLevelCategoryCode, PropertyValue.Create(19));

        Assert.That(result.Failures.Single().Property, Is.EqualTo(SenderProperties.TopLevelCategoryCode));
    }

    [Test]
    public void Check_CheckedInputs_AreAFixedPoint()
    {
        var once = SenderCheck.Check(Samples.RawInputs().With(SenderProperties.AdminPhoneNo, Samples.S("+48 777 777 777"))).Inputs;

        Assert.That(SenderCheck.Check(once).Inputs, Is.EqualTo(once));
    }
}
