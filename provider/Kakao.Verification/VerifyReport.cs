using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kakao.Verification;

/// <summary>What <c>kakao verify</c> did, for the summary and <c>--json</c>.</summary>
internal sealed record VerifyReport(string? Stack, IReadOnlyList<SenderOutcome> Senders, ExitCode ExitCode)
{
    public static VerifyReport Interrupted(string? stack, IReadOnlyList<SenderOutcome> senders) => new(stack, senders, ExitCode.Cancelled);

    /// <summary>The report of a run that failed before any sender was processed (e.g. a bad setting).</summary>
    public static VerifyReport Failed(string? stack, ExitCode exitCode, string error) => new(stack, [], exitCode) { Error = error };

    /// <summary>Why the run failed as a whole, when it did.</summary>
    public string? Error { get; init; }

    public string ToJson()
    {
        var senders = new JsonArray();
        foreach (var s in Senders)
        {
            senders.Add(SenderJson(s));
        }

        var root = new JsonObject
        {
            ["stack"] = Stack,
            ["exitCode"] = (int)ExitCode,
            ["result"] = ExitCode.ToString(),
            ["senders"] = senders,
        };
        if (Error is not null)
        {
            root["error"] = Error;
        }

        return root.ToJsonString(Indented);
    }

    /// <summary>One sender's outcome as <c>--json</c> writes it.</summary>
    public static JsonObject SenderJson(SenderOutcome s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new JsonObject
        {
            ["plusFriendId"] = s.PlusFriendId,
            ["projectId"] = s.ProjectId,
            ["statusBefore"] = s.StatusBefore?.Value,
            ["status"] = s.StatusAfter?.Value,
            ["outcome"] = JsonNamingPolicy.SnakeCaseLower.ConvertName(s.Kind.ToString()),
            ["exitCode"] = (int)s.ExitCode,
            ["message"] = s.Message,
            ["rejectionComment"] = s.RejectionComment,
            ["inReviewSeconds"] = s.InReviewFor is { } r ? (long)r.TotalSeconds : null,
        };
    }

    /// <summary>Indented JSON for people and tools alike.</summary>
    public static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
}
