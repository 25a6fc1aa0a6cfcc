using Kakao.EngineHarness.Values;

namespace Kakao.EngineHarness.Results;

/// <summary>The answer to Check or CheckConfig: the inputs to store and any validation failures.</summary>
/// <param name="Inputs">The checked (validated and normalised) inputs.</param>
/// <param name="Failures">Per-property failures; empty when the inputs are valid.</param>
public sealed record CheckResult(PropertyMap Inputs, IReadOnlyList<CheckFailure> Failures)
{
    /// <summary>True when the provider reported no failures.</summary>
    public bool IsValid => Failures.Count == 0;
}
