using System.Collections.Concurrent;
using Kakao.Provider.Models;

namespace Kakao.Provider.Tests.TestSupport;

/// <summary>Collects the diagnostics the provider sends to the engine.</summary>
internal sealed class RecordingDiagnostics : IEngineDiagnostics
{
    public ConcurrentQueue<(DiagnosticSeverity Severity, string Message, string? Urn)> Messages { get; } = new();

    public Task LogAsync(DiagnosticSeverity severity, string message, string? urn = null, bool ephemeral = false, CancellationToken cancellationToken = default)
    {
        Messages.Enqueue((severity, message, urn));
        return Task.CompletedTask;
    }
}
