namespace Kakao.Cli.Terminal;

/// <summary>
/// Everything the commands say or ask, behind one seam so tests capture it and CI gets plain lines. Messages
/// passed here are already free of secrets: callers never hand codes or credentials to the console.
/// </summary>
internal interface IConsoleIO
{
    /// <summary>True when a human is at a terminal: prompts and spinners are allowed.</summary>
    bool IsInteractive { get; }

    /// <summary>A progress line.</summary>
    void Info(string message);

    /// <summary>A line announcing something that went well.</summary>
    void Success(string message);

    /// <summary>A line announcing something that needs attention.</summary>
    void Warn(string message);

    /// <summary>A line announcing a failure (standard error).</summary>
    void Error(string message);

    /// <summary>Machine-readable output (JSON) on standard output, nothing else mixed in.</summary>
    void WriteData(string text);

    /// <summary>Renders a table; with <paramref name="replacePrevious"/> a terminal redraws in place.</summary>
    void WriteTable(TableData table, bool replacePrevious = false);

    /// <summary>Runs <paramref name="work"/> behind a spinner (interactive) or after a plain log line.</summary>
    Task<T> RunWithStatusAsync<T>(string message, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken);

    /// <summary>Asks for a secret without echoing it; null when the user entered nothing.</summary>
    Task<string?> PromptSecretAsync(string prompt, CancellationToken cancellationToken);

    /// <summary>Asks a yes/no question.</summary>
    Task<bool> ConfirmAsync(string question, bool defaultAnswer, CancellationToken cancellationToken);
}

/// <summary>A table to render: headers and rows of plain text.</summary>
/// <param name="Title">Caption above the table.</param>
/// <param name="Headers">Column headers.</param>
/// <param name="Rows">Rows, each as long as <paramref name="Headers"/>.</param>
internal sealed record TableData(string Title, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows);
