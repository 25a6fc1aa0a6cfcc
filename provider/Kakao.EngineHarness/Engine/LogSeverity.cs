namespace Kakao.EngineHarness.Engine;

/// <summary>Severity of a diagnostic a plugin sends to the engine (numbers as on the wire).</summary>
public enum LogSeverity
{
    /// <summary>Debug output, shown with <c>--debug</c>.</summary>
    Debug = 0,

    /// <summary>Informational progress.</summary>
    Info = 1,

    /// <summary>A warning shown in <c>pulumi up</c>.</summary>
    Warning = 2,

    /// <summary>An error shown in <c>pulumi up</c>.</summary>
    Error = 3,
}
