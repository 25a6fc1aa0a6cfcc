namespace Kakao.Cli.Terminal;

/// <summary>
/// Everything the commands say or ask, behind one seam so tests capture it and CI gets plain lines: the
/// verification's console plus machine output and tables. Messages are already free of secrets.
/// </summary>
internal interface IConsoleIO : IVerificationConsole
{
    /// <summary>Machine-readable output (JSON) on standard output, nothing else mixed in.</summary>
    void WriteData(string text);

    /// <summary>Renders a table; with <paramref name="replacePrevious"/> a terminal redraws in place.</summary>
    void WriteTable(TableData table, bool replacePrevious = false);
}

/// <summary>A table to render: headers and rows of plain text.</summary>
/// <param name="Title">Caption above the table.</param>
/// <param name="Headers">Column headers.</param>
/// <param name="Rows">Rows, each as long as <paramref name="Headers"/>.</param>
internal sealed record TableData(string Title, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows);
