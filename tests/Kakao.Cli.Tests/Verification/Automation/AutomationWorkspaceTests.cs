using Kakao.Cli.Tests.Support;
using Kakao.Provisioning.Models;
using Kakao.Verification.Automation;

namespace Kakao.Cli.Tests.Verification.Automation;

/// <summary>The Automation API adapter's translation layer, against a fake of the Automation calls it uses.</summary>
public class AutomationWorkspaceTests
{
    /// <summary>Plays <c>WorkspaceStack</c>: records calls, answers from fields, throws what it is told to.</summary>
    private sealed class FakeStack : IAutomationStack
    {
        public string Name => "dev";

        public string WorkDir => "/work/project";

        public List<string> Calls { get; } = [];

        public string Export { get; set; } = Deployments.ExportJson(Deployments.Secret(Deployments.KeySecret), Senders.Id);

        public Exception? Failure { get; set; }

        public Dictionary<string, (string Value, bool IsSecret)> Config { get; } = [];

        public Task<(string StandardOutput, string StandardError)> UpAsync(Action<string>? onStandardOutput, Action<string>? onStandardError, CancellationToken cancellationToken) =>
            Run("up", onStandardOutput);

        public Task<(string StandardOutput, string StandardError)> PreviewAsync(Action<string>? onStandardOutput, Action<string>? onStandardError, CancellationToken cancellationToken) =>
            Run("preview", onStandardOutput);

        public Task<(string StandardOutput, string StandardError)> RefreshAsync(Action<string>? onStandardOutput, Action<string>? onStandardError, CancellationToken cancellationToken) =>
            Run("refresh", onStandardOutput);

        public Task<IReadOnlyDictionary<string, (object? Value, bool IsSecret)>> GetOutputsAsync(CancellationToken cancellationToken) =>
            Answer<IReadOnlyDictionary<string, (object? Value, bool IsSecret)>>("outputs", new Dictionary<string, (object? Value, bool IsSecret)>
            {
                ["plusFriendId"] = (Senders.Id, false),
                ["adminPhoneNo"] = ("+48777777777", true),
            });

        public Task<string> ExportStackAsync(CancellationToken cancellationToken) => Answer("export", Export);

        public Task<IReadOnlyDictionary<string, (string Value, bool IsSecret)>> GetAllConfigAsync(CancellationToken cancellationToken) =>
            Answer<IReadOnlyDictionary<string, (string Value, bool IsSecret)>>("config", Config);

        private Task<(string, string)> Run(string command, Action<string>? onStandardOutput)
        {
            Calls.Add(command);
            if (Failure is not null)
            {
                throw Failure;
            }

            onStandardOutput?.Invoke($"{command} line");
            return Task.FromResult(($"{command} output", ""));
        }

        private Task<T> Answer<T>(string call, T value)
        {
            Calls.Add(call);
            return Failure is null ? Task.FromResult(value) : throw Failure;
        }
    }

    [Test]
    public async Task RefreshAsync_StreamsLinesAndReturnsTheOutput()
    {
        var stack = new FakeStack();
        var lines = new List<string>();

        var result = await new AutomationWorkspace(stack).RefreshAsync("dev", new PulumiRunOptions { OnStandardOutput = lines.Add });

        Assert.That(result.StandardOutput, Is.EqualTo("refresh output"));
        Assert.That(lines, Is.EqualTo(new[] { "refresh line" }));
        Assert.That(new AutomationWorkspace(stack).WorkDir, Is.EqualTo("/work/project"));
    }

    [Test]
    public void RefreshAsync_AnotherStackName_IsStackNotFoundWithoutCallingAutomation()
    {
        var stack = new FakeStack();

        var ex = Assert.ThrowsAsync<PulumiCommandException>(() => new AutomationWorkspace(stack).RefreshAsync("prod"));

        Assert.That(ex!.Kind, Is.EqualTo(PulumiErrorKind.StackNotFound));
        Assert.That(ex.IsConfigurationError, Is.True);
        Assert.That(stack.Calls, Is.Empty);
    }

    [TestCase("error: PULUMI_ACCESS_TOKEN must be set for login during non-interactive CLI sessions", PulumiErrorKind.NotLoggedIn)]
    [TestCase("error: passphrase must be set with PULUMI_CONFIG_PASSPHRASE or PULUMI_CONFIG_PASSPHRASE_FILE", PulumiErrorKind.PassphraseRequired)]
    [TestCase("error: [409] Conflict: Another update is currently in progress.", PulumiErrorKind.ConcurrentUpdate)]
    [TestCase("error: the plugin crashed", PulumiErrorKind.CommandFailed)]
    public void UpAsync_AutomationFailure_IsClassifiedLikeTheCli(string message, PulumiErrorKind expected)
    {
        var stack = new FakeStack { Failure = new InvalidOperationException(message) };

        var ex = Assert.ThrowsAsync<PulumiCommandException>(() => new AutomationWorkspace(stack).UpAsync(null));

        Assert.That(ex!.Kind, Is.EqualTo(expected));
        Assert.That(ex.Command, Is.EqualTo("up"));
    }

    [Test]
    public void PreviewAsync_Cancelled_StaysCancellation()
    {
        var stack = new FakeStack { Failure = new OperationCanceledException() };

        Assert.ThrowsAsync<OperationCanceledException>(() => new AutomationWorkspace(stack).PreviewAsync(null));
    }

    [Test]
    public async Task GetStackOutputsAsync_SecretOutput_IsMaskedUnlessAskedFor()
    {
        var workspace = new AutomationWorkspace(new FakeStack());

        var masked = await workspace.GetStackOutputsAsync(null);
        var revealed = await workspace.GetStackOutputsAsync(null, showSecrets: true);

        Assert.That(masked["adminPhoneNo"].Value!.GetValue<string>(), Is.EqualTo("[secret]"));
        Assert.That(masked["adminPhoneNo"].ToString(), Is.EqualTo("[secret]"));
        Assert.That(revealed["adminPhoneNo"].Value!.GetValue<string>(), Is.EqualTo("+48777777777"));
        Assert.That(masked["plusFriendId"].Value!.GetValue<string>(), Is.EqualTo(Senders.Id));
    }

    [Test]
    public async Task ExportStackAsync_WholeExportOrBareDeployment_FindsTheSenders()
    {
        var whole = new FakeStack();
        var bare = new FakeStack { Export = System.Text.Json.Nodes.JsonNode.Parse(whole.Export)!["deployment"]!.ToJsonString() };

        foreach (var stack in new[] { whole, bare })
        {
            var deployment = await new AutomationWorkspace(stack).ExportStackAsync(null);
            Assert.That(StackSenderCatalog.Find(deployment).Select(s => s.PlusFriendId), Is.EqualTo(new[] { Senders.Id }));
        }
    }

    [Test]
    public void ExportStackAsync_NotJson_IsUnexpectedOutput()
    {
        var ex = Assert.ThrowsAsync<PulumiCommandException>(() => new AutomationWorkspace(new FakeStack { Export = "not json" }).ExportStackAsync(null));

        Assert.That(ex!.Kind, Is.EqualTo(PulumiErrorKind.UnexpectedOutput));
    }

    [Test]
    public async Task GetConfigAsync_SetAndUnsetKeys_ReturnValueOrNull()
    {
        var stack = new FakeStack();
        stack.Config["kakao:keySecret"] = ("s3cret", true);
        var workspace = new AutomationWorkspace(stack);

        var set = await workspace.GetConfigAsync("dev", "kakao:keySecret");
        var unset = await workspace.GetConfigAsync("dev", "kakao:keyId");

        Assert.That(set, Is.EqualTo(new PulumiConfigValue("s3cret", true)));
        Assert.That(set!.ToString(), Is.EqualTo("[secret]"));
        Assert.That(unset, Is.Null);
    }

    [Test]
    public async Task StackVerifier_OverTheAdapterAgainstTheEmulator_VerifiesAndRefreshesTwice()
    {
        await using var rig = await EmulatorRig.StartAsync();
        await rig.CreateSenderAsync();
        var stack = new FakeStack { Export = System.Text.Json.JsonSerializer.Serialize(new { deployment = new { resources = Array.Empty<object>() } }) };
        var export = System.Text.Json.Nodes.JsonNode.Parse(Deployments.ExportJson(Deployments.Secret("emulator-secret"), Senders.Id))!;
        var provider = export["deployment"]!["resources"]!.AsArray().First(r => r!["type"]!.GetValue<string>() == "pulumi:providers:kakao")!;
        provider["inputs"]!["endpoint"] = rig.Server.BaseAddress.ToString();
        provider["inputs"]!["projectId"] = EmulatorRig.Project;
        provider["inputs"]!["keyId"] = "emulator-key";
        stack.Export = export.ToJsonString();
        var log = new StringWriter();
        var options = new StackVerifierOptions
        {
            Codes = OtpSource.FromCallback(async (request, ct) => await rig.PhoneAsync(request.PlusFriendId)),
            Console = new TextWriterConsole(log),
            Environment = _ => null,
        };

        var report = await new StackVerifier(new AutomationWorkspace(stack), options).VerifyAsync("dev");

        Assert.That(report.ExitCode, Is.EqualTo(ExitCode.Success), log.ToString());
        Assert.That(report.Senders.Single().Kind, Is.EqualTo(OutcomeKind.Verified));
        Assert.That((await rig.Client.GetSenderAsync(Senders.Id)).State, Is.EqualTo(SenderState.Active));
        Assert.That(stack.Calls.Count(c => c == "refresh"), Is.EqualTo(2));
    }
}
