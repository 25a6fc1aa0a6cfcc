using Kakao.Cli.Terminal;
using Spectre.Console;

namespace Kakao.Cli.Tests.Terminal;

public class ConsoleIOTests
{
    [Test]
    public void PlainConsole_JsonMode_KeepsStandardOutputForDataOnly()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var console = new PlainConsoleIO(output, error, humanLinesToError: true);

        console.Info("refreshing");
        console.Warn("careful");
        console.WriteData("{\"ok\":true}");

        Assert.That(output.ToString().Trim(), Is.EqualTo("{\"ok\":true}"));
        Assert.That(error.ToString(), Does.Contain("refreshing").And.Contain("warning: careful"));
    }

    [Test]
    public void PlainConsole_Table_AlignsColumns()
    {
        using var output = new StringWriter();
        var console = new PlainConsoleIO(output, TextWriter.Null, humanLinesToError: false);

        console.WriteTable(new TableData("Senders", ["Sender", "Status"], [["@a", "ACTIVE"], ["@longer-id", "IN_PROGRESS"]]));

        var lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Is.EqualTo(new[] { "Senders", "Sender      Status", "@a          ACTIVE", "@longer-id  IN_PROGRESS" }));
    }

    [Test]
    public void PlainConsole_Prompt_IsRefusedWithoutTerminal()
    {
        var console = new PlainConsoleIO(TextWriter.Null, TextWriter.Null, false);

        Assert.That(console.IsInteractive, Is.False);
        Assert.ThrowsAsync<InvalidOperationException>(() => console.PromptSecretAsync("code", CancellationToken.None));
    }

    [Test]
    public void SpectreConsole_TextWithMarkupCharacters_IsPrintedLiterally()
    {
        using var output = new StringWriter();
        var ansi = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(output),
        });
        var console = new SpectreConsoleIO(ansi, TextWriter.Null);

        // Rejection comments are free text: brackets must not be taken for markup (or crash it).
        console.Warn("rejected: [bold] logo [/nope]");
        console.WriteTable(new TableData("Senders [x]", ["Sender"], [["@a[1]"]]));

        Assert.That(output.ToString(), Does.Contain("rejected: [bold] logo [/nope]").And.Contain("@a[1]"));
    }
}
