using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
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
        command.SetAction((result, ct) => RunAsync(services, result, json, connection, async (client, console) =>
        {
            var id = result.GetValue(sender)!;
            var updated = await console.RunWithStatusAsync($"Registering {id}…", c => client.RegisterSenderAsync(id, c), ct).ConfigureAwait(false);
            Print(console, result.GetValue(json), updated, $"A code was sent to the admin phone of {id}; state {updated.State?.Value ?? "-"}.");
            return ExitCode.Success;
        }, ct));
        return command;
    }

    private static Command Verify(CliServices services)
    {
        var sender = SenderArgument();
        var otpFrom = CommonOptions.OtpFrom();
        var json = CommonOptions.Json();
        var connection = new ConnectionOptions();
        var command = new Command("verify", "Verify a VERIFYING sender with the one-time code (the code is never echoed).");
        command.Arguments.Add(sender);
        command.Options.Add(otpFrom);
        command.Options.Add(json);
        connection.AddTo(command);
        command.SetAction((result, ct) => RunAsync(services, result, json, connection, async (client, console, endpoint) =>
        {
            var id = result.GetValue(sender)!;
            var otp = OtpSources.Create(result.GetValue(otpFrom), console, services.Environment, services.StandardInput);
            for (var attempt = 1; ; attempt++)
            {
                var read = await otp.ReadAsync(new OtpRequest(id, client.ProjectId, endpoint), ct).ConfigureAwait(false);
                if (read.Code is not { } code)
                {
                    console.Error($"{id} was not verified: {read.Problem}.");
                    return otp.CanSupplyCodes ? ExitCode.VerificationFailed : ExitCode.UsageError;
                }

                try
                {
                    var updated = await client.VerifySenderAsync(id, code.Value, ct).ConfigureAwait(false);
                    Print(console, result.GetValue(json), updated, $"{id} verified; state {updated.State?.Value ?? "-"}.");
                    return ExitCode.Success;
                }
                catch (ProvisioningApiException ex) when (ex.Status is 400 or 409)
                {
                    var canRetry = otp.CanRetry && ex.Status == 400 && attempt < SenderVerifier.MaxCodeAttempts;
                    (canRetry ? (Action<string>)console.Warn : console.Error)($"The code was not accepted: {ex.ApiMessage ?? ex.ErrorCode}.");
                    if (!canRetry)
                    {
                        return ExitCode.VerificationFailed;
                    }
                }
            }
        }, ct));
        return command;
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
        command.SetAction((result, ct) => RunAsync(services, result, json, connection, async (client, console) =>
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

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerOptions.Web) { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static Task<int> RunAsync(
        CliServices services, ParseResult result, Option<bool> json, ConnectionOptions connection,
        Func<ProvisioningClient, IConsoleIO, Task<ExitCode>> action, CancellationToken cancellationToken) =>
        RunAsync(services, result, json, connection, (client, console, _) => action(client, console), cancellationToken);

    private static Task<int> RunAsync(
        CliServices services, ParseResult result, Option<bool> json, ConnectionOptions connection,
        Func<ProvisioningClient, IConsoleIO, Uri, Task<ExitCode>> action, CancellationToken cancellationToken)
    {
        var console = services.Console(result.GetValue(json));
        return CliErrors.GuardAsync(console, async () =>
        {
            var settings = connection.Resolve(result, services.Environment);
            using var client = services.Clients.Create(settings);
            return await action(client, console, settings.Endpoint).ConfigureAwait(false);
        }, cancellationToken);
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
