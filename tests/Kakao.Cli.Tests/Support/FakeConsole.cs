using System.Collections.Concurrent;
using Kakao.Cli.Terminal;

namespace Kakao.Cli.Tests.Support;

/// <summary>Captures everything a command says; answers prompts from a script.</summary>
internal sealed class FakeConsole(bool interactive = false) : IConsoleIO
{
    private readonly ConcurrentQueue<string> _lines = new();

    public bool IsInteractive => interactive;

    /// <summary>Answers of PromptSecretAsync in order; a null answer means "entered nothing".</summary>
    public Queue<string?> SecretAnswers { get; } = new();

    public Queue<bool> ConfirmAnswers { get; } = new();

    /// <summary>Called when a prompt is shown (e.g. to press Ctrl-C at that moment).</summary>
    public Action? OnPrompt { get; set; }

    /// <summary>When set, answers prompts instead of <see cref="SecretAnswers"/> (e.g. reads the emulator's phone).</summary>
    public Func<Task<string?>>? AnswerPromptAsync { get; set; }

    public int Prompts { get; private set; }

    /// <summary>Released once per rendered table, so tests can await renders instead of polling.</summary>
    public SemaphoreSlim TablesWritten { get; } = new(0);

    public List<string> Data { get; } = [];

    public IReadOnlyList<string> Lines => _lines.ToList();

    public string AllText => string.Join("\n", _lines.Concat(Data));

    /// <summary>Called with every info line after it is recorded.</summary>
    public Action<string>? OnInfo { get; set; }

    public void Info(string message)
    {
        _lines.Enqueue("info: " + message);
        OnInfo?.Invoke(message);
    }

    public void Success(string message) => _lines.Enqueue("ok: " + message);

    public void Warn(string message) => _lines.Enqueue("warn: " + message);

    public void Error(string message) => _lines.Enqueue("error: " + message);

    public void WriteData(string text) => Data.Add(text);

    public void WriteTable(TableData table, bool replacePrevious = false)
    {
        _lines.Enqueue("table: " + table.Title + " | " + string.Join(" | ", table.Headers));
        foreach (var row in table.Rows)
        {
            _lines.Enqueue("row: " + string.Join(" | ", row));
        }

        TablesWritten.Release();
    }

    public Task<T> RunWithStatusAsync<T>(string message, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        _lines.Enqueue("status: " + message);
        return work(cancellationToken);
    }

    public async Task<string?> PromptSecretAsync(string prompt, CancellationToken cancellationToken)
    {
        Prompts++;
        _lines.Enqueue("prompt: " + prompt);
        OnPrompt?.Invoke();
        cancellationToken.ThrowIfCancellationRequested();
        if (SecretAnswers.Count > 0)
        {
            return SecretAnswers.Dequeue();
        }

        return AnswerPromptAsync is null ? null : await AnswerPromptAsync();
    }

    public Task<bool> ConfirmAsync(string question, bool defaultAnswer, CancellationToken cancellationToken)
    {
        _lines.Enqueue("confirm: " + question);
        return Task.FromResult(ConfirmAnswers.Count > 0 ? ConfirmAnswers.Dequeue() : defaultAnswer);
    }
}
