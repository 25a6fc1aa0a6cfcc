using System.Text;
using System.Text.RegularExpressions;

namespace Kakao.Examples.Tests.Docs;

/// <summary>
/// The shell commands of a Markdown document: every line of its <c>sh</c>/<c>bash</c>/<c>shell</c> code blocks
/// and the <c>$ </c> lines of its <c>console</c> blocks, split the way a shell splits them (quotes, <c>\</c>
/// continuations, comments, <c>;</c> <c>&amp;&amp;</c> <c>||</c> <c>|</c>). Other blocks are program output or
/// code, not commands.
/// </summary>
internal static partial class ShellBlocks
{
    private static readonly HashSet<string> ShellLanguages = new(StringComparer.OrdinalIgnoreCase) { "sh", "bash", "shell", "zsh" };

    public static IReadOnlyList<ShellCommand> Commands(string document, string markdown)
    {
        var commands = new List<ShellCommand>();
        var lines = markdown.ReplaceLineEndings("\n").Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            if (Fence().Match(lines[i]) is not { Success: true } open)
            {
                continue;
            }

            var language = open.Groups["lang"].Value;
            var body = new StringBuilder();
            var lineNumbers = new List<int>();
            int j = i + 1;
            for (; j < lines.Length && !Fence().IsMatch(lines[j]); j++)
            {
                if (ShellLanguages.Contains(language))
                {
                    body.Append(lines[j]).Append('\n');
                    lineNumbers.Add(j + 1);
                }
                else if (language.Equals("console", StringComparison.OrdinalIgnoreCase) && lines[j].TrimStart().StartsWith("$ ", StringComparison.Ordinal))
                {
                    body.Append(lines[j].TrimStart()[2..]).Append('\n');
                    lineNumbers.Add(j + 1);
                }
            }

            commands.AddRange(Split(document, body.ToString(), lineNumbers));
            i = j;
        }

        return commands;
    }

    /// <summary>Splits shell text into commands; <paramref name="lineNumbers"/> maps its lines to the document's.</summary>
    public static IEnumerable<ShellCommand> Split(string document, string text, IReadOnlyList<int> lineNumbers)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        bool inWord = false;
        int line = 0, commandLine = -1, parens = 0;
        char quote = '\0';

        int DocumentLine(int index) => index < lineNumbers.Count ? lineNumbers[index] : lineNumbers.Count > 0 ? lineNumbers[^1] : 0;

        void EndWord()
        {
            if (inWord)
            {
                words.Add(word.ToString());
                word.Clear();
                inWord = false;
            }
        }

        IEnumerable<ShellCommand> EndCommand(bool background = false)
        {
            EndWord();
            if (words.Count > 0)
            {
                yield return new ShellCommand(document, DocumentLine(commandLine), DropRedirections(words), background);
            }

            words = [];
            commandLine = -1;
        }

        for (int k = 0; k < text.Length; k++)
        {
            char c = text[k];
            char next = k + 1 < text.Length ? text[k + 1] : '\0';
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
                else if (c == '\\' && quote == '"' && next is '"' or '\\' or '$')
                {
                    word.Append(next);
                    k++;
                }
                else
                {
                    if (c == '\n')
                    {
                        line++;
                    }

                    word.Append(c);
                }

                continue;
            }

            if (parens > 0)
            {
                // Inside $( ... ): kept in the word as written.
                parens += c == '(' ? 1 : c == ')' ? -1 : 0;
                if (c == '\n')
                {
                    line++;
                }

                word.Append(c);
                continue;
            }

            switch (c)
            {
                case '\\' when next == '\n':
                    k++;
                    line++;
                    EndWord();
                    continue;
                case '\\':
                    Start();
                    word.Append(next);
                    k++;
                    continue;
                case '\'' or '"':
                    Start();
                    quote = c;
                    continue;
                case '$' when next == '(':
                    Start();
                    word.Append("$(");
                    parens = 1;
                    k++;
                    continue;
                case '#' when !inWord:
                    while (k + 1 < text.Length && text[k + 1] != '\n')
                    {
                        k++;
                    }

                    continue;
                case '\n' or ';':
                    foreach (var command in EndCommand())
                    {
                        yield return command;
                    }

                    if (c == '\n')
                    {
                        line++;
                    }

                    continue;
                case '&' or '|':
                    bool background = false;
                    if (next == c)
                    {
                        k++;
                    }
                    else if (c == '&' && inWord && word.Length > 0 && word[^1] == '>')
                    {
                        word.Append(c); // 2>&1
                        continue;
                    }
                    else
                    {
                        background = c == '&';
                    }

                    foreach (var command in EndCommand(background))
                    {
                        yield return command;
                    }

                    continue;
                case ' ' or '\t':
                    EndWord();
                    continue;
                default:
                    Start();
                    word.Append(c);
                    continue;
            }
        }

        foreach (var command in EndCommand())
        {
            yield return command;
        }

        void Start()
        {
            inWord = true;
            if (commandLine < 0)
            {
                commandLine = line;
            }
        }
    }

    // "> file", ">file", "2>&1", "< input": where output goes is not part of the command.
    private static List<string> DropRedirections(List<string> words)
    {
        var kept = new List<string>();
        for (int i = 0; i < words.Count; i++)
        {
            if (Redirection().Match(words[i]) is { Success: true } match)
            {
                if (match.Groups["target"].Length == 0)
                {
                    i++; // the target is the next word
                }

                continue;
            }

            kept.Add(words[i]);
        }

        return kept;
    }

    [GeneratedRegex(@"^\s*(```+|~~~+)\s*(?<lang>[\w+-]*)")]
    private static partial Regex Fence();

    [GeneratedRegex(@"^(?:\d?>>?|<|&>)(?<target>.*)$")]
    private static partial Regex Redirection();
}
