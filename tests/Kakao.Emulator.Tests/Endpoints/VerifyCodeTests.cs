using System.Net;
using Kakao.Emulator.Tests.Support;

namespace Kakao.Emulator.Tests.Endpoints;

/// <summary>
/// Verify's code: a JSON number (the definition) or a digit string (the guide's own example), compared as
/// numbers, so codes with leading zeros work either way.
/// </summary>
[TestFixture]
public sealed class VerifyCodeTests
{
    private int _nextCode;
    private EmulatorHarness _emulator = null!;
    private string _project = null!;

    [SetUp]
    public async Task StartAsync()
    {
        _emulator = await EmulatorHarness.StartAsync(o => o.OtpSource = () => _nextCode);
        _project = EmulatorHarness.NewProject();
        await _emulator.CreateSenderAsync(_project);
    }

    [TearDown]
    public async Task StopAsync() => await _emulator.DisposeAsync();

    [Test]
    public async Task Verify_CodeAsStringAsInTheGuide_Activates()
    {
        _nextCode = 123456;
        await RegisterAsync();

        using var response = await _emulator.PostAsync(EmulatorHarness.Sender(_project) + "/verify", """{"code": "123456"}""");

        var sender = await ApiAssert.SucceedsAsync(response, HttpStatusCode.OK, "KakaotalkSenderDto");
        Assert.That(sender["state"]!.GetValue<string>(), Is.EqualTo("ACTIVE"));
    }

    [TestCase("""{"code": "004321"}""")]
    [TestCase("""{"code": 4321}""")]
    public async Task Verify_CodeWithLeadingZeros_MatchesAsNumber(string body)
    {
        _nextCode = 4321;
        await RegisterAsync();

        using var response = await _emulator.PostAsync(EmulatorHarness.Sender(_project) + "/verify", body);

        await ApiAssert.SucceedsAsync(response, HttpStatusCode.OK, "KakaotalkSenderDto");
    }

    [Test]
    public async Task Verify_WrongDigitString_AnswersCodeIncorrect()
    {
        _nextCode = 4321;
        await RegisterAsync();

        using var response = await _emulator.PostAsync(EmulatorHarness.Sender(_project) + "/verify", """{"code": "004322"}""");

        Assert.That(ApiAssert.ValidationErrors(await ApiAssert.FailsAsync(response, "invalid_input")), Does.Contain("code is incorrect"));
    }

    private async Task RegisterAsync()
    {
        using var register = await _emulator.Client.PostAsync(EmulatorHarness.Sender(_project) + "/register", null);
        Assert.That(register.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
