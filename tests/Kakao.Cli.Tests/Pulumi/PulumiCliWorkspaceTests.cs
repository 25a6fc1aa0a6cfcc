using System.Text.Json.Nodes;
using Kakao.Cli.Pulumi;
using Kakao.Cli.Tests.Support;

namespace Kakao.Cli.Tests.Pulumi;

[Platform(Exclude = "Win", Reason = "The stand-in pulumi executable is a bash script.")]
public class PulumiCliWorkspaceTests
{
    private FakePulumiCli _cli = null!;
    private string _project = null!;

    [SetUp]
    public void SetUp()
    {
        _cli = new FakePulumiCli();
        _project = Path.Combine(_cli.Dir, "project");
        Directory.CreateDirectory(_project);
    }

    [TearDown]
    public void TearDown() => _cli.Dispose();

    private PulumiCliWorkspace Workspace(TimeSpan? grace = null) => new(new PulumiCliOptions
    {
        WorkDir = _project,
        EnvironmentVariables = new Dictionary<string, string?> { ["PATH"] = _cli.PathVariable },
        CancelGracePeriod = grace ?? TimeSpan.FromSeconds(30),
    });

    [Test]
    public async Task RefreshAsync_Always_RunsNonInteractivelyWithStackCwdAndYes()
    {
        _cli.Answer("refresh", "Refreshing (dev):\n    pulumi:pulumi:Stack shop-dev running\nResources:\n    2 unchanged\n");
        var lines = new List<string>();

        var result = await Workspace().RefreshAsync("dev", new PulumiRunOptions { OnStandardOutput = lines.Add });

        Assert.That(_cli.Calls().Single(), Is.EqualTo(new[] { "refresh", "--yes", "--skip-preview", "--stack", "dev", "--non-interactive", "--cwd", _project }));
        Assert.That(lines, Has.Some.Contains("2 unchanged"), "output is streamed line by line");
        Assert.That(result.StandardOutput, Does.Contain("Refreshing (dev):"));
    }

    [Test]
    public async Task UpAsync_NoStackName_OmitsStackFlag()
    {
        _cli.Answer("up", "Updating (dev):\n");

        await Workspace().UpAsync(null);

        Assert.That(_cli.Calls().Single(), Is.EqualTo(new[] { "up", "--yes", "--skip-preview", "--non-interactive", "--cwd", _project }));
    }

    [Test]
    public async Task PreviewAndSelect_Always_PassTheirArguments()
    {
        _cli.Answer("preview", "Previewing update (dev):\n");
        _cli.Answer("stack-select-prod", "");

        await Workspace().PreviewAsync("dev");
        await Workspace().SelectStackAsync("prod");

        Assert.That(_cli.Calls()[0], Is.EqualTo(new[] { "preview", "--stack", "dev", "--non-interactive", "--cwd", _project }));
        Assert.That(_cli.Calls()[1], Is.EqualTo(new[] { "stack", "select", "prod", "--non-interactive", "--cwd", _project }));
    }

    [Test]
    public async Task ExportStackAsync_RealExportFormat_FindsResourcesWithInputsOutputsAndProvider()
    {
        _cli.Answer("stack-export", Deployments.ExportJson(Deployments.Encrypted(), "@sinch-demo"));

        var deployment = await Workspace().ExportStackAsync("dev");

        var sender = deployment.Resources.Single(r => r.Type == "kakao:index:KakaoSender");
        Assert.That(sender.Id, Is.EqualTo("@sinch-demo"));
        Assert.That(sender.Provider, Is.EqualTo(Deployments.ProviderUrn + "::" + Deployments.ProviderId));
        Assert.That(sender.Outputs["status"]!.GetValue<string>(), Is.EqualTo("PENDING_VERIFICATION"));
        Assert.That(_cli.Calls().Single(), Does.Not.Contain("--show-secrets"));
    }

    [Test]
    public async Task ExportStackAsync_ShowSecrets_PassesFlagAndUnwrapsPlaintext()
    {
        _cli.Answer("stack-export-secrets", Deployments.ExportJson(Deployments.Secret(Deployments.KeySecret), "@sinch-demo"));

        var deployment = await Workspace().ExportStackAsync("dev", showSecrets: true);

        var provider = deployment.Resources.Single(r => r.Type == "pulumi:providers:kakao");
        Assert.That(PulumiSecrets.ReadString(provider.Inputs["keySecret"]), Is.EqualTo((Deployments.KeySecret, true, false)));
        Assert.That(_cli.Calls().Single(), Does.Contain("--show-secrets"));
    }

    [Test]
    public async Task GetStackOutputsAsync_JsonWithMaskedSecret_MarksSecretOutputs()
    {
        _cli.Answer("stack-output", """{"senderStatus": "ACTIVE", "adminPhone": "[secret]", "count": 2}""");

        var outputs = await Workspace().GetStackOutputsAsync("dev");

        Assert.That(_cli.Calls().Single(), Is.EqualTo(new[] { "stack", "output", "--json", "--stack", "dev", "--non-interactive", "--cwd", _project }));
        Assert.That(outputs["senderStatus"].Value!.GetValue<string>(), Is.EqualTo("ACTIVE"));
        Assert.That(outputs["adminPhone"].IsSecret, Is.True);
        Assert.That(outputs["count"].Value!.GetValue<int>(), Is.EqualTo(2));
    }

    [Test]
    public async Task GetConfigAsync_SecretValue_ReturnsDecryptedValueFlaggedSecret()
    {
        _cli.Answer("config-get-kakao:keySecret", """{"value": "s3cr3t", "secret": true}""");

        var value = await Workspace().GetConfigAsync("dev", "kakao:keySecret");

        Assert.That(value, Is.EqualTo(new PulumiConfigValue("s3cr3t", true)));
        Assert.That(value!.ToString(), Does.Not.Contain("s3cr3t"));
        Assert.That(_cli.Calls().Single(), Is.EqualTo(new[] { "config", "get", "kakao:keySecret", "--json", "--stack", "dev", "--non-interactive", "--cwd", _project }));
    }

    [Test]
    public async Task GetConfigAsync_KeyNotSet_ReturnsNull()
    {
        _cli.Answer("config-get-kakao:endpoint", stderr: "error: configuration key 'kakao:endpoint' not found for stack 'dev'\n", exitCode: 255);

        Assert.That(await Workspace().GetConfigAsync("dev", "kakao:endpoint"), Is.Null);
    }

    [Test]
    public void RefreshAsync_NotLoggedIn_SaysToLogIn()
    {
        _cli.Answer("refresh", stderr: "error: PULUMI_ACCESS_TOKEN must be set for login during non-interactive CLI sessions\n", exitCode: 255);

        var ex = Assert.ThrowsAsync<PulumiCommandException>(() => Workspace().RefreshAsync("dev"));

        Assert.That(ex!.Kind, Is.EqualTo(PulumiErrorKind.NotLoggedIn));
        Assert.That(ex.ExitCode, Is.EqualTo(255));
        Assert.That(ex.IsConfigurationError, Is.True);
        Assert.That(ex.Message, Does.Contain("pulumi login"));
    }

    [Test]
    public void RefreshAsync_PassphraseMissing_IsConfigurationErrorNamingTheVariable()
    {
        _cli.Answer("refresh", stderr: "error: getting secrets manager: passphrase must be set with PULUMI_CONFIG_PASSPHRASE or PULUMI_CONFIG_PASSPHRASE_FILE environment variables\n", exitCode: 255);

        var ex = Assert.ThrowsAsync<PulumiCommandException>(() => Workspace().RefreshAsync("dev"));

        Assert.That(ex!.Kind, Is.EqualTo(PulumiErrorKind.PassphraseRequired));
        Assert.That(ex.IsConfigurationError, Is.True);
    }

    [Test]
    public void RefreshAsync_UnknownStack_ReportsStackNotFound()
    {
        _cli.Answer("refresh", stderr: "error: no stack named 'nope' found\n", exitCode: 255);

        var ex = Assert.ThrowsAsync<PulumiCommandException>(() => Workspace().RefreshAsync("nope"));

        Assert.That(ex!.Kind, Is.EqualTo(PulumiErrorKind.StackNotFound));
        Assert.That(ex.Message, Does.Contain("no stack named 'nope'"));
    }

    [Test]
    public void RefreshAsync_ProviderFailure_QuotesErrorLinesAndExitCode()
    {
        _cli.Answer("refresh", "Refreshing (dev):\n", "error: kakao:index:KakaoSender resource 'demo' failed: 500 internal_error\n", 1);

        var ex = Assert.ThrowsAsync<PulumiCommandException>(() => Workspace().RefreshAsync("dev"));

        Assert.That(ex!.Kind, Is.EqualTo(PulumiErrorKind.CommandFailed));
        Assert.That(ex.IsConfigurationError, Is.False);
        Assert.That(ex.Message, Does.Contain("exit code 1").And.Contain("internal_error"));
    }

    [Test]
    public void ExportStackAsync_NotJson_ReportsUnexpectedOutput()
    {
        _cli.Answer("stack-export", "this is not json");

        var ex = Assert.ThrowsAsync<PulumiCommandException>(() => Workspace().ExportStackAsync("dev"));

        Assert.That(ex!.Kind, Is.EqualTo(PulumiErrorKind.UnexpectedOutput));
    }

    [Test]
    public void RefreshAsync_CliMissingFromPath_SaysHowToInstall()
    {
        var empty = Path.Combine(_cli.Dir, "empty");
        Directory.CreateDirectory(empty);
        var workspace = new PulumiCliWorkspace(new PulumiCliOptions
        {
            WorkDir = _project,
            EnvironmentVariables = new Dictionary<string, string?> { ["PATH"] = empty },
        });

        var ex = Assert.ThrowsAsync<PulumiCommandException>(() => workspace.RefreshAsync("dev"));

        Assert.That(ex!.Kind, Is.EqualTo(PulumiErrorKind.CliNotFound));
        Assert.That(ex.Message, Does.Contain("not found on PATH").And.Contain("install"));
    }

    [Test]
    public async Task RefreshAsync_Cancelled_InterruptsTheCliAndWaitsForItToStop()
    {
        _cli.Hang("refresh");
        var lines = new List<string>();
        using var cts = new CancellationTokenSource();
        var refresh = Workspace().RefreshAsync("dev", new PulumiRunOptions
        {
            OnStandardOutput = line =>
            {
                lock (lines)
                {
                    lines.Add(line);
                }

                // Ctrl-C once pulumi is visibly working.
                if (line.StartsWith("Refreshing", StringComparison.Ordinal))
                {
                    cts.Cancel();
                }
            },
        }, cts.Token);

        Assert.That(async () => await refresh, Throws.InstanceOf<OperationCanceledException>());
        lock (lines)
        {
            Assert.That(lines, Does.Contain("interrupted"), "the CLI got SIGINT and could clean up");
        }
    }
}
