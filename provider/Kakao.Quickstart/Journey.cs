using Kakao.Cli.Terminal;

namespace Kakao.Quickstart;

/// <summary>One observed stop of the sender's journey: which step saw it, the status, and what it means.</summary>
internal sealed record JourneyStep(string Step, string Status, string Meaning);

/// <summary>The statuses the sender went through, as each step observed them, printed as the run's summary.</summary>
internal sealed class Journey
{
    private readonly List<JourneyStep> _steps = [];
    private readonly Lock _gate = new();

    public IReadOnlyList<JourneyStep> Steps
    {
        get
        {
            lock (_gate)
            {
                return _steps.ToList();
            }
        }
    }

    /// <summary>The last status observed, or null before the first.</summary>
    public string? FinalStatus => Steps.LastOrDefault()?.Status;

    public void Record(string step, string status, string meaning)
    {
        lock (_gate)
        {
            _steps.Add(new JourneyStep(step, status, meaning));
        }
    }

    /// <summary>What a status means at this point of the quick start.</summary>
    public static string Meaning(string status) => status switch
    {
        "IN_PROGRESS" => "submitted for review",
        "PENDING_VERIFICATION" => "approved by the emulator's reviewer",
        "VERIFYING" => "registered; code sent to the admin phone",
        "ACTIVE" => "active",
        "REJECTED" => "rejected by the reviewer",
        _ => status.ToLowerInvariant().Replace('_', ' '),
    };

    public void Print(IConsoleIO console, string title)
    {
        var steps = Steps;
        var stepWidth = steps.Select(s => s.Step.Length).DefaultIfEmpty(0).Max();
        var statusWidth = steps.Select(s => s.Status.Length).DefaultIfEmpty(0).Max();
        console.Info("");
        console.Info(title);
        foreach (var step in steps)
        {
            console.Info($"  {step.Step.PadRight(stepWidth)}   {step.Status.PadRight(statusWidth)}   {step.Meaning}");
        }
    }
}
