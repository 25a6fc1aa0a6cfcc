using System.Text;
using Grpc.Core;
using Kakao.Reliability.Tests.Support;

namespace Kakao.Reliability.Tests.FaultSoak;

/// <summary>What the soak did and saw: operations by kind and outcome, failures by status, checks made.</summary>
internal sealed class SoakLedger
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (int Ok, int Failed)> _operations = new(StringComparer.Ordinal);
    private readonly Dictionary<StatusCode, int> _failureCodes = [];
    private readonly List<string> _failures = [];

    public int InvariantChecks { get; set; }

    public int InitFailedReports { get; private set; }

    /// <summary>The driver's register + verify through the client library (not an engine operation).</summary>
    public const string DriverStep = "register+verify (driver library)";

    /// <summary>Engine operations (the driver's step excluded).</summary>
    public int Total => _operations.Where(p => p.Key != DriverStep).Sum(p => p.Value.Ok + p.Value.Failed);

    public IReadOnlyList<string> Failures => _failures;

    public IReadOnlyDictionary<StatusCode, int> FailureCodes => _failureCodes;

    public void Succeed(string kind)
    {
        lock (_gate)
        {
            var (ok, failed) = _operations.GetValueOrDefault(kind);
            _operations[kind] = (ok + 1, failed);
        }
    }

    public void Fail(string kind, string sender, StatusCode code, string detail, bool initFailed)
    {
        lock (_gate)
        {
            var (ok, failed) = _operations.GetValueOrDefault(kind);
            _operations[kind] = (ok, failed + 1);
            _failureCodes[code] = _failureCodes.GetValueOrDefault(code) + 1;
            _failures.Add($"{kind} {sender}: {code} {detail}");
            if (initFailed)
            {
                InitFailedReports++;
            }
        }
    }

    public string Report(SoakSettings settings, IReadOnlyDictionary<string, int> injected, int senders, TimeSpan elapsed)
    {
        var text = new StringBuilder();
        text.AppendLine(FormattableString.Invariant($"Fault soak ({(settings.Long ? "long" : "CI")} mode, seed {settings.Seed}): {Total} engine operations over {senders} senders, concurrency {settings.Concurrency}, {elapsed.TotalSeconds:F1} s"));
        text.AppendLine("| injected fault | times |");
        text.AppendLine("|---|---|");
        foreach (var (kind, count) in injected.OrderByDescending(p => p.Value))
        {
            text.AppendLine(FormattableString.Invariant($"| {kind} | {count} |"));
        }

        text.AppendLine(FormattableString.Invariant($"| total | {injected.Values.Sum()} |"));
        text.AppendLine("| operation | succeeded | failed |");
        text.AppendLine("|---|---|---|");
        foreach (var (kind, (ok, failed)) in _operations.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            text.AppendLine(FormattableString.Invariant($"| {kind} | {ok} | {failed} |"));
        }

        text.AppendLine(FormattableString.Invariant($"Invariant checks: {InvariantChecks}; ErrorResourceInitFailed reports: {InitFailedReports}; failures by status: {string.Join(", ", _failureCodes.Select(p => $"{p.Key}={p.Value}"))}"));
        foreach (var failure in _failures.Take(20))
        {
            text.AppendLine("  " + failure);
        }

        return text.ToString();
    }
}
