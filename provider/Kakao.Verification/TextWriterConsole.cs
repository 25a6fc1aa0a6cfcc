namespace Kakao.Verification;

/// <summary>
/// A non-interactive <see cref="IVerificationConsole"/> writing one plain line per message (e.g. to a log or
/// standard error); it never prompts.
/// </summary>
/// <param name="writer">Where the lines go.</param>
public sealed class TextWriterConsole(TextWriter writer) : IVerificationConsole
{
    /// <inheritdoc />
    public bool IsInteractive => false;

    /// <inheritdoc />
    public void Info(string message) => writer.WriteLine(message);

    /// <inheritdoc />
    public void Success(string message) => writer.WriteLine("ok: " + message);

    /// <inheritdoc />
    public void Warn(string message) => writer.WriteLine("warning: " + message);

    /// <inheritdoc />
    public void Error(string message) => writer.WriteLine("error: " + message);

    /// <inheritdoc />
    public Task<T> RunWithStatusAsync<T>(string message, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        writer.WriteLine(message);
        return work(cancellationToken);
    }

    /// <inheritdoc />
    public Task<string?> PromptSecretAsync(string prompt, CancellationToken cancellationToken) => Task.FromResult<string?>(null);

    /// <inheritdoc />
    public Task<bool> ConfirmAsync(string question, bool defaultAnswer, CancellationToken cancellationToken) => Task.FromResult(false);
}
