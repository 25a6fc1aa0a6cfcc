namespace Kakao.Verification;

/// <summary>
/// Everything the verification says or asks, behind one seam: the <c>kakao</c> tool renders it on a terminal or
/// as plain log lines; an Automation API program can forward it to its own logging. Messages passed here are
/// already free of secrets: the verification never hands codes or credentials to the console.
/// </summary>
public interface IVerificationConsole
{
    /// <summary>True when a person can answer prompts (a code, a yes/no question).</summary>
    bool IsInteractive { get; }

    /// <summary>A progress line.</summary>
    /// <param name="message">The text.</param>
    void Info(string message);

    /// <summary>A line announcing something that went well.</summary>
    /// <param name="message">The text.</param>
    void Success(string message);

    /// <summary>A line announcing something that needs attention.</summary>
    /// <param name="message">The text.</param>
    void Warn(string message);

    /// <summary>A line announcing a failure.</summary>
    /// <param name="message">The text.</param>
    void Error(string message);

    /// <summary>Runs <paramref name="work"/> behind a spinner (interactive) or after a plain log line.</summary>
    /// <typeparam name="T">The work's result.</typeparam>
    /// <param name="message">What is being done.</param>
    /// <param name="work">The work.</param>
    /// <param name="cancellationToken">Stops the work.</param>
    Task<T> RunWithStatusAsync<T>(string message, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken);

    /// <summary>Asks for a secret without echoing it; null when the user entered nothing.</summary>
    /// <param name="prompt">The question.</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    Task<string?> PromptSecretAsync(string prompt, CancellationToken cancellationToken);

    /// <summary>Asks a yes/no question.</summary>
    /// <param name="question">The question.</param>
    /// <param name="defaultAnswer">The answer when the user just presses Enter.</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    Task<bool> ConfirmAsync(string question, bool defaultAnswer, CancellationToken cancellationToken);
}
