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
        var sender = SenderArgument();
        var name = new Option<string?>("--name") { Description = "Only templates whose name begins with this text." };
        var json = CommonOptions.Json();
        var connection = new ConnectionOptions();
        var command = new Command("list", "List a sender's templates (alphabetical) with their inspection status.");
        command.Arguments.Add(sender);
        command.Options.Add(name);
        command.Options.Add(json);
        connection.AddTo(command);
        command.SetAction((result, ct) => SendersCommand.RunAsync(services, result, json, connection, result.GetValue(sender), async (client, console, _) =>
        {
            var id = result.GetValue(sender)!;
            var filter = new TemplateListFilter { NamePrefix = result.GetValue(name), PageSize = TemplateLimits.MaxListPageSize };
            var templates = new List<KakaoTemplate>();
            await foreach (var template in client.ListTemplatesAsync(id, filter, ct).ConfigureAwait(false))
            {
                templates.Add(template);
            }

            if (result.GetValue(json))
            {
                console.WriteData(JsonSerializer.Serialize(templates, SendersCommand.JsonOptions));
            }
            else
            {
                console.WriteTable(new TableData($"Templates of {id}", ["Code", "Name", "Status", "Language", "Modified (UTC)"],
                    templates.Select(t => (IReadOnlyList<string>)
                    [
                        t.Code, NameOf(t), TemplateLifecycle.DeriveStatus(t).Value, (t.Changes?.Details?.Language ?? t.Details?.Language)?.Value ?? "-", Time(t.Modified),
                    ]).ToList()));
            }

            return ExitCode.Success;
        }, ct));
        return command;
    }

    private static Command Show(CliServices services)
    {
        var sender = SenderArgument();
        var code = CodeArgument();
        var json = CommonOptions.Json();
        var connection = new ConnectionOptions();
        var command = new Command("show", "Show one template: status, the reviewer's comment, variables, content and buttons.");
        command.Arguments.Add(sender);
        command.Arguments.Add(code);
        command.Options.Add(json);
        connection.AddTo(command);
        command.SetAction((result, ct) => SendersCommand.RunAsync(services, result, json, connection, result.GetValue(sender), async (client, console, _) =>
        {
            var id = result.GetValue(sender)!;
            var templateCode = result.GetValue(code)!;
            var snapshot = await client.DescribeTemplateAsync(id, templateCode, ct).ConfigureAwait(false);
            if (snapshot is null)
            {
                console.Error($"Sender {id} has no template {templateCode} in project {client.ProjectId}; `kakao templates list {id}` lists its templates.");
                return ExitCode.NotFound;
            }

            var details = snapshot.CurrentDetails ?? new TemplateDetails();
            if (result.GetValue(json))
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
        }, ct));
        return command;
    }

    private static Command Activities(CliServices services)
    {
        var sender = SenderArgument();
        var code = CodeArgument();
        var json = CommonOptions.Json();
        var connection = new ConnectionOptions();
        var command = new Command("activities", "List a template's activities, newest first (rejection reasons and reviewer questions are comments).");
        command.Arguments.Add(sender);
        command.Arguments.Add(code);
        command.Options.Add(json);
        connection.AddTo(command);
        command.SetAction((result, ct) => SendersCommand.RunAsync(services, result, json, connection, result.GetValue(sender), async (client, console, _) =>
        {
            var id = result.GetValue(sender)!;
            var activities = new List<TemplateActivity>();
            await foreach (var activity in client.ListTemplateActivitiesAsync(id, result.GetValue(code)!, ct).ConfigureAwait(false))
            {
                activities.Add(activity);
            }

            if (result.GetValue(json))
            {
                console.WriteData(JsonSerializer.Serialize(activities, SendersCommand.JsonOptions));
            }
            else
            {
                console.WriteTable(new TableData($"Activities of template {result.GetValue(code)} ({id})", ["When (UTC)", "Type", "Author", "Comment"],
                    activities.Select(a => (IReadOnlyList<string>)[Time(a.Created), a.Type.Value, a.Author ?? "-", a.Comment ?? ""]).ToList()));
            }

            return ExitCode.Success;
        }, ct));
        return command;
    }

    private static Command Comment(CliServices services)
    {
        var sender = SenderArgument();
        var code = CodeArgument();
        var text = new Argument<string>("text") { Description = "The comment, e.g. an answer to the reviewer's question (1 to 65535 characters)." };
        var json = CommonOptions.Json();
        var connection = new ConnectionOptions();
        var command = new Command("comment", "Add a comment to a template (answer Kakao's reviewer).");
        command.Arguments.Add(sender);
        command.Arguments.Add(code);
        command.Arguments.Add(text);
        command.Options.Add(json);
        connection.AddTo(command);
        command.SetAction((result, ct) => SendersCommand.RunAsync(services, result, json, connection, result.GetValue(sender), async (client, console, _) =>
        {
            var id = result.GetValue(sender)!;
            var templateCode = result.GetValue(code)!;
            var comment = await client.AddTemplateCommentAsync(id, templateCode, result.GetValue(text)!, ct).ConfigureAwait(false);
            if (result.GetValue(json))
            {
                console.WriteData(JsonSerializer.Serialize(comment, SendersCommand.JsonOptions));
            }
            else
            {
                console.Success($"Comment added to template {templateCode} of {id}; `kakao templates activities {id} {templateCode}` shows the dialogue.");
            }

            return ExitCode.Success;
        }, ct));
        return command;
    }

    private static string NameOf(KakaoTemplate template) => template.Changes?.Details?.Name ?? template.Details?.Name ?? "-";

    private static string Time(DateTimeOffset? time) => time?.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? "-";
}
