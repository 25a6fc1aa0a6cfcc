using System.Text.RegularExpressions;
using Kakao.Examples.Tests.Checking;

namespace Kakao.Examples.Tests.Docs;

/// <summary>
/// Checks what can be checked here of a documented shell command: the projects <c>dotnet run/test/build/publish/
/// pack</c> name exist; every repository path exists; a build output a command uses (<c>artifacts/…</c>,
/// <c>dist/…</c>, <c>nupkg</c>, <c>.pulumi-local/…</c>) is written by some documented command; every <c>kakao</c>
/// subcommand and option exists (asked of the built driver with <c>--help</c>, which also runs the cheap
/// <c>--help</c> forms); every emulator flag exists. Programs that cannot run here are in <see cref="AllowList"/>
/// with the reason; any other program fails the check until it is added there or made checkable.
/// </summary>
internal sealed partial class DocsCommandChecker
{
    /// <summary>Programs documented commands use that this check cannot run or verify here, and why.</summary>
    public static readonly IReadOnlyDictionary<string, string> AllowList = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["pulumi"] = "the Pulumi CLI and engine cannot be installed here; the e2e workflow (.github/workflows) runs them",
        ["apt-get"] = "installs Debian packages (root and the network)",
        ["curl"] = "calls an emulator or API a previous step started; the emulator's routes are tested in tests/Kakao.Emulator.Tests",
        ["gh"] = "needs GitHub and a token",
        ["tar"] = "packs what a previous documented command wrote (its paths are checked like any other)",
        ["export"] = "only sets a shell variable",
        ["mkdir"] = "only makes a folder",
        ["cd"] = "a shell builtin that enters the reader's own project (outside this repository)",
    };

    /// <summary>Build outputs that a tool, not a documented command line, writes.</summary>
    public static readonly IReadOnlyDictionary<string, string> ToolOutputs = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [".pulumi-local/plugin"] = "the quick start publishes the plugin there (provider/Kakao.Quickstart/PluginBuilder.cs)",
        ["artifacts/bench"] = "the benchmark runner builds its variants there (tests/Kakao.Benchmarks/Runner/Builds.cs)",
    };

    // The first segments of paths that only exist once something has been built or published.
    private static readonly HashSet<string> GeneratedRoots = new(StringComparer.Ordinal) { "artifacts", "dist", "nupkg", ".pulumi-local" };

    // dotnet CLI options that take a value (so the value is not mistaken for the project).
    private static readonly HashSet<string> DotnetValueOptions = new(StringComparer.Ordinal)
    {
        "-c", "--configuration", "-o", "--output", "-r", "--runtime", "-f", "--framework", "--filter", "-l", "--logger",
        "-v", "--verbosity", "--project", "-a", "--arch", "--os", "--settings", "--results-directory", "--add-source",
        "--version", "--source", "-s", "--launch-profile", "--property",
    };

    private readonly string _root;
    private readonly IReadOnlyList<string> _outputs;
    private readonly CommandHelp _kakao;
    private readonly CommandHelp _emulator;

    public DocsCommandChecker(string root, IEnumerable<ShellCommand> allDocumentedCommands, CommandHelp? kakao = null, CommandHelp? emulator = null)
    {
        _root = root;
        _outputs = allDocumentedCommands.SelectMany(OutputsOf).Concat(ToolOutputs.Keys).Distinct(StringComparer.Ordinal).ToArray();
        _kakao = kakao ?? CommandHelp.Kakao;
        _emulator = emulator ?? CommandHelp.Emulator;
    }

    /// <summary>The folders and files a command writes: the values of <c>-o</c>/<c>--output</c>, <c>tar -czf</c>'s archive.</summary>
    public static IEnumerable<string> OutputsOf(ShellCommand command)
    {
        var words = command.Words;
        for (int i = 0; i < words.Count; i++)
        {
            if (words[i] is "-o" or "--output" && i + 1 < words.Count)
            {
                yield return Normalize(words[i + 1]);
            }
            else if (words[i].StartsWith("--output=", StringComparison.Ordinal))
            {
                yield return Normalize(words[i]["--output=".Length..]);
            }
            else if (words[0] == "tar" && words[i].StartsWith('-') && words[i].Contains('f', StringComparison.Ordinal) && words[i].Contains('c', StringComparison.Ordinal) && i + 1 < words.Count)
            {
                yield return Normalize(words[i + 1]);
            }
        }
    }

    public IReadOnlyList<string> Check(ShellCommand command)
    {
        var problems = new List<string>();
        var words = command.Words.ToList();
        var values = new List<string>();
        while (words.Count > 0 && Assignment().Match(words[0]) is { Success: true } assignment)
        {
            values.Add(assignment.Groups["value"].Value);
            words.RemoveAt(0);
        }

        if (words.Count > 0 && words[0] == "sudo")
        {
            words.RemoveAt(0);
        }

        var ownOutputs = OutputsOf(command).ToHashSet(StringComparer.Ordinal);
        foreach (var word in values.Concat(words.Skip(1)))
        {
            CheckPath(command, word, ownOutputs, problems);
        }

        if (words.Count == 0)
        {
            return problems; // only variable assignments
        }

        switch (words[0])
        {
            case "dotnet":
                CheckDotnet(command, words, problems);
                break;
            case "kakao":
                CheckKakao(command, words.Skip(1).ToList(), problems);
                break;
            case var program when AllowList.ContainsKey(program):
                break;
            case var program:
                problems.Add($"{command.Where}: `{program}` is a program this check does not know: make it checkable in tests/Kakao.Examples.Tests/Docs/DocsCommandChecker.cs or add it to its AllowList with the reason it cannot run here.");
                break;
        }

        return problems;
    }

    /// <summary>
    /// One document's commands as seen from the repository root: after a <c>cd</c> into the repository
    /// (<c>cd examples/csharp</c>), a later word that starts with <c>./</c> or <c>../</c> is rewritten to the path
    /// it names from the root (<c>../../provider/Kakao.Cli</c> → <c>provider/Kakao.Cli</c>), so it is checked like
    /// any other. Words that leave the repository stay as written (and unchecked).
    /// </summary>
    public static IReadOnlyList<ShellCommand> FromRoot(IReadOnlyList<ShellCommand> commands)
    {
        var folder = string.Empty;
        var resolved = new List<ShellCommand>();
        foreach (var command in commands)
        {
            var words = command.Words.Select(word => FromFolder(folder, word) ?? word).ToList();
            resolved.Add(command with { Words = words });
            if (words is ["cd", var target] && !target.StartsWith('/') && !target.Contains('$', StringComparison.Ordinal))
            {
                folder = FromFolder(folder, target.StartsWith('.') ? target : "./" + target) ?? folder;
            }
        }

        return resolved;
    }

    // The root-relative form of a ./ or ../ word seen from folder, or null (not relative, or outside the root).
    private static string? FromFolder(string folder, string word)
    {
        if (folder.Length == 0 && !word.StartsWith("./", StringComparison.Ordinal) || !(word.StartsWith("./", StringComparison.Ordinal) || word.StartsWith("../", StringComparison.Ordinal)))
        {
            return null;
        }

        var parts = folder.Split('/', StringSplitOptions.RemoveEmptyEntries).ToList();
        foreach (var part in word.Split('/'))
        {
            if (part == "..")
            {
                if (parts.Count == 0)
                {
                    return null;
                }

                parts.RemoveAt(parts.Count - 1);
            }
            else if (part is not ("." or ""))
            {
                parts.Add(part);
            }
        }

        return parts.Count == 0 ? "." : string.Join('/', parts);
    }

    /// <summary>
    /// The order of one document's commands: what a command started in the background (<c>&amp;</c>) serves is not
    /// there yet when the next line runs (a first <c>dotnet run</c> builds first), so a <c>curl</c> or <c>kakao</c>
    /// call straight after it fails; a wait must come between (<c>curl --retry-connrefused</c>).
    /// </summary>
    public static IEnumerable<string> CheckOrder(IReadOnlyList<ShellCommand> commands)
    {
        ShellCommand? started = null;
        foreach (var command in commands)
        {
            if (command.Words.All(word => Assignment().IsMatch(word)))
            {
                continue; // E=...; P=...: sets variables, waits for nothing
            }

            if (started is not null && started.Document == command.Document && command.Words[0] is "curl" or "kakao"
                && !command.Words.Contains("--retry-connrefused"))
            {
                yield return $"{command.Where}: runs right after {started.Where[(started.Where.IndexOf('`', StringComparison.Ordinal))..]} was started in the background, " +
                    "which is not listening yet (a first `dotnet run` builds it first): wait for it in between, e.g. `curl -s --retry 30 --retry-connrefused --retry-delay 1 -o /dev/null <its URL>`.";
            }

            started = command.Background ? command : null;
        }
    }

    private void CheckPath(ShellCommand command, string word, HashSet<string> ownOutputs, List<string> problems)
    {
        var path = Normalize(word.StartsWith('-') && word.Contains('=', StringComparison.Ordinal) ? word[(word.IndexOf('=', StringComparison.Ordinal) + 1)..] : word);
        if (path.StartsWith("../", StringComparison.Ordinal) || path.StartsWith('/') || path.Contains("://", StringComparison.Ordinal))
        {
            return; // relative to another folder, absolute, or a URL
        }

        foreach (var mentioned in WorkflowChecker.MentionedPaths(path))
        {
            if (!Repository.PathExists(_root, mentioned))
            {
                problems.Add($"{command.Where}: `{mentioned}` does not exist in the repository.");
            }
        }

        var first = path.Split('/')[0];
        if (GeneratedRoots.Contains(first) && path.IndexOfAny(['$', '<', '*']) < 0 && !ownOutputs.Contains(path)
            && !_outputs.Any(output => path == output || path.StartsWith(output + "/", StringComparison.Ordinal)))
        {
            problems.Add($"{command.Where}: `{path}` is used, but no command in README.md or docs/ writes it " +
                $"(none has `-o {ParentOf(path)}` or a prefix of it; the known tool outputs are {string.Join(", ", ToolOutputs.Keys.Select(k => $"`{k}`"))}). " +
                "Document the command that builds it, or use a path a documented command builds.");
        }
    }

    private void CheckDotnet(ShellCommand command, List<string> words, List<string> problems)
    {
        if (words.Count < 2)
        {
            return;
        }

        var verb = words[1];
        var separator = words.IndexOf("--");
        var own = separator < 0 ? words : words[..separator];
        var passed = separator < 0 ? [] : words[(separator + 1)..];
        string? project = null;
        var positionals = new List<string>();
        for (int i = 2; i < own.Count; i++)
        {
            var word = own[i];
            if (word is "--project" && i + 1 < own.Count)
            {
                project = own[++i];
            }
            else if (word.StartsWith("--project=", StringComparison.Ordinal))
            {
                project = word["--project=".Length..];
            }
            else if (DotnetValueOptions.Contains(word))
            {
                i++;
            }
            else if (!word.StartsWith('-'))
            {
                positionals.Add(word);
            }
        }

        switch (verb)
        {
            case "run":
                if (project is null)
                {
                    break; // runs the project of the current folder
                }

                if (CheckProject(command, project, problems) is { } folder)
                {
                    if (folder == "provider/Kakao.Cli")
                    {
                        CheckKakao(command, passed, problems);
                    }
                    else if (folder == "provider/Kakao.Emulator")
                    {
                        CheckEmulator(command, passed, problems);
                    }
                }

                break;
            case "test" or "build" or "publish" or "pack" or "restore" or "clean":
                if (positionals.FirstOrDefault() is { } target)
                {
                    CheckProject(command, target, problems);
                }

                break;
            case "tool" when positionals.FirstOrDefault() == "install" && positionals.Count > 1:
                var packageId = positionals[^1];
                var packageIds = Directory.EnumerateFiles(Path.Combine(_root, "provider"), "*.csproj", SearchOption.AllDirectories)
                    .Select(File.ReadAllText)
                    .Select(text => PackageId().Match(text))
                    .Where(match => match.Success)
                    .Select(match => match.Groups[1].Value);
                if (!packageIds.Contains(packageId, StringComparer.Ordinal))
                {
                    problems.Add($"{command.Where}: no project under provider/ has <PackageId>{packageId}</PackageId>.");
                }

                break;
        }
    }

    // The project's folder ('/'-separated), or null after reporting that it does not exist.
    private string? CheckProject(ShellCommand command, string project, List<string> problems)
    {
        var path = Normalize(project);
        if (path.Contains('$', StringComparison.Ordinal) || path.StartsWith("../", StringComparison.Ordinal))
        {
            return null;
        }

        var full = Path.Combine(_root, path.Replace('/', Path.DirectorySeparatorChar));
        bool isProject = File.Exists(full) && (full.EndsWith(".csproj", StringComparison.Ordinal) || full.EndsWith(".sln", StringComparison.Ordinal) || full.EndsWith(".slnx", StringComparison.Ordinal))
            || Directory.Exists(full) && Directory.EnumerateFiles(full, "*.csproj").Any();
        if (!isProject)
        {
            problems.Add($"{command.Where}: `{project}` is not a project in the repository (no such .csproj/.sln, or no .csproj in that folder).");
            return null;
        }

        return File.Exists(full) ? Path.GetDirectoryName(path)!.Replace('\\', '/') : path.TrimEnd('/');
    }

    private void CheckKakao(ShellCommand command, IReadOnlyList<string> arguments, List<string> problems)
    {
        var path = new List<string>();
        var page = _kakao.For(path);
        int i = 0;
        while (i < arguments.Count && page.Commands.Contains(arguments[i]))
        {
            path.Add(arguments[i++]);
            page = _kakao.For(path);
        }

        var name = string.Join(' ', ["kakao", .. path]);
        if (page.ExitCode != 0)
        {
            problems.Add($"{command.Where}: `{name} --help` exited with {page.ExitCode}: {page.Text.Trim()}");
            return;
        }

        for (; i < arguments.Count; i++)
        {
            var argument = arguments[i];
            if (argument.StartsWith('-') && argument.Length > 1)
            {
                var option = argument.Split('=', 2)[0];
                if (!page.Options.TryGetValue(option, out var takesValue))
                {
                    problems.Add($"{command.Where}: `{name}` has no option `{option}` (`{name} --help` lists {string.Join(", ", page.Options.Keys.Where(k => k.StartsWith("--", StringComparison.Ordinal)))}).");
                }
                else if (takesValue && !argument.Contains('=', StringComparison.Ordinal))
                {
                    i++;
                }
                else if (option is "--version")
                {
                    var (exitCode, output) = _kakao.Run([.. path, option]);
                    if (exitCode != 0)
                    {
                        problems.Add($"{command.Where}: `{name} --version` exited with {exitCode}: {output.Trim()}");
                    }
                }
            }
            else if (page.Commands.Count > 0)
            {
                problems.Add($"{command.Where}: `{name}` has no command `{argument}` (it has {string.Join(", ", page.Commands.Order(StringComparer.Ordinal))}).");
                return;
            }
        }
    }

    private void CheckEmulator(ShellCommand command, IReadOnlyList<string> arguments, List<string> problems)
    {
        var page = _emulator.For([]);
        if (page.ExitCode != 0)
        {
            problems.Add($"{command.Where}: the emulator's `--help` exited with {page.ExitCode}: {page.Text.Trim()}");
            return;
        }

        for (int i = 0; i < arguments.Count; i++)
        {
            var argument = arguments[i];
            if (!argument.StartsWith('-'))
            {
                problems.Add($"{command.Where}: the emulator takes no argument `{argument}` (only options).");
            }
            else if (!page.Options.TryGetValue(argument, out var takesValue))
            {
                problems.Add($"{command.Where}: the emulator has no option `{argument}` (its --help lists {string.Join(", ", page.Options.Keys)}).");
            }
            else if (takesValue)
            {
                i++;
            }
        }
    }

    private static string Normalize(string word)
    {
        var path = word;
        foreach (var prefix in new[] { "$PWD/", "${PWD}/", "./" })
        {
            if (path.StartsWith(prefix, StringComparison.Ordinal))
            {
                path = path[prefix.Length..];
            }
        }

        return path.TrimEnd('/');
    }

    private static string ParentOf(string path) =>
        path.Contains('/', StringComparison.Ordinal) ? path[..path.LastIndexOf('/')] : path;

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*=(?<value>.*)$")]
    private static partial Regex Assignment();

    [GeneratedRegex(@"<PackageId>([^<]+)</PackageId>")]
    private static partial Regex PackageId();
}
