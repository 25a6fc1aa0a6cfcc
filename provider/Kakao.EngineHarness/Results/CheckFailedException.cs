namespace Kakao.EngineHarness.Results;

/// <summary>Check or CheckConfig reported failures, so the engine stops before touching the resource.</summary>
public sealed class CheckFailedException : EngineHarnessException
{
    /// <summary>Creates the exception.</summary>
    public CheckFailedException(string urn, IReadOnlyList<CheckFailure> failures)
        : base($"Check of {urn} failed: " + string.Join("; ", failures.Select(f => $"{f.Property}: {f.Reason}")))
    {
        Urn = urn;
        Failures = failures;
    }

    /// <summary>The resource (or provider) checked.</summary>
    public string Urn { get; }

    /// <summary>The failures.</summary>
    public IReadOnlyList<CheckFailure> Failures { get; }
}
