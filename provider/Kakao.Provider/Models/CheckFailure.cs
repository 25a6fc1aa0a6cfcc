namespace Kakao.Provider.Models;

/// <summary>One invalid input: the property path and why it is invalid (never the secret value itself).</summary>
/// <param name="Property">The property name or path.</param>
/// <param name="Reason">What is wrong and how to fix it.</param>
internal sealed record CheckFailure(string Property, string Reason);

/// <summary>The outcome of validating inputs: the normalised inputs to store and any failures.</summary>
/// <param name="Inputs">Normalised inputs (secrets and unknowns kept).</param>
/// <param name="Failures">Per-property failures; empty when valid.</param>
internal sealed record CheckResult(PropertyMap Inputs, IReadOnlyList<CheckFailure> Failures);
