using Kakao.Cli.Pulumi;
using Kakao.Cli.Stack;
using Kakao.Cli.Tests.Support;
using Kakao.Cli.Verification;
using Kakao.Provisioning;
using Kakao.Provisioning.Models;
using Kakao.Testing;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Kakao.Cli.Tests.Verification;

/// <summary>A verify run over a mocked workspace and client that records the order of calls.</summary>
internal sealed class VerifyRig
{
    public VerifyRig(bool interactive, params SenderSnapshot[] senders)
    {
        Console = new FakeConsole(interactive);
        Workspace.Setup(w => w.RefreshAsync(It.IsAny<string?>(), It.IsAny<PulumiRunOptions?>(), It.IsAny<CancellationToken>()))
            .Callback(() => Calls.Add("refresh"))
            .ReturnsAsync(new PulumiCommandResult("", ""));
        Workspace.Setup(w => w.ExportStackAsync(It.IsAny<string?>(), false, It.IsAny<CancellationToken>()))
            .Callback(() => Calls.Add("export"))
            .ReturnsAsync(() => Deployments.Deployment(Deployments.Secret(Deployments.KeySecret), senders.Select(s => s.Sender.PlusFriendId).ToArray()));
        foreach (var snapshot in senders)
        {
            var id = snapshot.Sender.PlusFriendId;
            Client.Setup(c => c.DescribeSenderAsync(id, It.IsAny<CancellationToken>()))
                .Callback(() => Calls.Add("describe " + id))
                .ReturnsAsync(snapshot);
        }

        Factory.Setup(f => f.Create(It.IsAny<SinchConnection>()))
            .Callback<SinchConnection>(c => Connections.Add(c))
            .Returns(Client.Object);
    }

    public RecordingTimeProvider Time { get; } = new(Senders.Start);

    public FakeConsole Console { get; }

    public Mock<IPulumiWorkspace> Workspace { get; } = new(MockBehavior.Strict);

    public Mock<ProvisioningClient> Client { get; } = Senders.Client();

    public Mock<IProvisioningClientFactory> Factory { get; } = new(MockBehavior.Strict);

    public List<string> Calls { get; } = [];

    public List<SinchConnection> Connections { get; } = [];

    public Dictionary<string, string?> Environment { get; } = [];

    public void SetupRegister(SenderState? resultState = null, string id = Senders.Id) =>
        Client.Setup(c => c.RegisterSenderAsync(id, It.IsAny<CancellationToken>()))
            .Callback(() => Calls.Add("register " + id))
            .ReturnsAsync(Senders.Sender(resultState ?? SenderState.Verifying, id: id));

    public void SetupVerify(Func<int, KakaoSender> answer, string id = Senders.Id) =>
        Client.Setup(c => c.VerifySenderAsync(id, It.IsAny<int>(), It.IsAny<CancellationToken>()))
            .Callback<string, int, CancellationToken>((_, code, _) => Calls.Add($"verify {id}"))
            .ReturnsAsync((string _, int code, CancellationToken _) => answer(code));

    public Task<VerifyReport> RunAsync(IOtpSource otp, VerifySettings? settings = null, IActivationWaiter? waiter = null, CancellationToken cancellationToken = default)
    {
        var runner = new VerifyRunner(Workspace.Object, Factory.Object, Console, Time, name => Environment.GetValueOrDefault(name));
        return runner.RunAsync(settings ?? new VerifySettings { Stack = "dev" }, otp, waiter ?? new PollingActivationWaiter(Time, Console), cancellationToken);
    }

    public IOtpSource Prompt(params string?[] answers)
    {
        foreach (var answer in answers)
        {
            Console.SecretAnswers.Enqueue(answer);
        }

        return new PromptOtpSource(Console);
    }
}
