using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Kakao.Cli.Stack;
using Kakao.Cli.Terminal;
using Kakao.Provisioning;
using Kakao.Provisioning.Models;

namespace Kakao.Cli.Commands;

/// <summary>
/// <c>kakao templates list|show|activities|comment</c>: a sender's templates and Kakao's inspection of them,
/// straight from the Provisioning API (answering a reviewer's question is part of the inspection).
/// </summary>
internal static class TemplatesCommand
{
    public static Command Create(CliServices services)
    {
        var command = new Command("templates", "A sender's KakaoTalk templates and their inspection: list, show, activities, comment.");
        command.Subcommands.Add(List(services));
        command.Subcommands.Add(Show(services));
        command.Subcommands.Add(Activities(services));
        command.Subcommands.Add(Comment(services));
        return command;
    }

    private static Argument<string> SenderArgument() => new("plusFriendId") { Description = "The sender's plusFriendId, e.g. @sinch-demo." };

    private static Argument<string> CodeArgument() => new("code") { Description = "The template's code (see kakao templates list)." };

    private static Command List(CliServices services)
    {
        var name = new Option<string?>("--name") { Description = "Only templates whose name begins with this text." };
        return Subcommand(services, "list", "List a sender's templates (alphabetical) with their inspection status.", withCode: false, [name], async (call, ct) =>
        {
            var filter = new TemplateListFilter { NamePrefix = call.Result.GetValue(name), PageSize = TemplateLimits.MaxListPageSize };
            var templates = new List<KakaoTemplate>();
            await foreach (var template in call.Client.ListTemplatesAsync(call.PlusFriendId, filter, ct).ConfigureAwait(false))
            {
                templates.Add(template);
            }

            return call.Write(templates, () => call.Console.WriteTable(new TableData($"Templates of {call.PlusFriendId}", ["Code", "Name", "Status", "Language", "Modified (UTC)"],
                templates.Select(t => (IReadOnlyList<string>)
                [
                    t.Code, NameOf(t), TemplateLifecycle.DeriveStatus(t).Value, (t.Changes?.Details?.Language ?? t.Details?.Language)?.Value ?? "-", Time(t.Modified),
                ]).ToList())));
        });
    }

    private static Command Show(CliServices services) =>
        Subcommand(services, "show", "Show one template: status, the reviewer's comment, variables, content and buttons.", withCode: true, [], async (call, ct) =>
        {
            var (id, console) = (call.PlusFriendId, call.Console);
            var snapshot = await call.Client.DescribeTemplateAsync(id, call.Code, ct).ConfigureAwait(false);
            if (snapshot is null)
            {
                console.Error($"Sender {id} has no template {call.Code} in project {call.Client.ProjectId}; `kakao templates list {id}` lists its templates.");
                return ExitCode.NotFound;
            }

            var details = snapshot.CurrentDetails ?? new TemplateDetails();
            if (call.Json)
            {
                console.WriteData(JsonSerializer.Serialize(new
                {
                    template = snapshot.Template,
                    status = snapshot.Status.Value,
                    comment = snapshot.ReviewComment,
                    variables = TemplateLifecycle.Variables(details.Content),
                }, SendersCommand.JsonOptions));
                return ExitCode.Success;
            }

            var rows = new List<IReadOnlyList<string>>
            {
                new[] { "Code", snapshot.Template.Code },
                new[] { "Name", details.Name ?? "-" },
                new[] { "Status", snapshot.Status.Value },
                new[] { "State / changes", $"{snapshot.Template.State?.Value ?? "-"} / {snapshot.Template.Changes?.Status.Value ?? "-"}" },
                new[] { "Reviewer's comment", snapshot.ReviewComment ?? "-" },
                new[] { "Language", details.Language?.Value ?? "-" },
                new[] { "Message / emphasis", $"{details.MessageType?.Value ?? "-"} / {details.EmphasizeType?.Value ?? "-"}" },
                new[] { "Category", details.CategoryCode ?? "-" },
                new[] { "Variables", string.Join(", ", TemplateLifecycle.Variables(details.Content)) },
                new[] { "Content", details.Content ?? "-" },
            };
            foreach (var button in (details.Buttons ?? []).OrderBy(b => b.Ordering))
            {
                rows.Add([$"Button {button.Ordering}", $"{button.Type.Value} \"{button.Name}\" {button.LinkMo ?? button.SchemeAndroid ?? ""}".TrimEnd()]);
            }

            console.WriteTable(new TableData($"Template {snapshot.Template.Code} of {id}", ["Field", "Value"], rows));
            return ExitCode.Success;
        });

    private static Command Activities(CliServices services) =>
        Subcommand(services, "activities", "List a template's activities, newest first (rejection reasons and reviewer questions are comments).", withCode: true, [], async (call, ct) =>
        {
            var activities = new List<TemplateActivity>();
            await foreach (var activity in call.Client.ListTemplateActivitiesAsync(call.PlusFriendId, call.Code, ct).ConfigureAwait(false))
            {
                activities.Add(activity);
            }

            return call.Write(activities, () => call.Console.WriteTable(new TableData($"Activities of template {call.Code} ({call.PlusFriendId})", ["When (UTC)", "Type", "Author", "Comment"],
                activities.Select(a => (IReadOnlyList<string>)[Time(a.Created), a.Type.Value, a.Author ?? "-", a.Comment ?? ""]).ToList())));
        });

    private static Command Comment(CliServices services)
    {
        var text = new Argument<string>("text") { Description = "The comment, e.g. an answer to the reviewer's question (1 to 65535 characters)." };
        return Subcommand(services, "comment", "Add a comment to a template (answer Kakao's reviewer).", withCode: true, [text], async (call, ct) =>
        {
            var comment = await call.Client.AddTemplateCommentAsync(call.PlusFriendId, call.Code, call.Result.GetValue(text)!, ct).ConfigureAwait(false);
            return call.Write(comment, () => call.Console.Success(
                $"Comment added to template {call.Code} of {call.PlusFriendId}; `kakao templates activities {call.PlusFriendId} {call.Code}` shows the dialogue."));
        });
    }

    /// <summary>
    /// The shape every templates subcommand shares: the sender argument (then the template code), its own arguments
    /// and options, --json and the connection options, run through the senders' client and error handling.
    /// </summary>
    private static Command Subcommand(
        CliServices services, string name, string description, bool withCode, Symbol[] own, Func<TemplateCall, CancellationToken, Task<ExitCode>> body)
    {
        var sender = SenderArgument();
        var code = CodeArgument();
        var json = CommonOptions.Json();
        var connection = new ConnectionOptions();
        var command = new Command(name, description);
        command.Arguments.Add(sender);
        if (withCode)
        {
            command.Arguments.Add(code);
        }

        foreach (var symbol in own)
        {
            if (symbol is Argument argument)
            {
                command.Arguments.Add(argument);
            }
            else if (symbol is Option option)
            {
                command.Options.Add(option);
            }
        }

        command.Options.Add(json);
        connection.AddTo(command);
        command.SetAction((result, ct) => SendersCommand.RunAsync(services, result, json, connection, result.GetValue(sender), (client, console, _) =>
            body(new TemplateCall(result, client, console, result.GetValue(sender)!, withCode ? result.GetValue(code)! : string.Empty, result.GetValue(json)), ct), ct));
        return command;
    }

    /// <summary>One parsed templates subcommand: its arguments, the client and where output goes.</summary>
    private sealed record TemplateCall(ParseResult Result, ProvisioningClient Client, IConsoleIO Console, string PlusFriendId, string Code, bool Json)
    {
        /// <summary>Writes <paramref name="data"/> as JSON with --json, else runs the human output.</summary>
        public ExitCode Write<T>(T data, Action human)
        {
            if (Json)
            {
                Console.WriteData(JsonSerializer.Serialize(data, SendersCommand.JsonOptions));
            }
            else
            {
                human();
            }

            return ExitCode.Success;
        }
    }

    private static string NameOf(KakaoTemplate template) => template.Changes?.Details?.Name ?? template.Details?.Name ?? "-";

    private static string Time(DateTimeOffset? time) => time?.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? "-";
}
