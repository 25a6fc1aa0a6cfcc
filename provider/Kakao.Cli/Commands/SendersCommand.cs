using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kakao.Cli.Stack;
using Kakao.Cli.Terminal;
using Kakao.Cli.Verification;
using Kakao.Provisioning;
using Kakao.Provisioning.Models;

namespace Kakao.Cli.Commands;

/// <summary><c>kakao senders register|verify|activities|categories</c>: the API steps directly, without Pulumi.</summary>
internal static class SendersCommand
{
    public static Command Create(CliServices services)
    {
        var command = new Command("senders", "Call the Provisioning API directly (no Pulumi): register, verify, activities, categories.");
        command.Subcommands.Add(Register(services));
        command.Subcommands.Add(Verify(services));
        command.Subcommands.Add(Activities(services));
        command.Subcommands.Add(Categories(services));
        return command;
    }

    private static Argument<string> SenderArgument() => new("plusFriendId") { Description = "The sender's plusFriendId, e.g. @sinch-demo." };

    private static Command Register(CliServices services)
    {
        var sender = SenderArgument();
        var json = CommonOptions.Json();
        var connection = new ConnectionOptions();
        var command = new Command("register", "Send a one-time code to the sender's admin phone (state VERIFYING); again to re-send.");
        command.Arguments.Add(sender);
        command.Options.Add(json);
        connection.AddTo(command);
        command.SetAction((result, ct) => RunAsync(services, result, json, connection, result.GetValue(sender), async (client, console, _) =>
        {
            var id = result.GetValue(sender)!;
            var policy = VerifyPolicy.Direct(id, null, register: true) with { RerunCommand = $"kakao senders register {id}" };
            var (updated, refused) = await console.RunWithStatusAsync($"Registering {id}…",
                c => SenderVerifier.RegisterOrExplainAsync(client, id, policy, services.TimeProvider, c), ct).ConfigureAwait(false);
            if (refused is not null)
            {
                return Report(console, result.GetValue(json), refused);
            }

            Print(console, result.GetValue(json), updated!, $"A code was sent to the admin phone of {id}; state {updated!.State?.Value ?? "-"}. Enter it with `kakao senders verify {id}`.");
            return ExitCode.Success;
        }, ct));
        return command;
    }

    private static Command Verify(CliServices services)
    {
        var sender = SenderArgument();
        var otpFrom = CommonOptions.OtpFrom();
        var register = new Option<bool>("--register") { Description = "Register first when the sender was never registered (sends a code to the admin phone); without it, a terminal asks and a pipeline stops." };
        var timeout = CommonOptions.Duration("--timeout", TimeSpan.FromMinutes(30), "Give up waiting for ACTIVE after this long (e.g. 30m); exit 6.");
        var json = CommonOptions.Json();
        var connection = new ConnectionOptions();
        var command = new Command("verify", "Verify a VERIFYING sender with the one-time code (the code is never echoed); the same checks and advice as kakao verify.");
        command.Arguments.Add(sender);
        command.Options.Add(otpFrom);
        command.Options.Add(register);
        command.Options.Add(timeout);
        command.Options.Add(json);
        connection.AddTo(command);
        command.SetAction((result, ct) => RunAsync(services, result, json, connection, result.GetValue(sender), async (client, console, settings) =>
        {
            var id = result.GetValue(sender)!;
            var otp = OtpSources.Create(result.GetValue(otpFrom), console, services.Environment, services.StandardInput);
            var policy = VerifyPolicy.Direct(id, result.GetValue(otpFrom), result.GetValue(register));
            if (!otp.CanSupplyCodes)
            {
                // Asked to verify with no way to get a code: a usage error, found before any call to Sinch.
                throw new ConfigurationException($"kakao senders verify {id} needs a code: this is not a terminal, so pass --otp-from env:VAR, file:PATH or stdin.");
            }

            var waiter = new PollingActivationWaiter(services.TimeProvider, console);
            await using (waiter.ConfigureAwait(false))
            {
                var verifier = new SenderVerifier(otp, waiter, console, services.TimeProvider, policy);
                using var deadline = new CancellationTokenSource(result.GetValue(timeout), services.TimeProvider);
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, deadline.Token);
                SenderOutcome outcome;
                try
                {
                    outcome = await verifier.RunAsync(client, id, settings.Endpoint, linked.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (deadline.IsCancellationRequested && !ct.IsCancellationRequested)
                {
                    outcome = new SenderOutcome(id, OutcomeKind.TimedOut,
                        $"{id} was not ACTIVE within the {Durations.Format(result.GetValue(timeout))} timeout; `kakao status --sender {id}` shows where it is.");
                }

                return Report(console, result.GetValue(json), outcome with { ProjectId = outcome.ProjectId ?? client.ProjectId });
            }
        }, ct));
        return command;
    }

    /// <summary>Prints one sender's outcome (a line, or the JSON object) and returns its exit code.</summary>
    private static ExitCode Report(IConsoleIO console, bool json, SenderOutcome outcome)
    {
        switch (outcome.ExitCode)
        {
            case ExitCode.Success:
                console.Success(outcome.Message);
                break;
            case ExitCode.InReview:
                console.Warn(outcome.Message);
                break;
            default:
                console.Error(outcome.Message);
                break;
        }

        if (json)
        {
            console.WriteData(VerifyReport.SenderJson(outcome).ToJsonString(VerifyReport.Indented));
        }

        return outcome.ExitCode;
    }

    private static Command Activities(CliServices services)
    {
        var sender = SenderArgument();
        var json = CommonOptions.Json();
        var connection = new ConnectionOptions();
        var command = new Command("activities", "List a sender's activities, newest first (rejection reasons are comments).");
        command.Arguments.Add(sender);
        command.Options.Add(json);
        connection.AddTo(command);
        command.SetAction((result, ct) => RunAsync(services, result, json, connection, result.GetValue(sender), async (client, console, _) =>
        {
            var id = result.GetValue(sender)!;
            var activities = new List<SenderActivity>();
            await foreach (var activity in client.ListSenderActivitiesAsync(id, ct).ConfigureAwait(false))
            {
                activities.Add(activity);
            }

            if (result.GetValue(json))
            {
                console.WriteData(JsonSerializer.Serialize(activities, JsonOptions));
            }
            else
            {
                console.WriteTable(new TableData($"Activities of {id}", ["When (UTC)", "Type", "Author", "Comment"],
                    activities.Select(a => (IReadOnlyList<string>)
                    [
                        a.Created?.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? "-", a.Type.Value, a.Author ?? "-", a.Comment ?? "",
                    ]).ToList()));
            }

            return ExitCode.Success;
        }, ct));
        return command;
    }

    private static Command Categories(CliServices services)
    {
        var json = CommonOptions.Json();
        var connection = new ConnectionOptions();
        var command = new Command("categories", "List the sender category tree (top 3 digits / mid 4 / sub 4).");
        command.Options.Add(json);
        connection.AddTo(command);
        command.SetAction((result, ct) => RunAsync(services, result, json, connection, async (client, console) =>
        {
            var tree = await client.ListSenderCategoriesAsync(ct).ConfigureAwait(false);
            if (result.GetValue(json))
            {
                console.WriteData(JsonSerializer.Serialize(tree, JsonOptions));
            }
            else
            {
                var rows = new List<IReadOnlyList<string>>();
                Flatten(tree, "", rows);
                console.WriteTable(new TableData("Sender categories", ["Code path", "Name"], rows));
            }

            return ExitCode.Success;
        }, ct));
        return command;
    }

    private static void Flatten(IReadOnlyList<SenderCategory> nodes, string prefix, List<IReadOnlyList<string>> rows)
    {
        foreach (var node in nodes)
        {
            var path = prefix.Length == 0 ? node.Code : prefix + " / " + node.Code;
            rows.Add([path, node.Name]);
            Flatten(node.Subcategories, path, rows);
        }
    }

    internal static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerOptions.Web) { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static Task<int> RunAsync(
        CliServices services, ParseResult result, Option<bool> json, ConnectionOptions connection,
        Func<ProvisioningClient, IConsoleIO, Task<ExitCode>> action, CancellationToken cancellationToken) =>
        RunAsync(services, result, json, connection, null, (client, console, _) => action(client, console), cancellationToken);

    internal static Task<int> RunAsync(
        CliServices services, ParseResult result, Option<bool> json, ConnectionOptions connection, string? plusFriendId,
        Func<ProvisioningClient, IConsoleIO, SinchConnection, Task<ExitCode>> action, CancellationToken cancellationToken)
    {
        var asJson = result.GetValue(json);
        var console = services.Console(asJson);
        var context = new FailureContext
        {
            PlusFriendId = plusFriendId,
            WriteJson = asJson ? (code, message) => console.WriteData(FailureContext.ErrorJson(code, message)) : null,
        };
        return CliErrors.GuardAsync(console, async () =>
        {
            var settings = connection.Resolve(result, services.Environment);
            context.Connection = settings;
            using var client = services.Clients.Create(settings);
            return await action(client, console, settings).ConfigureAwait(false);
        }, cancellationToken, context);
    }

    private static void Print(IConsoleIO console, bool json, KakaoSender sender, string message)
    {
        if (json)
        {
            // Personal data stays out of machine output as well: the admin phone is masked.
            var node = JsonSerializer.SerializeToNode(sender, JsonOptions) as JsonObject;
            foreach (var details in new[] { node?["details"], node?["changes"]?["details"] })
            {
                if (details is JsonObject d && d.ContainsKey("adminPhoneNo"))
                {
                    d["adminPhoneNo"] = "***";
                }
            }

            console.WriteData(node?.ToJsonString(JsonOptions) ?? "null");
        }
        else
        {
            console.Success(message);
        }
    }
}
