namespace Kakao.Examples.Tests.Docs;

/// <summary>One shell command of a document's code block: its words (quotes removed) and where it starts.</summary>
/// <param name="Document">The document, relative to the repository root ('/'-separated).</param>
/// <param name="Line">The 1-based line its first word is on.</param>
/// <param name="Words">The words, quotes and line continuations resolved; redirections dropped.</param>
/// <param name="Background">Ended by a single <c>&amp;</c>: the shell goes on to the next command at once.</param>
internal sealed record ShellCommand(string Document, int Line, IReadOnlyList<string> Words, bool Background = false)
{
    /// <summary>Where the command is and how it starts, for failure messages: <c>docs/x.md:12: `dotnet run ...`</c>.</summary>
    public string Where
    {
        get
        {
            var text = string.Join(' ', Words);
            return $"{Document}:{Line}: `{(text.Length > 90 ? text[..87] + "..." : text)}`";
        }
    }
}
