using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kakao.Verification;

/// <summary>What a verification run did, for the summary and <c>--json</c>.</summary>
/// <param name="Stack">The stack (null: the selected one).</param>
/// <param name="Senders">One outcome per sender, in stack order.</param>
/// <param name="ExitCode">The run's exit code: the most severe of the senders' (see <see cref="ExitCodes.Worst"/>).</param>
public sealed record VerifyReport(string? Stack, IReadOnlyList<SenderOutcome> Senders, ExitCode ExitCode)
{
    internal static VerifyReport Interrupted(string? stack, IReadOnlyList<SenderOutcome> senders) => new(stack, senders, ExitCode.Cancelled);

    /// <summary>The report of a run that failed before any sender was processed (e.g. a bad setting).</summary>
    /// <param name="stack">The stack.</param>
    /// <param name="exitCode">The failure's exit code.</param>
    /// <param name="error">What went wrong.</param>
    public static VerifyReport Failed(string? stack, ExitCode exitCode, string error) => new(stack, [], exitCode) { Error = error };

    /// <summary>Why the run failed as a whole, when it did.</summary>
    public string? Error { get; init; }

    /// <summary>The report as the indented JSON document <c>kakao verify --json</c> prints.</summary>
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
    internal static JsonObject SenderJson(SenderOutcome s)
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
    internal static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
