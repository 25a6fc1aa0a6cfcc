namespace Kakao.EngineHarness.Engine;

/// <summary>One <c>Engine.Log</c> call received from the plugin.</summary>
/// <param name="Severity">The severity.</param>
/// <param name="Message">The message text.</param>
/// <param name="Urn">The resource the message is about, or empty for a global message.</param>
/// <param name="Ephemeral">True for transient status lines (progress) the CLI does not keep.</param>
/// <param name="StreamId">The stream id, 0 when unused.</param>
public sealed record LogEntry(LogSeverity Severity, string Message, string Urn, bool Ephemeral, int StreamId);
