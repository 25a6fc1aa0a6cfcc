using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using CliWrap.Buffered;

namespace Kakao.Examples.Tests.Docs;

/// <summary>
/// What a built command-line program says it accepts, asked the way a user would: <c>--help</c>. Parses
/// System.CommandLine's help (sections "Options:" and "Commands:") for the <c>kakao</c> driver, and the usage line
/// of the emulator. Answers are cached per command path.
/// </summary>
internal sealed partial class CommandHelp(string assemblyPath)
{
    private readonly ConcurrentDictionary<string, HelpPage> _pages = new(StringComparer.Ordinal);

    /// <summary>The kakao driver built next to the tests.</summary>
    public static CommandHelp Kakao { get; } = new(Path.Combine(AppContext.BaseDirectory, "kakao.dll"));

    /// <summary>The emulator built next to the tests.</summary>
    public static CommandHelp Emulator { get; } = new(Path.Combine(AppContext.BaseDirectory, "Kakao.Emulator.dll"));

    /// <summary>A command's help page: its subcommands, its options (and which take a value), its exit code.</summary>
    public sealed record HelpPage(int ExitCode, string Text, IReadOnlySet<string> Commands, IReadOnlyDictionary<string, bool> Options);

    public HelpPage For(IReadOnlyList<string> commandPath) =>
        _pages.GetOrAdd(string.Join(' ', commandPath), _ => Ask(commandPath));

    private HelpPage Ask(IReadOnlyList<string> commandPath)
    {
        var (exitCode, text) = Run([.. commandPath, "--help"]);
        var commands = new HashSet<string>(StringComparer.Ordinal);
        var options = new Dictionary<string, bool>(StringComparer.Ordinal);
        string section = "";
        foreach (var line in text.ReplaceLineEndings("\n").Split('\n'))
        {
            if (Heading().Match(line) is { Success: true } heading)
            {
                section = heading.Groups[1].Value;
                continue;
            }

            if (Entry().Match(line) is not { Success: true } entry)
            {
                continue;
            }

            var names = entry.Groups["names"].Value;
            if (section == "Commands")
            {
                foreach (var name in names.Split(',', StringSplitOptions.TrimEntries))
                {
                    commands.Add(name.Split(' ')[0]);
                }
            }
            else if (section == "Options")
            {
                bool takesValue = names.Contains('<', StringComparison.Ordinal);
                foreach (var name in names.Split(' ')[0..].SelectMany(part => part.Split(',', StringSplitOptions.RemoveEmptyEntries)).Where(n => n.StartsWith('-')))
                {
                    options[name] = takesValue;
                }
            }
        }

        // A usage line such as the emulator's: "Usage: Kakao.Emulator [--urls URLS] [--data FILE] ...".
        foreach (Match option in UsageOption().Matches(text))
        {
            options.TryAdd(option.Groups["name"].Value, option.Groups["value"].Success);
        }

        return new HelpPage(exitCode, text, commands, options);
    }

    /// <summary>Runs the program with the given arguments; its exit code and everything it printed.</summary>
    public (int ExitCode, string Output) Run(IReadOnlyList<string> arguments)
    {
        if (!File.Exists(assemblyPath))
        {
            throw new FileNotFoundException($"{Path.GetFileName(assemblyPath)} is not built next to the tests.", assemblyPath);
        }

        // No credentials or endpoints of the machine running the tests may change what the help says.
        var environment = global::Kakao.Testing.HermeticEnvironment.NoAmbientSettings();
        environment["NO_COLOR"] = "1";

        // CliWrap, the repository's one process runner library; past two minutes the process tree is killed.
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            var result = CliWrap.Cli.Wrap(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
                .WithArguments([assemblyPath, .. arguments])
                .WithEnvironmentVariables(environment)
                .WithValidation(CliWrap.CommandResultValidation.None)
                .ExecuteBufferedAsync(timeout.Token).GetAwaiter().GetResult();
            return (result.ExitCode, result.StandardOutput + result.StandardError);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            throw new TimeoutException($"{Path.GetFileName(assemblyPath)} {string.Join(' ', arguments)} did not exit within 2 minutes.");
        }
    }

    [GeneratedRegex(@"^(\w[\w ]*):\s*$")]
    private static partial Regex Heading();

    // "  -p, --project <project>   Sinch project id" / "  register <plusFriendId>   Send ...": names, then two spaces.
    [GeneratedRegex(@"^ {2}(?<names>\S.*?)(?: {2,}|$)")]
    private static partial Regex Entry();

    [GeneratedRegex(@"\[(?<name>--[\w-]+)(?<value> [^\]]+)?\]")]
    private static partial Regex UsageOption();
}
