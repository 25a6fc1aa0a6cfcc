namespace Kakao.Verification.Pulumi;

/// <summary>What went wrong running the <c>pulumi</c> CLI, for messages and exit codes.</summary>
public enum PulumiErrorKind
{
    /// <summary>The command ran and failed.</summary>
    CommandFailed,

    /// <summary>No <c>pulumi</c> executable on PATH.</summary>
    CliNotFound,

    /// <summary>The CLI has no backend credentials (<c>pulumi login</c> needed).</summary>
    NotLoggedIn,

    /// <summary>No <c>Pulumi.yaml</c> in the working directory.</summary>
    NoProject,

    /// <summary>The stack does not exist, or none is selected.</summary>
    StackNotFound,

    /// <summary>The stack's passphrase secrets provider needs PULUMI_CONFIG_PASSPHRASE(_FILE).</summary>
    PassphraseRequired,

    /// <summary>Another update holds the stack's lock.</summary>
    ConcurrentUpdate,

    /// <summary>The CLI printed something we could not parse.</summary>
    UnexpectedOutput,
}

/// <summary>A failed <c>pulumi</c> invocation. The message quotes the CLI's error lines, never secret values.</summary>
public sealed class PulumiCommandException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="kind">The classified failure.</param>
    /// <param name="command">The sub-command, e.g. <c>refresh</c>.</param>
    /// <param name="exitCode">The CLI's exit code (-1 when it did not run).</param>
    /// <param name="message">What to tell the user.</param>
    /// <param name="innerException">The underlying failure.</param>
    public PulumiCommandException(PulumiErrorKind kind, string command, int exitCode, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
        Command = command;
        ExitCode = exitCode;
    }

    /// <summary>The classified failure.</summary>
    public PulumiErrorKind Kind { get; }

    /// <summary>The sub-command that failed.</summary>
    public string Command { get; }

    /// <summary>The CLI's exit code; -1 when it did not run.</summary>
    public int ExitCode { get; }

    /// <summary>True when the user must fix their setup (exit 2) rather than retry (exit 7).</summary>
    public bool IsConfigurationError => Kind is PulumiErrorKind.CliNotFound or PulumiErrorKind.NotLoggedIn
        or PulumiErrorKind.NoProject or PulumiErrorKind.StackNotFound or PulumiErrorKind.PassphraseRequired;
}
