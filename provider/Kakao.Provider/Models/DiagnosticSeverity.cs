namespace Kakao.Provider.Models;

/// <summary>Severity of a message shown to the user by the engine (same numbers as the protocol).</summary>
internal enum DiagnosticSeverity
{
    Debug = 0,
    Info = 1,
    Warning = 2,
    Error = 3,
}

/// <summary>Sends messages the Pulumi CLI shows (progress, warnings). Never throws; never blocks an operation.</summary>
internal interface IEngineDiagnostics
{
    /// <summary>Logs a message against a resource (or globally when <paramref name="urn"/> is null).</summary>
    Task LogAsync(DiagnosticSeverity severity, string message, string? urn = null, bool ephemeral = false, CancellationToken cancellationToken = default);
}
