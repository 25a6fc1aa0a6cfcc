using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Kakao.Emulator;

/// <summary>
/// The emulator's command line (System.CommandLine): options map onto <see cref="EmulatorOptions"/>; a bad
/// command line is exit 2, <c>--help</c> exit 0. The exit codes of a run are <see cref="ExitCodes"/>.
/// </summary>
internal sealed class EmulatorCommandLine
{
    /// <summary>Stopped by Ctrl+C/SIGTERM.</summary>
    public const int Stopped = 0;

    /// <summary>Could not start (bad data file, bad address).</summary>
    public const int CouldNotStart = 1;

    /// <summary>Bad options.</summary>
    public const int BadOptions = 2;

    /// <summary>The listen address is already in use.</summary>
    public const int AddressInUse = 3;

    public const string ExitCodes = "Exit codes: 0 stopped, 1 could not start, 2 bad options, 3 the listen address is already in use.";

    private const string DefaultUrls = "http://127.0.0.1:5080";

    private readonly Option<string> _urls = new("--urls")
    {
        HelpName = "URLS",
        Description = "Listen address(es), ';'-separated; port 0 picks a free port.",
        DefaultValueFactory = _ => DefaultUrls,
    };

    private readonly Option<string?> _data = new("--data") { HelpName = "FILE", Description = "Keep the state in this JSON file across restarts (default: in memory)." };

    private readonly Option<string> _keyId = new("--key-id")
    {
        HelpName = "ID",
        Description = "Access key id accepted in Basic auth and by the token endpoint.",
        DefaultValueFactory = _ => new EmulatorOptions().KeyId,
    };

    private readonly Option<string> _keySecret = new("--key-secret")
    {
        HelpName = "SECRET",
        Description = "Access key secret accepted in Basic auth and by the token endpoint.",
        DefaultValueFactory = _ => new EmulatorOptions().KeySecret,
    };

    // Enum and time defaults are named in the descriptions: the help would print them as "Approve" and "00:00:00".
    private readonly Option<ReviewMode?> _review = new("--review")
    {
        HelpName = "approve|reject|manual",
        Description = "Review policy of submitted senders (default: approve).",
        CustomParser = ParseReviewMode,
    };

    private readonly Option<TimeSpan?> _reviewDelay = new("--review-delay")
    {
        HelpName = "SECONDS",
        Description = "How long an automatic review takes, in seconds (default: 0).",
        CustomParser = ParseSeconds,
    };

    private readonly Option<string?> _reviewComment = new("--review-comment") { HelpName = "TEXT", Description = "Comment of automatic rejections (default: a standard text)." };

    private readonly Option<DeletedSenderMode?> _deletedSenders = new("--deleted-senders")
    {
        HelpName = "gone|retained",
        Description = "What reads show of a deleted sender: gone at once (the default), or retained for Sinch's 60 days.",
        CustomParser = ParseDeletedSenders,
    };

    /// <summary>The root command; its action is <paramref name="run"/>, given the options read from the line.</summary>
    public RootCommand Build(Func<EmulatorOptions, CancellationToken, Task<int>> run)
    {
        var root = new RootCommand($"A local, faithful emulator of the Sinch Provisioning API for KakaoTalk senders. {ExitCodes}")
        {
            _urls, _data, _keyId, _keySecret, _review, _reviewDelay, _reviewComment, _deletedSenders,
        };
        root.SetAction((result, cancellationToken) => run(ToOptions(result), cancellationToken));
        return root;
    }

    /// <summary>Parses <paramref name="args"/> and runs; a parse error prints what is wrong and returns 2.</summary>
    public async Task<int> InvokeAsync(string[] args, Func<EmulatorOptions, CancellationToken, Task<int>> run)
    {
        var parse = Build(run).Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await Console.Error.WriteLineAsync(error.Message);
            }

            await Console.Error.WriteLineAsync("Run 'Kakao.Emulator --help' for usage.");
            return BadOptions;
        }

        // Ctrl+C and SIGTERM are the server's (EmulatorOptions.HandleConsoleSignals): it stops cleanly and exits 0.
        return await parse.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });
    }

    private EmulatorOptions ToOptions(ParseResult result)
    {
        var options = new EmulatorOptions
        {
            Urls = result.GetValue(_urls)!,
            DataFile = result.GetValue(_data),
            KeyId = result.GetValue(_keyId)!,
            KeySecret = result.GetValue(_keySecret)!,
            ReviewComment = result.GetValue(_reviewComment),
            ConsoleLogging = true,
            HandleConsoleSignals = true,
        };
        options.ReviewMode = result.GetValue(_review) ?? options.ReviewMode;
        options.ReviewDelay = result.GetValue(_reviewDelay) ?? options.ReviewDelay;
        options.DeletedSenders = result.GetValue(_deletedSenders) ?? options.DeletedSenders;
        return options;
    }

    private static ReviewMode? ParseReviewMode(ArgumentResult result)
    {
        var text = Single(result);
        if (Enum.TryParse<ReviewMode>(text, ignoreCase: true, out var mode) && !int.TryParse(text, out _))
        {
            return mode;
        }

        result.AddError($"--review must be approve, reject or manual (got '{text}').");
        return null;
    }

    private static DeletedSenderMode? ParseDeletedSenders(ArgumentResult result)
    {
        switch (Single(result))
        {
            case "gone":
                return DeletedSenderMode.Gone;
            case "retained":
                return DeletedSenderMode.Retained;
            case var text:
                result.AddError($"--deleted-senders must be gone or retained (got '{text}').");
                return null;
        }
    }

    private static TimeSpan? ParseSeconds(ArgumentResult result)
    {
        var text = Single(result);
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds) && seconds >= 0 && seconds <= TimeSpan.MaxValue.TotalSeconds)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        result.AddError($"--review-delay must be a number of seconds, 0 or more (got '{text}').");
        return null;
    }

    private static string Single(ArgumentResult result) => result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
}
