using System.Text.Json.Nodes;
using Kakao.Reliability.Tests.Support;

namespace Kakao.Reliability.Tests.FaultSoak;

/// <summary>
/// The soak's fault mix as emulator rules: 10 % 503, 5 % 429 with Retry-After, 2 % commit-then-fail (writes),
/// 2 % aborted connections and 3 % latency spikes, on every sender route the plugin and the client use. The
/// emulator tries rules in order and fires the first whose draw succeeds, so each rule's probability is
/// conditional on the earlier ones not firing — that keeps the overall rates at the nominal percentages.
/// The sender list route is left alone: the test reads the truth through it.
/// </summary>
internal static class FaultPlan
{
    public const double ServiceUnavailable = 0.10;
    public const double TooManyRequests = 0.05;
    public const double CommitThenFail = 0.02;
    public const double Aborted = 0.02;
    public const double LatencySpike = 0.03;

    // The create route (POST on the collection) and everything under one sender.
    private const string Collection = "/v1/projects/*/kakaotalk/senders";
    private const string Items = "/v1/projects/*/kakaotalk/senders/**";

    public static JsonArray Rules(SoakSettings settings)
    {
        var rules = new JsonArray();
        double left = 1;

        double p503 = ServiceUnavailable / left;
        left -= ServiceUnavailable;
        AddBoth(rules, p503, new JsonObject { ["status"] = 503 });

        double p429 = TooManyRequests / left;
        left -= TooManyRequests;
        AddBoth(rules, p429, new JsonObject { ["status"] = 429, ["retryAfterSeconds"] = settings.RetryAfterSeconds });

        // Only writes can commit; a GET never matches these rules, so it does not consume the draw.
        double pCommit = CommitThenFail / left;
        left -= CommitThenFail;
        foreach (var method in new[] { "POST", "PATCH", "DELETE" })
        {
            rules.Add(Rule(method, Items, pCommit, new JsonObject { ["commitThenFail"] = true, ["status"] = 503 }));
        }

        rules.Add(Rule("POST", Collection, pCommit, new JsonObject { ["commitThenFail"] = true, ["abort"] = true }));

        double pAbort = Aborted / left;
        left -= Aborted;
        AddBoth(rules, pAbort, new JsonObject { ["abort"] = true });

        double pLatency = LatencySpike / left;
        AddBoth(rules, pLatency, new JsonObject { ["latencyMs"] = settings.LatencySpikeMs });
        return rules;
    }

    /// <summary>What a fired rule injected, from its JSON (for the report).</summary>
    public static string KindOf(JsonNode rule) =>
        rule["commitThenFail"]?.GetValue<bool>() == true ? "commit-then-fail"
        : rule["abort"]?.GetValue<bool>() == true ? "aborted connection"
        : rule["status"]?.GetValue<int>() is { } status ? (status == 429 ? "429 + Retry-After" : status.ToString(System.Globalization.CultureInfo.InvariantCulture))
        : "latency spike";

    private static void AddBoth(JsonArray rules, double probability, JsonObject fault)
    {
        rules.Add(Rule("POST", Collection, probability, fault.DeepClone().AsObject()));
        rules.Add(Rule(null, Items, probability, fault));
    }

    private static JsonObject Rule(string? method, string path, double probability, JsonObject fault)
    {
        var rule = new JsonObject { ["path"] = path, ["probability"] = Math.Round(probability, 6) };
        if (method is not null)
        {
            rule["method"] = method;
        }

        foreach (var (key, value) in fault.ToArray())
        {
            fault.Remove(key);
            rule[key] = value;
        }

        return rule;
    }
}
