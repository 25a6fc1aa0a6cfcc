using Spectre.Console;

namespace Kakao.Cli.Terminal;

/// <summary>A human at a terminal: colours, spinners, masked prompts, tables redrawn in place.</summary>
internal sealed class SpectreConsoleIO(IAnsiConsole console, TextWriter error) : IConsoleIO
{
    public bool IsInteractive => true;

    public void Info(string message) => console.MarkupLine(Markup.Escape(message));

    public void Success(string message) => console.MarkupLine("[green]✓[/] " + Markup.Escape(message));

    public void Warn(string message) => console.MarkupLine("[yellow]![/] " + Markup.Escape(message));

    public void Error(string message)
    {
        error.WriteLine("error: " + message);
        error.Flush();
    }

    public void WriteData(string text) => console.Profile.Out.Writer.WriteLine(text);

    public void WriteTable(TableData table, bool replacePrevious = false)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (replacePrevious)
        {
            console.Clear(home: true);
        }

        var rendered = new Table { Title = new TableTitle(Markup.Escape(table.Title)) };
        foreach (var header in table.Headers)
        {
            rendered.AddColumn(new TableColumn(Markup.Escape(header)));
        }

        foreach (var row in table.Rows)
        {
            rendered.AddRow(row.Select(cell => (Spectre.Console.Rendering.IRenderable)new Text(cell)).ToArray());
        }

        console.Write(rendered);
    }

    public Task<T> RunWithStatusAsync<T>(string message, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        return console.Status().Spinner(Spinner.Known.Dots).StartAsync(Markup.Escape(message), _ => work(cancellationToken));
    }

    public async Task<string?> PromptSecretAsync(string prompt, CancellationToken cancellationToken)
    {
        var answer = await new TextPrompt<string>(Markup.Escape(prompt)).Secret().AllowEmpty()
            .ShowAsync(console, cancellationToken).ConfigureAwait(false);
        return string.IsNullOrWhiteSpace(answer) ? null : answer;
    }

    public Task<bool> ConfirmAsync(string question, bool defaultAnswer, CancellationToken cancellationToken) =>
        new ConfirmationPrompt(Markup.Escape(question)) { DefaultValue = defaultAnswer }.ShowAsync(console, cancellationToken);
}
