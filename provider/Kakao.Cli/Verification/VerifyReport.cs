using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kakao.Cli.Verification;

/// <summary>What <c>kakao verify</c> did, for the summary and <c>--json</c>.</summary>
internal sealed record VerifyReport(string? Stack, IReadOnlyList<SenderOutcome> Senders, ExitCode ExitCode)
{
    public static VerifyReport Interrupted(string? stack, IReadOnlyList<SenderOutcome> senders) => new(stack, senders, ExitCode.Cancelled);

    public string ToJson()
    {
        var senders = new JsonArray();
        foreach (var s in Senders)
        {
            senders.Add(new JsonObject
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
            });
        }

        return new JsonObject
        {
            ["stack"] = Stack,
            ["exitCode"] = (int)ExitCode,
            ["result"] = ExitCode.ToString(),
            ["senders"] = senders,
        }.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }
}
