using System.Text.Json.Nodes;
using Kakao.Provider.Dispatch;
using Kakao.Provider.Models;
using Kakao.Provider.Resources.Sender;
using Kakao.Provider.Tests.TestSupport;

namespace Kakao.Provider.Tests.Resources.Sender;

/// <summary>Rules that hold for every input: bounded, E.164 phones, secrets never quoted, ids stay in their segment.</summary>
public class SenderInputRulesTests
{
    private const string Sentinel = "SNTLsecretW3q";

    private static IEnumerable<string> TextInputs => SenderProperties.Inputs.Where(p => p != SenderProperties.Submit);

    private static CheckResult CheckWith(string key, PropertyValue value) => SenderCheck.Check(Samples.RawInputs().With(key, value));

    [TestCase("+48777777777")]
    [TestCase("+821012345678")]
    [TestCase("+8227654321")]
    [TestCase("+12025550123")]
    [TestCase("+442071838750")]
    [TestCase("+4930123456")]
    [TestCase("+6562345678")]
    [TestCase("+85291234567")]
    public void PhoneNumberRule_E164Number_Passes(string number) => Assert.That(PhoneNumberRule.Problem(number), Is.Null);

    [TestCase("+12345", "+1")]
    [TestCase("12345", "'+'")]
    [TestCase("0107777777", "national")]
    [TestCase("+4877777777", "+48")]
    [TestCase("+821097531864201", "15")]
    [TestCase("+82109753186420", "+82")]
    [TestCase("+0123456789", "country calling code")]
    [TestCase("+2891234567", "country calling code")]
    [TestCase("+", "country calling code")]
    [TestCase("+48x77777777", "digits")]
    public void PhoneNumberRule_NotE164_SaysWhy(string number, string expected) =>
        Assert.That(PhoneNumberRule.Problem(number), Does.Contain(expected));

    [TestCaseSource(nameof(TextInputs))]
    public void Check_ValueOneOverTheBound_FailsNamingThePropertyAndTheBound(string property)
    {
        int max = SenderInputRules.MaxLengths[property];
        var result = CheckWith(property, Samples.S(new string('7', max + 1)));

        Assert.That(result.Failures.Select(f => f.Property), Is.EqualTo(new[] { property }));
    }

    [Test]
    public void MaxLengths_CoverEveryTextInput() =>
        Assert.That(SenderInputRules.MaxLengths.Keys, Is.EquivalentTo(TextInputs));

    [TestCaseSource(nameof(TextInputs))]
    public void Schema_InputDescription_DocumentsTheUpperBound(string property)
    {
        var schema = JsonNode.Parse(KakaoProvider.GetSchema())!;
        var description = (string)schema["resources"]![SenderProperties.Token]!["inputProperties"]![property]!["description"]!;
        int max = SenderInputRules.MaxLengths[property];
        var written = max <= 4 ? $"{max} digits" : $"{max} characters";

        Assert.That(description, Does.Contain(written), $"the schema tells users the bound of {property}");
    }

    [Test]
    public void Check_OneMegabyteLogoImage_FailsWithoutQuotingIt()
    {
        var huge = "https://example.com/" + new string('a', 1024 * 1024);
        var failure = CheckWith(SenderProperties.LogoImage, Samples.S(huge)).Failures.Single();

        Assert.Multiple(() =>
        {
            Assert.That(failure.Property, Is.EqualTo(SenderProperties.LogoImage));
            Assert.That(failure.Reason, Does.Contain("2048"));
            Assert.That(failure.Reason.Length, Is.LessThan(400));
        });
    }

    /// <summary>Bad values of every kind the rules quote, each carrying the sentinel.</summary>
    private static IEnumerable<TestCaseData> SecretBadValues()
    {
        string[] shapes = ["{0}", " {0} ", "x{0}", "{0}/..", "ftp://{0}", "{0}\u0001", "@{0} with space", "+{0}"];
        foreach (var property in TextInputs)
        {
            foreach (var shape in shapes)
            {
                yield return new TestCaseData(property, string.Format(System.Globalization.CultureInfo.InvariantCulture, shape, Sentinel))
                    .SetName($"Check_SecretBadValue_IsNeverQuoted({property}, {shape.Replace("\u0001", "\\u0001")})");
            }
        }
    }

    [TestCaseSource(nameof(SecretBadValues))]
    public void Check_SecretBadValue_IsNeverQuoted(string property, string value)
    {
        var checkedSecret = CheckWith(property, PropertyValue.Secret(Samples.S(value)));
        var checkedOutput = CheckWith(property, PropertyValue.Output(Samples.S(value), secret: true));

        Assert.Multiple(() =>
        {
            foreach (var failure in checkedSecret.Failures.Concat(checkedOutput.Failures))
            {
                Assert.That(failure.Reason, Does.Not.Contain(Sentinel).And.Not.Contain(Sentinel[..6]), $"{failure.Property}: {failure.Reason}");
            }
        });
    }

    [Test]
    public void WithoutSecret_ReasonQuotingTheValue_MasksEveryOccurrence() =>
        Assert.That(SenderCheck.WithoutSecret($"bad \"{Sentinel}\" and '{Sentinel}'", " " + Sentinel + " "), Is.EqualTo("bad \"(secret)\" and '(secret)'"));

    [TestCase("..")]
    [TestCase(".")]
    [TestCase("%2E%2e")]
    [TestCase("@a\\b")]
    public void RequireAddressable_IdOrProjectLeavingItsSegment_ThrowsNamingTheProperty(string value)
    {
        Assert.Multiple(() =>
        {
            Assert.That(Assert.Throws<InvalidInputException>(() => SenderInputRules.RequireAddressable(value, null))!.Message, Does.Contain("plusFriendId"));
            Assert.That(Assert.Throws<InvalidInputException>(() => SenderInputRules.RequireAddressable("@ok", value))!.Message, Does.StartWith("projectId"));
        });
    }
}
