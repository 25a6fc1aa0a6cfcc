namespace Kakao.EngineHarness.Results;

/// <summary>Base type of every error the harness raises.</summary>
public class EngineHarnessException : Exception
{
    /// <summary>Creates an exception.</summary>
    public EngineHarnessException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    public EngineHarnessException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and a cause.</summary>
    public EngineHarnessException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
