using System.CommandLine;
using Kakao.Cli.Verification;
using Kakao.Cli.Webhooks;

namespace Kakao.Cli.Commands;

/// <summary><c>kakao verify</c>: the OTP step for every sender of a stack, then a refresh.</summary>
internal static class VerifyCommand
{
    public static Command Create(CliServices services)
    {
        var stack = CommonOptions.Stack();
        var cwd = CommonOptions.Cwd();
        var senders = CommonOptions.Senders("Only these senders (plusFriendId); repeatable. Default: every sender in the stack.");
        var otpFrom = CommonOptions.OtpFrom();
        var timeout = CommonOptions.Duration("--timeout", TimeSpan.FromMinutes(30), "Give up waiting after this long (e.g. 30m); exit 6.");
        var json = CommonOptions.Json();
        var webhookListen = new Option<string?>("--webhook-listen") { Description = "Wait for KAKAOTALK_SENDER_* webhooks on this loopback URL (http://127.0.0.1:PORT) instead of polling." };
        var webhookTarget = new Option<string?>("--webhook-target") { Description = "Public URL Sinch calls (a tunnel to --webhook-listen); default: the listen URL." };

        var command = new Command("verify", "Register and verify every sender of the stack waiting for its one-time code, then refresh the stack.");
        foreach (var option in new Option[] { stack, cwd, senders, otpFrom, timeout, json, webhookListen, webhookTarget })
        {
            command.Options.Add(option);
        }

        command.SetAction((result, cancellationToken) =>
        {
            var asJson = result.GetValue(json);
            var console = services.Console(asJson);
            // JSON mode always ends with one document, also when the run fails before any sender is touched.
            var context = new FailureContext
            {
                WriteJson = asJson ? (code, message) => console.WriteData(VerifyReport.Failed(result.GetValue(stack), code, message).ToJson()) : null,
            };
            return CliErrors.GuardAsync(console, async () =>
            {
                var otp = OtpSources.Create(result.GetValue(otpFrom), console, services.Environment, services.StandardInput);
                var waiter = CreateWaiter(result.GetValue(webhookListen), result.GetValue(webhookTarget), console, services.TimeProvider);
                var workspace = services.Workspace(Path.GetFullPath(result.GetValue(cwd) ?? Environment.CurrentDirectory));
                var runner = new VerifyRunner(workspace, services.Clients, console, services.TimeProvider, services.Environment);
                var settings = new VerifySettings
                {
                    Stack = result.GetValue(stack),
                    Senders = result.GetValue(senders) ?? [],
                    Timeout = result.GetValue(timeout),
                };
                var report = await runner.RunAsync(settings, otp, waiter, cancellationToken).ConfigureAwait(false);
                if (asJson)
                {
                    console.WriteData(report.ToJson());
                }
                else
                {
                    console.Info($"Done: {Summary(report)} (exit {(int)report.ExitCode} {report.ExitCode}).");
                }

                return report.ExitCode;
            }, cancellationToken, context);
        });
        return command;
    }

    private static IActivationWaiter CreateWaiter(string? listen, string? target, Terminal.IConsoleIO console, TimeProvider time)
    {
        if (string.IsNullOrWhiteSpace(listen))
        {
            return new PollingActivationWaiter(time, console);
        }

        Uri? publicTarget = null;
        if (!string.IsNullOrWhiteSpace(target) && (!Uri.TryCreate(target, UriKind.Absolute, out publicTarget) || publicTarget.Scheme != Uri.UriSchemeHttps && !publicTarget.IsLoopback))
        {
            throw new ConfigurationException($"--webhook-target must be an https:// URL (or loopback http://), not '{target}'.");
        }

        return new WebhookActivationWaiter(WebhookListener.ParseListenUrl(listen), publicTarget, console, time);
    }

    private static string Summary(VerifyReport report) =>
        report.Senders.Count == 0 ? "no sender was processed"
            : string.Join(", ", report.Senders.GroupBy(s => s.Kind).Select(g => $"{g.Count()} {Words(g.Key)}"));

    private static string Words(OutcomeKind kind) =>
        System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(kind.ToString()).Replace('_', ' ');
}
