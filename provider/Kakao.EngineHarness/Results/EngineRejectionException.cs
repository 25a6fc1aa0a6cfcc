namespace Kakao.EngineHarness.Results;

/// <summary>
/// The engine refused a provider's answer although the RPC itself succeeded: a non-preview Create without an
/// id, outputs of a Create, Update or Read (or an Invoke result) that hold unknown values. The message is the
/// engine's. Nothing is recorded in state for such an answer.
/// </summary>
public sealed class EngineRejectionException : EngineHarnessException
{
    /// <summary>Creates the exception.</summary>
    public EngineRejectionException(string method, string message)
        : base($"{method}: {message}")
    {
        Method = method;
    }

    /// <summary>The RPC whose answer was refused, e.g. <c>Create</c>.</summary>
    public string Method { get; }
}
