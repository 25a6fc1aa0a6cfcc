namespace Kakao.EngineHarness.Results;

/// <summary>A validation failure a provider reported for one property instead of throwing.</summary>
/// <param name="Property">The property path (empty for the whole object).</param>
/// <param name="Reason">Why the value is invalid.</param>
public sealed record CheckFailure(string Property, string Reason);
