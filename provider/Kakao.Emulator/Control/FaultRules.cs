using System.Text.Json;
using System.Text.RegularExpressions;
using Kakao.Emulator.Http;

namespace Kakao.Emulator.Control;

/// <summary>One fault rule of POST /_emulator/faults (see docs/emulator.md for the JSON).</summary>
internal sealed record FaultRule(
    string? Method,
    string Path,
    int? Status,
    double Probability,
    int? Count,
    int Skip,
    int? RetryAfterSeconds,
    int LatencyMs,
    bool Abort,
    bool CommitThenFail,
    int CommitThenDelayMs = 0)
{
    /// <summary>The status answered after a commit-then-fail write when none is given.</summary>
    public const int DefaultCommitThenFailStatus = 503;
}

/// <summary>What the injector decided for one request.</summary>
internal sealed record FaultDecision(FaultRule Rule, int RuleIndex)
{
    public string Describe() =>
        $"rule {RuleIndex}: " + (Rule.CommitThenFail ? "commit-then-" : string.Empty)
        + (Rule.CommitThenDelayMs > 0 ? "commit-then-slow-answer"
            : Rule.Abort ? "abort" : Rule.Status is { } s ? s.ToString(System.Globalization.CultureInfo.InvariantCulture) : "latency");
}

/// <summary>Parses and validates the fault JSON into rules; errors answer 400 invalid_input.</summary>
internal static class FaultRuleParser
{
    public static (IReadOnlyList<FaultRule> Rules, int? Seed) Parse(JsonElement body)
    {
        var errors = new List<string>();
        int? seed = null;
        if (body.TryGetProperty("seed", out var seedElement) && seedElement.ValueKind != JsonValueKind.Null)
        {
            if (seedElement.ValueKind == JsonValueKind.Number && seedElement.TryGetInt32(out int s))
            {
                seed = s;
            }
            else
            {
                errors.Add("seed must be an integer");
            }
        }

        var rules = new List<FaultRule>();
        if (!body.TryGetProperty("rules", out var rulesElement) || rulesElement.ValueKind != JsonValueKind.Array)
        {
            errors.Add("rules must be an array");
        }
        else
        {
            int index = 0;
            foreach (var element in rulesElement.EnumerateArray())
            {
                if (ParseRule(element, $"rules.{index}.", errors) is { } rule)
                {
                    rules.Add(rule);
                }

                index++;
            }
        }

        if (errors.Count > 0)
        {
            throw ApiException.InvalidInput(errors);
        }

        return (rules, seed);
    }

    private static FaultRule? ParseRule(JsonElement element, string prefix, List<string> errors)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add($"{prefix}rule must be an object");
            return null;
        }

        int before = errors.Count;
        string? method = OptionalString(element, "method", prefix, errors)?.ToUpperInvariant();
        string? path = OptionalString(element, "path", prefix, errors);
        if (string.IsNullOrWhiteSpace(path) || !path.StartsWith('/'))
        {
            errors.Add($"{prefix}path must be a route pattern starting with /");
        }

        int? status = OptionalInt(element, "status", prefix, errors, 400, 599);
        double probability = 1;
        if (element.TryGetProperty("probability", out var p) && p.ValueKind != JsonValueKind.Null)
        {
            if (p.ValueKind != JsonValueKind.Number || !p.TryGetDouble(out probability) || probability < 0 || probability > 1)
            {
                errors.Add($"{prefix}probability must be a number between 0 and 1");
            }
        }

        int? count = OptionalInt(element, "count", prefix, errors, 0, int.MaxValue);
        int skip = OptionalInt(element, "skip", prefix, errors, 0, int.MaxValue) ?? 0;
        int? retryAfter = OptionalInt(element, "retryAfterSeconds", prefix, errors, 0, 86_400);
        int latency = OptionalInt(element, "latencyMs", prefix, errors, 0, 120_000) ?? 0;
        bool abort = OptionalBool(element, "abort", prefix, errors);
        bool commitThenFail = OptionalBool(element, "commitThenFail", prefix, errors);
        int commitThenDelay = OptionalInt(element, "commitThenDelayMs", prefix, errors, 0, 600_000) ?? 0;
        if (status is null && !abort && !commitThenFail && latency == 0 && commitThenDelay == 0)
        {
            errors.Add($"{prefix}rule must set status, abort, commitThenFail, commitThenDelayMs or latencyMs");
        }

        if (commitThenDelay > 0 && (commitThenFail || abort || status is not null))
        {
            // The write's own answer is what finally goes out; a status or a dropped connection would contradict it.
            errors.Add($"{prefix}commitThenDelayMs cannot be combined with commitThenFail, abort or status");
        }

        return errors.Count > before
            ? null
            : new FaultRule(method, path!, status, probability, count, skip, retryAfter, latency, abort, commitThenFail, commitThenDelay);
    }

    private static string? OptionalString(JsonElement element, string name, string prefix, List<string> errors)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            errors.Add($"{prefix}{name} must be a string");
            return null;
        }

        return value.GetString();
    }

    private static int? OptionalInt(JsonElement element, string name, string prefix, List<string> errors, int min, int max)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out int number) || number < min || number > max)
        {
            errors.Add($"{prefix}{name} must be an integer between {min} and {max}");
            return null;
        }

        return number;
    }

    private static bool OptionalBool(JsonElement element, string name, string prefix, List<string> errors)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return false;
        }

        if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            errors.Add($"{prefix}{name} must be a boolean value");
            return false;
        }

        return value.GetBoolean();
    }
}

/// <summary>
/// The active fault rules. The first rule whose method and path match, whose skip is used up, whose count is
/// not exhausted and whose probability draw succeeds fires. Draws come from a seeded generator when a seed is
/// given, so tests get the same sequence every run.
/// </summary>
internal sealed class FaultInjector
{
    private readonly Lock _gate = new();
    private List<ActiveRule> _rules = [];
    private Random _random = new();

    public void Replace(IReadOnlyList<FaultRule> rules, int? seed)
    {
        lock (_gate)
        {
            _rules = rules.Select(r => new ActiveRule(r, GlobToRegex(r.Path))).ToList();
            _random = seed is { } s ? new Random(s) : new Random();
        }
    }

    public void Clear() => Replace([], null);

    public object Describe()
    {
        lock (_gate)
        {
            return new
            {
                rules = _rules.Select(r => new
                {
                    method = r.Rule.Method,
                    path = r.Rule.Path,
                    status = r.Rule.Status,
                    probability = r.Rule.Probability,
                    count = r.Rule.Count,
                    skip = r.Rule.Skip,
                    retryAfterSeconds = r.Rule.RetryAfterSeconds,
                    latencyMs = r.Rule.LatencyMs,
                    abort = r.Rule.Abort,
                    commitThenFail = r.Rule.CommitThenFail,
                    commitThenDelayMs = r.Rule.CommitThenDelayMs,
                    matched = r.Matched,
                    fired = r.Fired,
                }).ToArray(),
            };
        }
    }

    public FaultDecision? Decide(string method, string path)
    {
        lock (_gate)
        {
            for (int i = 0; i < _rules.Count; i++)
            {
                var active = _rules[i];
                var rule = active.Rule;
                if ((rule.Method is not null && rule.Method != method) || !active.Pattern.IsMatch(path))
                {
                    continue;
                }

                active.Matched++;
                if (active.Matched <= rule.Skip || (rule.Count is { } count && active.Fired >= count))
                {
                    continue;
                }

                if (rule.Probability < 1 && _random.NextDouble() >= rule.Probability)
                {
                    continue;
                }

                active.Fired++;
                return new FaultDecision(rule, i);
            }

            return null;
        }
    }

    /// <summary>'*' matches within one path segment, '**' across segments; the rest is literal.</summary>
    internal static Regex GlobToRegex(string glob)
    {
        var pattern = Regex.Escape(glob.TrimEnd('/'))
            .Replace(@"\*\*", "\u0001", StringComparison.Ordinal)
            .Replace(@"\*", "[^/]*", StringComparison.Ordinal)
            .Replace("\u0001", ".*", StringComparison.Ordinal);
        return new Regex("^" + pattern + "/?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, TimeSpan.FromMilliseconds(100));
    }

    private sealed class ActiveRule(FaultRule rule, Regex pattern)
    {
        public FaultRule Rule { get; } = rule;

        public Regex Pattern { get; } = pattern;

        public int Matched { get; set; }

        public int Fired { get; set; }
    }
}
