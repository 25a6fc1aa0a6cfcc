using System.Text;

namespace Kakao.Cli.Terminal;

/// <summary>
/// CI and redirected output: one plain line per event, no colours, no prompts. In JSON mode every human line
/// goes to standard error so standard output stays parseable.
/// </summary>
internal sealed class PlainConsoleIO(TextWriter output, TextWriter error, bool humanLinesToError) : IConsoleIO
{
    private readonly Lock _gate = new();

    private TextWriter Human => humanLinesToError ? error : output;

    public bool IsInteractive => false;

    public void Info(string message) => Line(Human, message);

    public void Success(string message) => Line(Human, message);

    public void Warn(string message) => Line(Human, "warning: " + message);

    public void Error(string message) => Line(error, "error: " + message);

    public void WriteData(string text) => Line(output, text);

    public void WriteTable(TableData table, bool replacePrevious = false)
    {
        ArgumentNullException.ThrowIfNull(table);
        var widths = table.Headers.Select((h, i) => Math.Max(h.Length, table.Rows.Select(r => r[i].Length).DefaultIfEmpty(0).Max())).ToArray();
        var text = new StringBuilder();
        text.AppendLine(table.Title);
        text.AppendLine(Format(table.Headers, widths));
        foreach (var row in table.Rows)
        {
            text.AppendLine(Format(row, widths));
        }

        lock (_gate)
        {
            Human.Write(text.ToString());
            Human.Flush();
        }
    }

    public async Task<T> RunWithStatusAsync<T>(string message, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        Info(message);
        return await work(cancellationToken).ConfigureAwait(false);
    }

    public Task<string?> PromptSecretAsync(string prompt, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("Prompts are not available without a terminal.");

    public Task<bool> ConfirmAsync(string question, bool defaultAnswer, CancellationToken cancellationToken) =>
        Task.FromResult(defaultAnswer);

    private static string Format(IReadOnlyList<string> cells, int[] widths) =>
        string.Join("  ", cells.Select((c, i) => c.PadRight(widths[i]))).TrimEnd();

    private void Line(TextWriter writer, string message)
    {
        lock (_gate)
        {
            writer.WriteLine(message);
            writer.Flush();
        }
    }
}
