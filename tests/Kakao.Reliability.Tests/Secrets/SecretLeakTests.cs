using System.Globalization;
using Kakao.EngineHarness;
using Kakao.EngineHarness.Results;
using Kakao.EngineHarness.Values;
using Kakao.Reliability.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace Kakao.Reliability.Tests.Secrets;

/// <summary>
/// A sender's whole life (create, rejection, resubmission, approval, register and verify with the driver,
/// refresh, read, bad input, destroy) plus OAuth2 runs, all with recognisable sentinel secrets; then every
/// place a secret could surface is scanned: plugin stderr, Engine.Log messages, error messages and check
/// failures, driver output, the emulator's request log and the state the harness stored.
/// </summary>
[TestFixture]
[Category("Secrets")]
public sealed class SecretLeakTests
{
    private const string Sender = "@secret-demo";

    [Test]
    public async Task EveryScenario_WithSentinelSecrets_LeavesNoPlaintextAnywhere()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var ct = timeout.Token;
        var scanner = new SecretScanner(Sentinels.All);
        await using var world = await ReliabilityWorld.StartAsync(cancellationToken: ct);
        var session = world.Session;
        var messages = new List<(string Source, string Text)>();
        var urn = session.Urn(ReliabilityWorld.SenderType, "secret");

        // Configuration: the key secret is stored wrapped even when written in plain text.
        var plainConfig = world.Config().With("keySecret", Sentinels.KeySecret);
        var checkedConfig = await session.Provider.CheckConfigAsync(session.ProviderUrn, PropertyMap.Empty, plainConfig, ct);

        var created = await session.UpAsync(ReliabilityWorld.SenderType, "secret", ReliabilityWorld.SenderInputs(Sender), ct);
        await world.Probe.Control.RejectAsync(Sentinels.ProjectId, Sender, "Phone " + "unreachable", ct);
        await session.RefreshAsync(urn, ct);
        await session.UpAsync(ReliabilityWorld.SenderType, "secret", ReliabilityWorld.SenderInputs(Sender, "Sinch Demo Shop 2"), ct);
        await world.Probe.Control.ApproveAsync(Sentinels.ProjectId, Sender, ct);
        await session.RefreshAsync(urn, ct);

        // The driver's OTP step, as a process, credentials from the environment.
        var driverEnvironment = new Dictionary<string, string?>
        {
            ["SINCH_PROJECT_ID"] = Sentinels.ProjectId,
            ["SINCH_KEY_ID"] = Sentinels.KeyId,
            ["SINCH_KEY_SECRET"] = Sentinels.KeySecret,
            ["KAKAO_ENDPOINT"] = world.Emulator.BaseAddress.ToString(),
        };
        var register = await DriverProcess.RunAsync(["senders", "register", Sender], driverEnvironment, ct);
        var code = await world.Probe.Control.OtpAsync(Sentinels.ProjectId, Sender, ct) ?? throw new InvalidOperationException("no OTP after register");
        scanner.AddCode(code);
        driverEnvironment["KAKAO_TEST_OTP"] = code.ToString("000000", CultureInfo.InvariantCulture);
        var wrongCode = await DriverProcess.RunAsync(["senders", "verify", Sender, "--otp-from", "env:KAKAO_WRONG_OTP"], WithWrongCode(driverEnvironment, code), ct);
        var verify = await DriverProcess.RunAsync(["senders", "verify", Sender, "--otp-from", "env:KAKAO_TEST_OTP", "--json"], driverEnvironment, ct);
        var status = await DriverProcess.RunAsync(["status", "--project", Sentinels.ProjectId, "--json"], driverEnvironment, ct);
        var activities = await DriverProcess.RunAsync(["senders", "activities", Sender, "--json"], driverEnvironment, ct);
        var refreshed = await session.RefreshAsync(urn, ct);
        var read = await session.InvokeAsync(ReliabilityWorld.GetSender, new PropertyMap { ["plusFriendId"] = Sender }, ct);

        // Bad input around the secrets: failures must describe without echoing.
        var badPhone = await session.Provider.CheckAsync(urn, PropertyMap.Empty, ReliabilityWorld.SenderInputs("@secret-bad").With("adminPhoneNo", Sentinels.AdminPhoneNo + "x"), ct);
        messages.AddRange(badPhone.Failures.Select(f => ("Check failure", f.Reason)));
        var badCreate = await CaptureAsync(() => session.Provider.CreateAsync(urn, ReliabilityWorld.SenderInputs("@secret-bad").With("adminPhoneNo", PropertyValue.Secret("+" + Sentinels.AdminPhoneDigits + "999")), cancellationToken: ct));
        var duplicate = await CaptureAsync(() => session.Provider.CreateAsync(session.Urn(ReliabilityWorld.SenderType, "dup"), ReliabilityWorld.SenderInputs(Sender), cancellationToken: ct));
        messages.Add(("Create error", badCreate));
        messages.Add(("Create duplicate error", duplicate));

        // OAuth2 against a token service that hands out a sentinel token the API then refuses.
        await using var tokens = await LoopbackServer.StartAsync(context => Results.Json(new { access_token = Sentinels.OAuthToken, token_type = "Bearer", expires_in = 3600 }).ExecuteAsync(context), cancellationToken: ct);
        await using var oauthSession = await ReliabilityWorld.StartPluginAsync(ct);
        await oauthSession.ConfigureAsync(world.Config(maxRetries: 1).With("authMode", "oauth2").With("authEndpoint", tokens.Address.ToString()), cancellationToken: ct);
        messages.Add(("OAuth2 Invoke error", await CaptureAsync(() => oauthSession.InvokeAsync(ReliabilityWorld.GetSender, new PropertyMap { ["plusFriendId"] = Sender }, ct))));
        messages.Add(("OAuth2 Read error", await CaptureAsync(() => oauthSession.Provider.ReadAsync(urn, Sender, cancellationToken: ct))));
        var oauthDriver = await DriverProcess.RunAsync(["senders", "activities", Sender, "--auth-mode", "oauth2", "--auth-endpoint", tokens.Address.ToString()], driverEnvironment, ct);

        await session.DestroyAsync(urn, ct);
        var pluginExit = await session.StopAsync(ct);
        var oauthExit = await oauthSession.StopAsync(ct);

        foreach (var (source, text) in messages)
        {
            scanner.Scan(source, text);
        }

        foreach (var (name, result) in new[] { ("register", register), ("verify wrong code", wrongCode), ("verify", verify), ("status", status), ("activities", activities), ("oauth2 activities", oauthDriver) })
        {
            scanner.Scan($"driver {name} stdout", result.StandardOutput);
            scanner.Scan($"driver {name} stderr", result.StandardError);
        }

        scanner.Scan("plugin stderr", pluginExit!.StandardError);
        scanner.Scan("plugin stdout", pluginExit.UnexpectedStandardOutput);
        scanner.Scan("oauth2 plugin stderr", oauthExit!.StandardError);
        foreach (var entry in session.Engine.Logs.Concat(oauthSession.Engine.Logs))
        {
            scanner.Scan($"Engine.Log {entry.Severity}", entry.Message);
        }

        scanner.Scan("emulator request log", await world.Probe.Control.RawRequestLogAsync(ct));
        scanner.Scan("stored outputs (create)", created.State.Outputs);
        scanner.Scan("stored inputs (create)", created.State.Inputs);
        scanner.Scan("stored outputs (refresh)", refreshed.After!.Outputs);
        scanner.Scan("getSender result", read.Return);
        scanner.Scan("checked config", checkedConfig.Inputs);
        await TestContext.Out.WriteLineAsync($"Secrets: {scanner.Scanned} texts and values scanned for {Sentinels.All.Count} sentinels and the OTP code; {scanner.Hits.Count} hits");

        Assert.Multiple(() =>
        {
            Assert.That(scanner.Hits, Is.Empty);
            Assert.That(new[] { register.ExitCode, verify.ExitCode, status.ExitCode, activities.ExitCode }, Is.All.Zero, register.StandardError + verify.StandardError + status.StandardError);
            Assert.That(wrongCode.ExitCode, Is.EqualTo(5), wrongCode.StandardError);
            Assert.That(oauthDriver.ExitCode, Is.EqualTo(8), "a refused token is an authentication failure (exit 8): " + oauthDriver.StandardError);
            Assert.That(refreshed.After.Outputs["state"].Unsecret(), Is.EqualTo(PropertyValue.String("ACTIVE")), "the scenario really went through the OTP step");
            Assert.That(created.State.Outputs["adminPhoneNo"].IsSecret, Is.True, "outputs carry the phone secret-wrapped");
            Assert.That(refreshed.After.Outputs["adminPhoneNo"].IsSecret, Is.True);
            Assert.That(checkedConfig.Inputs["keySecret"].IsSecret, Is.True, "the key secret is stored wrapped");
            Assert.That(messages.Where(m => m.Text.Length == 0).Select(m => m.Source), Is.Empty, "every bad call failed with a message");
        });
    }

    private static Dictionary<string, string?> WithWrongCode(Dictionary<string, string?> environment, int code) =>
        new(environment) { ["KAKAO_WRONG_OTP"] = ((code + 1) % 1_000_000).ToString("000000", CultureInfo.InvariantCulture) };

    private static async Task<string> CaptureAsync<T>(Func<Task<T>> call)
    {
        try
        {
            await call();
            return string.Empty;
        }
        catch (ProviderRpcException ex)
        {
            return ex.Detail + " " + ex.Message;
        }
    }
}
