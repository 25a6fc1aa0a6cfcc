using System.Net;
using Kakao.Emulator.Tests.Support;

namespace Kakao.Emulator.Tests.Domain;

/// <summary>[emulator choice] one-time codes: 6 digits, valid 10 minutes, 5 wrong tries, then register again.</summary>
[TestFixture]
public sealed class OtpTests
{
    private EmulatorHarness _emulator = null!;
    private string _project = null!;

    [SetUp]
    public async Task StartAsync()
    {
        _emulator = await EmulatorHarness.StartAsync();
        _project = EmulatorHarness.NewProject();
        await _emulator.CreateSenderAsync(_project);
        using var register = await _emulator.Client.PostAsync(EmulatorHarness.Sender(_project) + "/register", null);
        Assert.That(register.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [TearDown]
    public async Task StopAsync() => await _emulator.DisposeAsync();

    [Test]
    public async Task Verify_WrongCode_AnswersInvalidInputAndStaysVerifying()
    {
        int code = await _emulator.GetOtpAsync(_project);

        using var response = await VerifyAsync(WrongCode(code));

        var error = await ApiAssert.FailsAsync(response, "invalid_input");
        Assert.That(ApiAssert.ValidationErrors(error), Is.EqualTo(new[] { "code is incorrect" }));
        Assert.That((await _emulator.GetSenderAsync(_project))["state"]!.GetValue<string>(), Is.EqualTo("VERIFYING"));
    }

    [Test]
    public async Task Verify_AfterTenMinutes_AnswersExpiredAndCodeIsGone()
    {
        int code = await _emulator.GetOtpAsync(_project);
        _emulator.Time.Advance(TimeSpan.FromMinutes(10));

        using var response = await VerifyAsync(code);

        var error = await ApiAssert.FailsAsync(response, "invalid_input");
        Assert.That(ApiAssert.ValidationErrors(error).Single(), Does.StartWith("code has expired"));
        using var otp = await _emulator.Anonymous.GetAsync(EmulatorHarness.Control(_project) + "/otp");
        Assert.That(otp.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Verify_JustBeforeTenMinutes_Succeeds()
    {
        int code = await _emulator.GetOtpAsync(_project);
        _emulator.Time.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromSeconds(1));

        using var response = await VerifyAsync(code);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Verify_FiveWrongTries_InvalidatesCodeUntilRegisterAgain()
    {
        int code = await _emulator.GetOtpAsync(_project);
        for (int attempt = 1; attempt <= 5; attempt++)
        {
            using var wrong = await VerifyAsync(WrongCode(code));
            await ApiAssert.FailsAsync(wrong, "invalid_input");
        }

        using var right = await VerifyAsync(code);
        var error = await ApiAssert.FailsAsync(right, "invalid_input");
        Assert.That(ApiAssert.ValidationErrors(error).Single(), Does.StartWith("code is no longer valid"));

        using var register = await _emulator.Client.PostAsync(EmulatorHarness.Sender(_project) + "/register", null);
        Assert.That(register.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        using var verify = await VerifyAsync(await _emulator.GetOtpAsync(_project));
        Assert.That(verify.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Register_WhileVerifying_SendsANewCodeAndTheOldOneStopsWorking()
    {
        int first = await _emulator.GetOtpAsync(_project);
        int second;
        do
        {
            using var again = await _emulator.Client.PostAsync(EmulatorHarness.Sender(_project) + "/register", null);
            Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            second = await _emulator.GetOtpAsync(_project);
        }
        while (second == first); // one chance in 1 000 000 of drawing the same code

        using var old = await VerifyAsync(first);
        await ApiAssert.FailsAsync(old, "invalid_input");
        using var current = await VerifyAsync(second);
        Assert.That(current.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    private static int WrongCode(int code) => code == 999_999 ? 0 : code + 1;

    private Task<HttpResponseMessage> VerifyAsync(int code) =>
        _emulator.PostAsync(EmulatorHarness.Sender(_project) + "/verify", $$"""{"code": {{code}}}""");
}
