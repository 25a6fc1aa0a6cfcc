using Kakao.Cli.Tests.Support;
using Kakao.Cli.Verification;
using Kakao.Provisioning.Models;
using Moq;

namespace Kakao.Cli.Tests.Verification;

/// <summary>The direct-mode policy of the shared verify path (<c>kakao senders verify</c>).</summary>
public class SenderVerifierTests
{
    private const string Code = "482913";

    private static SenderVerifier Verifier(VerifyRig rig, IOtpSource otp, bool register = false) =>
        new(otp, new PollingActivationWaiter(rig.Time, rig.Console), rig.Console, rig.Time, VerifyPolicy.Direct(Senders.Id, "stdin", register));

    [Test]
    public async Task RunAsync_NeverRegisteredWithoutTerminal_SendsNothingAndSaysRegisterComesFirst()
    {
        var rig = new VerifyRig(interactive: false, Senders.PendingVerification());

        var outcome = await Verifier(rig, new StdinOtpSource(new StringReader(Code + "\n"))).RunAsync(rig.Client.Object, Senders.Id, null, CancellationToken.None);

        Assert.That(outcome.ExitCode, Is.EqualTo(ExitCode.UsageError));
        Assert.That(outcome.Message, Does.Contain("No code was sent").And.Contain("kakao senders register @sinch-demo").And.Contain("--register"));
        Assert.That(rig.Calls, Is.EqualTo(new[] { "describe @sinch-demo" }));
        Assert.That(rig.Console.AllText, Does.Not.Contain("A code was sent"));
    }

    [Test]
    public async Task RunAsync_NeverRegisteredAtTerminalAndUserAgrees_RegistersThenVerifies()
    {
        var rig = new VerifyRig(interactive: true, Senders.PendingVerification());
        rig.SetupRegister();
        rig.SetupVerify(_ => Senders.Sender(SenderState.Active));
        rig.Console.ConfirmAnswers.Enqueue(true);

        var outcome = await Verifier(rig, rig.Prompt(Code)).RunAsync(rig.Client.Object, Senders.Id, null, CancellationToken.None);

        Assert.That(outcome.Kind, Is.EqualTo(OutcomeKind.Verified));
        Assert.That(rig.Console.Lines, Has.Some.StartsWith("confirm: ").And.Contains("never registered"));
        Assert.That(rig.Calls, Is.EqualTo(new[] { "describe @sinch-demo", "register @sinch-demo", "verify @sinch-demo" }));
    }

    [Test]
    public async Task RunAsync_NeverRegisteredWithRegisterFlag_RegistersWithoutAsking()
    {
        var rig = new VerifyRig(interactive: false, Senders.PendingVerification());
        rig.SetupRegister();
        rig.SetupVerify(_ => Senders.Sender(SenderState.Active));

        var outcome = await Verifier(rig, new StdinOtpSource(new StringReader(Code + "\n")), register: true).RunAsync(rig.Client.Object, Senders.Id, null, CancellationToken.None);

        Assert.That(outcome.Kind, Is.EqualTo(OutcomeKind.Verified));
        Assert.That(rig.Calls, Does.Contain("register @sinch-demo"));
    }

    [Test]
    public async Task RunAsync_WrongCodeFromStdin_ExitsFiveQuotingSinchAndTheRerunCommand()
    {
        var rig = new VerifyRig(interactive: false, Senders.Verifying());
        rig.SetupVerify(_ => throw Senders.WrongCode());

        var outcome = await Verifier(rig, new StdinOtpSource(new StringReader(Code + "\n"))).RunAsync(rig.Client.Object, Senders.Id, null, CancellationToken.None);

        Assert.That(outcome.ExitCode, Is.EqualTo(ExitCode.VerificationFailed));
        Assert.That(outcome.Message, Does.Contain("code: the code is not valid").And.Contain("kakao senders verify @sinch-demo --otp-from stdin"));
        Assert.That(outcome.Message, Does.Not.Contain("Invalid input.."));
    }

    [Test]
    public void IsSpent_ApiSaysNoTriesLeft_IsSpent() =>
        Assert.That(SenderVerifier.IsSpent(new Kakao.Provisioning.ProvisioningApiException(400, "invalid_input", "Invalid input.",
            additionalInformation: new Dictionary<string, IReadOnlyList<string>> { ["validationErrors"] = ["code is incorrect, 0 attempts left"] })), Is.True);
}
