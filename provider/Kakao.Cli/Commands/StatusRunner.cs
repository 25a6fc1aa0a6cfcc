using System.Globalization;
using System.Text.Json.Nodes;
using Kakao.Cli.Terminal;
using Kakao.Cli.Verification;
using Kakao.Provisioning;
using Kakao.Provisioning.Models;

namespace Kakao.Cli.Commands;

/// <summary>One sender row of <c>kakao status</c>.</summary>
internal sealed record SenderStatusRow(
    string PlusFriendId,
    string ProjectId,
    string Status,
    string? State,
    string? PendingChanges,
    SenderActivity? LastActivity,
    string? RejectionComment,
    IReadOnlyList<TemplateStatusRow>? Templates = null);

/// <summary>One template of a sender in <c>kakao status</c>: its code, name and inspection status.</summary>
internal sealed record TemplateStatusRow(string Code, string Name, string Status, string? State, string? ChangesStatus);

/// <summary>Reads the rows and renders them as a table or JSON.</summary>
internal sealed class StatusRunner(IConsoleIO console, TimeProvider timeProvider)
{
    public static async Task<SenderStatusRow> ReadAsync(ProvisioningClient client, string plusFriendId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var snapshot = await client.DescribeSenderAsync(plusFriendId, cancellationToken).ConfigureAwait(false);
        return snapshot is null
            ? new SenderStatusRow(plusFriendId, client.ProjectId, NotFoundStatus, null, null, null, null)
            : new SenderStatusRow(plusFriendId, client.ProjectId, snapshot.Status.Value, snapshot.Sender.State?.Value,
                snapshot.Sender.Changes?.Status.Value, snapshot.Activities.FirstOrDefault(), snapshot.RejectionComment,
                await TemplatesAsync(client, plusFriendId, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>The sender's templates with their inspection status (every page); none when the sender has gone meanwhile.</summary>
    public static async Task<IReadOnlyList<TemplateStatusRow>> TemplatesAsync(ProvisioningClient client, string plusFriendId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var rows = new List<TemplateStatusRow>();
        try
        {
            await foreach (var template in client.ListTemplatesAsync(plusFriendId, new TemplateListFilter { PageSize = TemplateLimits.MaxListPageSize }, cancellationToken).ConfigureAwait(false))
            {
                var name = template.Changes?.Details?.Name ?? template.Details?.Name ?? "";
                rows.Add(new TemplateStatusRow(template.Code, name, TemplateLifecycle.DeriveStatus(template).Value, template.State?.Value, template.Changes?.Status.Value));
            }
        }
        catch (ProvisioningApiException ex) when (ex.Status == 404 && ex.ErrorCode == SinchErrorCodes.SenderNotFound)
        {
            return [];
        }

        return rows;
    }

    /// <summary>The templates as one cell: <c>name STATUS</c> each, the first few.</summary>
    internal static string DescribeTemplates(IReadOnlyList<TemplateStatusRow>? templates)
    {
        if (templates is not { Count: > 0 })
        {
            return "-";
        }

        const int Shown = 3;
        var text = string.Join(", ", templates.Take(Shown).Select(t => $"{t.Name} {t.Status}"));
        return templates.Count > Shown ? $"{text} (+{templates.Count - Shown} more: kakao templates list)" : text;
    }

    /// <summary>
    /// Renders the rows once (or on every interval with <paramref name="watch"/>). Missing senders are named;
    /// when nothing was found at all (an empty project, or every requested sender NOT_FOUND) the run says so
    /// with <paramref name="nothingFound"/> and ends with <see cref="ExitCode.NotFound"/>.
    /// </summary>
    public async Task<ExitCode> RunAsync(
        Func<CancellationToken, Task<IReadOnlyList<SenderStatusRow>>> read, bool json, bool watch, TimeSpan interval, CancellationToken cancellationToken,
        string nothingFound = "No KakaoTalk sender was found.")
    {
        ArgumentNullException.ThrowIfNull(read);
        var rendered = false;
        var exitCode = ExitCode.Success;
        while (true)
        {
            IReadOnlyList<SenderStatusRow>? rows = null;
            try
            {
                rows = await read(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (watch && cancellationToken.IsCancellationRequested)
            {
                return ExitCode.Success;
            }
            catch (ProvisioningApiException ex) when (watch && ex.IsTransient)
            {
                // A watch outlives blips: say so and look again at the next tick.
                console.Warn($"Could not read senders this time: {ex.Message}");
            }

            if (rows is not null)
            {
                if (json)
                {
                    console.WriteData(ToJson(rows, indented: !watch));
                }
                else
                {
                    console.WriteTable(ToTable(rows), replacePrevious: watch && rendered);
                }

                if (!rendered)
                {
                    exitCode = ReportMissing(rows, nothingFound);
                }

                rendered = true;
            }

            if (!watch || !await WaitAsync(interval, cancellationToken).ConfigureAwait(false))
            {
                return watch ? ExitCode.Success : exitCode;
            }
        }
    }

    private ExitCode ReportMissing(IReadOnlyList<SenderStatusRow> rows, string nothingFound)
    {
        var missing = rows.Where(r => r.Status == NotFoundStatus).ToList();
        if (rows.Count == 0)
        {
            console.Error(nothingFound);
            return ExitCode.NotFound;
        }

        if (missing.Count == 0)
        {
            return ExitCode.Success;
        }

        var where = string.Join(", ", missing.GroupBy(r => r.ProjectId).Select(g => $"{string.Join(", ", g.Select(r => r.PlusFriendId))} (project {g.Key})"));
        if (missing.Count == rows.Count)
        {
            console.Error($"No such sender at Sinch: {where}. Check the plusFriendId and the project id.");
            return ExitCode.NotFound;
        }

        console.Warn($"Not found at Sinch: {where}.");
        return ExitCode.Success;
    }

    /// <summary>The status of a row whose sender does not exist.</summary>
    public const string NotFoundStatus = "NOT_FOUND";

    /// <summary>Waits one interval; false when Ctrl-C ended the watch (its normal way out).</summary>
    private async Task<bool> WaitAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(interval, timeProvider, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private TableData ToTable(IReadOnlyList<SenderStatusRow> rows)
    {
        var now = timeProvider.GetUtcNow();
        return new TableData(
            $"KakaoTalk senders ({now.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC)",
            ["Sender", "Project", "Status", "State", "Pending changes", "Last activity", "Templates"],
            rows.Select(r => (IReadOnlyList<string>)
            [
                r.PlusFriendId, r.ProjectId, r.Status, r.State ?? "-", r.PendingChanges ?? "-", Describe(r.LastActivity, r.RejectionComment, now),
                DescribeTemplates(r.Templates),
            ]).ToList());
    }

    private static string Describe(SenderActivity? activity, string? rejection, DateTimeOffset now)
    {
        if (activity is null)
        {
            return "-";
        }

        var text = activity.Type.Value + (activity.Created is { } at ? $" {Durations.Format(now - at)} ago" : "");
        var comment = rejection ?? activity.Comment;
        if (!string.IsNullOrWhiteSpace(comment))
        {
            text += ": " + (comment.Length > 60 ? comment[..57] + "..." : comment);
        }

        return text;
    }

    private static string ToJson(IReadOnlyList<SenderStatusRow> rows, bool indented)
    {
        var array = new JsonArray();
        foreach (var r in rows)
        {
            array.Add(new JsonObject
            {
                ["plusFriendId"] = r.PlusFriendId,
                ["projectId"] = r.ProjectId,
                ["status"] = r.Status,
                ["state"] = r.State,
                ["changesStatus"] = r.PendingChanges,
                ["lastActivity"] = r.LastActivity is null ? null : new JsonObject
                {
                    ["type"] = r.LastActivity.Type.Value,
                    ["created"] = r.LastActivity.Created?.ToString("O", CultureInfo.InvariantCulture),
                    ["comment"] = r.LastActivity.Comment,
                },
                ["rejectionComment"] = r.RejectionComment,
                ["templates"] = new JsonArray([.. (r.Templates ?? []).Select(t => (JsonNode)new JsonObject
                {
                    ["code"] = t.Code,
                    ["name"] = t.Name,
                    ["status"] = t.Status,
                    ["state"] = t.State,
                    ["changesStatus"] = t.ChangesStatus,
                })]),
            });
        }

        return array.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = indented, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }
}
