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
        var webhookResource = new Option<string?>("--webhook-resource")
        {
            Description = "Use the stack's kakao:index:Webhook (its secret, its subscription) instead of registering one: NAME, or without a value the one whose target is the URL Sinch calls.",
            Arity = ArgumentArity.ZeroOrOne,
        };

        var command = new Command("verify", "Register and verify every sender of the stack waiting for its one-time code, then refresh the stack.");
        foreach (var option in new Option[] { stack, cwd, senders, otpFrom, timeout, json, webhookListen, webhookTarget, webhookResource })
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
                var workspace = services.Workspace(Path.GetFullPath(result.GetValue(cwd) ?? Environment.CurrentDirectory));
                var fromStack = result.GetResult(webhookResource) is not null;
                var waiter = await CreateWaiterAsync(result.GetValue(webhookListen), result.GetValue(webhookTarget), fromStack ? new StackWebhookChoice(workspace, result.GetValue(stack), result.GetValue(webhookResource)) : null,
                    console, services.TimeProvider, cancellationToken).ConfigureAwait(false);
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

    /// <summary>Where <c>--webhook-resource</c> looks: the stack, and the resource name if one was given.</summary>
    private sealed record StackWebhookChoice(IPulumiWorkspace Workspace, string? Stack, string? Name);

    private static async Task<IActivationWaiter> CreateWaiterAsync(string? listen, string? target, StackWebhookChoice? fromStack, Terminal.IConsoleIO console, TimeProvider time, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(listen))
        {
            return fromStack is null ? new PollingActivationWaiter(time, console)
                : throw new ConfigurationException("--webhook-resource needs --webhook-listen (the loopback URL the stack's webhook target forwards to).");
        }

        Uri? publicTarget = null;
        if (!string.IsNullOrWhiteSpace(target) && (!Uri.TryCreate(target, UriKind.Absolute, out publicTarget) || publicTarget.Scheme != Uri.UriSchemeHttps && !publicTarget.IsLoopback))
        {
            throw new ConfigurationException($"--webhook-target must be an https:// URL (or loopback http://), not '{target}'.");
        }

        var listenUrl = WebhookListener.ParseListenUrl(listen);
        StackWebhook? stackWebhook = null;
        if (fromStack is not null)
        {
            // Port 0 is only known once listening, so a target can be matched only when one is fixed.
            var callTarget = publicTarget ?? (listenUrl.Port == 0 ? null : listenUrl);
            stackWebhook = await StackWebhooks.ResolveAsync(fromStack.Workspace, fromStack.Stack, fromStack.Name, callTarget, cancellationToken).ConfigureAwait(false);
        }

        return new WebhookActivationWaiter(listenUrl, publicTarget, console, time, stackWebhook);
    }

    private static string Summary(VerifyReport report) =>
        report.Senders.Count == 0 ? "no sender was processed"
            : string.Join(", ", report.Senders.GroupBy(s => s.Kind).Select(g => $"{g.Count()} {Words(g.Key)}"));

    private static string Words(OutcomeKind kind) =>
        System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(kind.ToString()).Replace('_', ' ');
}
