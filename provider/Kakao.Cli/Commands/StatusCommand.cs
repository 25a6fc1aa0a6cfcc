using System.CommandLine;
using Kakao.Cli.Stack;
using Kakao.Provisioning;

namespace Kakao.Cli.Commands;

/// <summary><c>kakao status</c>: senders of a stack (or of a project) with status, state, changes, last activity.</summary>
internal static class StatusCommand
{
    public static Command Create(CliServices services)
    {
        var stack = CommonOptions.Stack();
        var cwd = CommonOptions.Cwd();
        var senders = CommonOptions.Senders("Only these senders (plusFriendId); repeatable. With --project and none given: every sender of the project.");
        var watch = new Option<bool>("--watch", "-w") { Description = "Keep refreshing until Ctrl-C." };
        var interval = CommonOptions.Duration("--interval", TimeSpan.FromSeconds(10), "Refresh interval of --watch.");
        var json = CommonOptions.Json();
        var connection = new ConnectionOptions();

        var command = new Command("status", "Show KakaoTalk senders of a stack (or, with --project, of a Sinch project) as Sinch sees them now.");
        foreach (var option in new Option[] { stack, cwd, senders, watch, interval, json })
        {
            command.Options.Add(option);
        }

        connection.AddTo(command);
        command.SetAction((result, cancellationToken) =>
        {
            var asJson = result.GetValue(json);
            var console = services.Console(asJson);
            var context = new FailureContext { WriteJson = asJson ? (code, message) => console.WriteData(FailureContext.ErrorJson(code, message)) : null };
            return CliErrors.GuardAsync(console, async () =>
            {
                var wanted = result.GetValue(senders) ?? [];
                var direct = result.GetValue(connection.Project) is not null;
                if (direct && result.GetValue(stack) is not null)
                {
                    throw new ConfigurationException("Use either --stack or --project, not both.");
                }

                var clients = new List<ProvisioningClient>();
                try
                {
                    var read = direct
                        ? DirectReader(result, connection, wanted, services, clients, context)
                        : await StackReaderAsync(result.GetValue(stack), result.GetValue(cwd), wanted, services, clients, context, cancellationToken).ConfigureAwait(false);
                    var runner = new StatusRunner(console, services.TimeProvider);
                    var nothingFound = direct
                        ? $"Project {clients[0].ProjectId} has no KakaoTalk senders that this access key can see: check the project id ({context.Connection?.ProjectOrigin ?? "--project"}), or create a sender first (`pulumi up`)."
                        : "No KakaoTalk sender was found.";
                    return await runner.RunAsync(read, result.GetValue(json), result.GetValue(watch), result.GetValue(interval), cancellationToken, nothingFound).ConfigureAwait(false);
                }
                finally
                {
                    clients.ForEach(c => c.Dispose());
                }
            }, cancellationToken, context);
        });
        return command;
    }

    private static Func<CancellationToken, Task<IReadOnlyList<SenderStatusRow>>> DirectReader(
        ParseResult result, ConnectionOptions connection, string[] wanted, CliServices services, List<ProvisioningClient> clients, FailureContext context)
    {
        context.Connection = connection.Resolve(result, services.Environment);
        var client = services.Clients.Create(context.Connection);
        clients.Add(client);
        return async ct =>
        {
            var ids = wanted.Length > 0 ? wanted.ToList() : await ListAllAsync(client, ct).ConfigureAwait(false);
            var rows = new List<SenderStatusRow>();
            foreach (var id in ids)
            {
                rows.Add(await StatusRunner.ReadAsync(client, id, ct).ConfigureAwait(false));
            }

            return rows;
        };
    }

    private static async Task<List<string>> ListAllAsync(ProvisioningClient client, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        await foreach (var sender in client.ListSendersAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            ids.Add(sender.PlusFriendId);
        }

        return ids;
    }

    private static async Task<Func<CancellationToken, Task<IReadOnlyList<SenderStatusRow>>>> StackReaderAsync(
        string? stack, string? cwd, string[] wanted, CliServices services, List<ProvisioningClient> clients, FailureContext context, CancellationToken cancellationToken)
    {
        var workspace = services.Workspace(Path.GetFullPath(cwd ?? Environment.CurrentDirectory));
        var deployment = await workspace.ExportStackAsync(stack, cancellationToken: cancellationToken).ConfigureAwait(false);
        var found = StackSenderCatalog.Find(deployment).Where(s => wanted.Length == 0 || wanted.Contains(s.PlusFriendId)).ToList();
        if (found.Count == 0)
        {
            throw new ConfigurationException($"No matching kakao:index:KakaoSender resources in {stack ?? "the selected stack"}.");
        }

        var resolver = new StackConnectionResolver(workspace, stack, services.Environment);
        var byKey = new Dictionary<string, ProvisioningClient>(StringComparer.Ordinal);
        var targets = new List<(string Id, ProvisioningClient Client)>();
        foreach (var sender in found)
        {
            var connection = await resolver.ResolveAsync(sender, cancellationToken).ConfigureAwait(false);
            // A refused key names where it came from; senders of one stack usually share one provider.
            context.Connection ??= connection;
            if (!byKey.TryGetValue(connection.ClientKey, out var client))
            {
                client = services.Clients.Create(connection);
                byKey[connection.ClientKey] = client;
                clients.Add(client);
            }

            targets.Add((sender.PlusFriendId, client));
        }

        return async ct =>
        {
            var rows = new List<SenderStatusRow>();
            foreach (var (id, client) in targets)
            {
                rows.Add(await StatusRunner.ReadAsync(client, id, ct).ConfigureAwait(false));
            }

            return rows;
        };
    }
}
