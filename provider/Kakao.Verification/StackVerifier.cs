using Kakao.Verification.Pulumi;

namespace Kakao.Verification;

/// <summary>
/// The <c>kakao verify</c> flow as a library call, for Pulumi Automation API programs: refresh the stack, find
/// its <c>kakao:index:KakaoSender</c> resources and their provider settings, take each sender as far as it can
/// go (register, read the one-time code from <see cref="StackVerifierOptions.Codes"/>, verify, wait for ACTIVE)
/// and refresh again so the state shows ACTIVE. Same checks, messages and exit codes as the tool.
/// </summary>
/// <example>
/// <code>
/// var report = await new StackVerifier(workspace, new StackVerifierOptions { Codes = OtpSource.FromEnvironment("KAKAO_OTP") })
///     .VerifyAsync("dev", cancellationToken);
/// if (report.ExitCode != ExitCode.Success) { Console.Error.WriteLine(report.ToJson()); }
/// </code>
/// </example>
public sealed class StackVerifier
{
    private readonly IPulumiWorkspace _workspace;
    private readonly StackVerifierOptions _options;

    /// <summary>Creates a verifier over <paramref name="workspace"/> (e.g. an <see cref="Automation.AutomationWorkspace"/>).</summary>
    /// <param name="workspace">The Pulumi stack operations.</param>
    /// <param name="options">Where codes come from, the timeout, the console; defaults when null.</param>
    public StackVerifier(IPulumiWorkspace workspace, StackVerifierOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        _workspace = workspace;
        _options = options ?? new StackVerifierOptions();
    }

    /// <summary>
    /// Verifies the senders of <paramref name="stackName"/> (null: the workspace's selected stack). Problems a
    /// user must fix (no senders, missing credentials) raise <see cref="Stack.ConfigurationException"/>;
    /// <c>pulumi</c> failures raise <see cref="PulumiCommandException"/>; everything per sender is in the report.
    /// </summary>
    /// <param name="stackName">The stack.</param>
    /// <param name="cancellationToken">Stops between steps; the report then says what was left.</param>
    public Task<VerifyReport> VerifyAsync(string? stackName, CancellationToken cancellationToken = default)
    {
        var time = _options.TimeProvider ?? TimeProvider.System;
        var console = _options.Console ?? new TextWriterConsole(System.Console.Error);
        var runner = new VerifyRunner(_workspace, new ProvisioningClientFactory(time), console, time, _options.Environment ?? Environment.GetEnvironmentVariable);
        var settings = new VerifySettings { Stack = stackName, Senders = _options.Senders, Timeout = _options.Timeout };
        return runner.RunAsync(settings, _options.Codes ?? OtpSource.None, new PollingActivationWaiter(time, console), cancellationToken);
    }
}

/// <summary>Options of <see cref="StackVerifier"/>.</summary>
public sealed class StackVerifierOptions
{
    /// <summary>
    /// Where one-time codes come from (<see cref="OtpSource"/>). Without one, senders that need a code are
    /// reported (<see cref="OutcomeKind.CodeNeeded"/>) and nothing is sent to the admin phone.
    /// </summary>
    public IOtpSource? Codes { get; init; }

    /// <summary>Only these senders (plusFriendIds); empty: every sender of the stack.</summary>
    public IReadOnlyList<string> Senders { get; init; } = [];

    /// <summary>Give up waiting after this long (the run ends with <see cref="ExitCode.Timeout"/>).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Receives progress lines and, when interactive, asks questions; default: plain lines on standard error.</summary>
    public IVerificationConsole? Console { get; init; }

    /// <summary>Environment lookup for SINCH_KEY_SECRET and the other fallbacks; default: the process environment.</summary>
    public Func<string, string?>? Environment { get; init; }

    /// <summary>The clock for timeouts and polling; default: <see cref="System.TimeProvider.System"/>.</summary>
    public TimeProvider? TimeProvider { get; init; }
}
