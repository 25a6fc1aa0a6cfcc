using Kakao.Cli.Verification;

namespace Kakao.Cli.Tests.Verification;

public class DurationsTests
{
    [TestCase("30m", 1800)]
    [TestCase("90s", 90)]
    [TestCase("1h30m", 5400)]
    [TestCase("2d", 172800)]
    [TestCase("00:10:00", 600)]
    public void TryParse_KnownForms_Parses(string text, int seconds)
    {
        Assert.That(Durations.TryParse(text, out var value), Is.True);
        Assert.That(value, Is.EqualTo(TimeSpan.FromSeconds(seconds)));
    }

    [TestCase("")]
    [TestCase("soon")]
    [TestCase("0s")]
    [TestCase("-5m")]
    public void TryParse_Invalid_Refuses(string text) => Assert.That(Durations.TryParse(text, out _), Is.False);

    [TestCase(45, "45s")]
    [TestCase(600, "10m")]
    [TestCase(97200, "1d3h")]
    [TestCase(5400, "1h30m")]
    [TestCase(150, "2m30s")]
    [TestCase(3600, "1h")]
    public void Format_Span_IsTheInputForm(int seconds, string expected)
    {
        var text = Durations.Format(TimeSpan.FromSeconds(seconds));

        Assert.That(text, Is.EqualTo(expected));
        Assert.That(Durations.TryParse(text, out var back) && back == TimeSpan.FromSeconds(seconds), Is.True, "what is shown can be typed back");
    }

    [Test]
    public void DurationValue_ToString_IsTheInputForm() => Assert.That(new DurationValue(TimeSpan.FromMinutes(30)).ToString(), Is.EqualTo("30m"));
}
