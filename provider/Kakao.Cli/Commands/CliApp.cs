using System.CommandLine;

namespace Kakao.Cli.Commands;

/// <summary>The <c>kakao</c> command tree and its invocation; parse errors are exit 2, as documented.</summary>
internal sealed class CliApp(CliServices services)
{
    public RootCommand BuildRootCommand()
    {
        var root = new RootCommand("kakao: the last mile of KakaoTalk senders managed with Pulumi — register, enter the one-time code, verify, refresh.");
        root.Subcommands.Add(VerifyCommand.Create(services));
        root.Subcommands.Add(StatusCommand.Create(services));
        root.Subcommands.Add(SendersCommand.Create(services));
        root.Subcommands.Add(TemplatesCommand.Create(services));
        return root;
    }

    public async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        // plusFriendIds start with '@', which System.CommandLine would read as a response file by default.
        var parse = BuildRootCommand().Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        var configuration = new InvocationConfiguration
        {
            Output = output,
            Error = error,
            // Ctrl-C is ours (Program): the token is cancelled and commands stop cleanly.
            ProcessTerminationTimeout = null,
        };
        if (parse.Errors.Count > 0)
        {
            foreach (var parseError in parse.Errors)
            {
                await error.WriteLineAsync("error: " + parseError.Message).ConfigureAwait(false);
            }

            await error.WriteLineAsync("Run 'kakao --help' for usage.").ConfigureAwait(false);
            if (args.Contains("--json", StringComparer.Ordinal))
            {
                // --json promises one JSON document on standard output, also for a command line it cannot run.
                var message = string.Join(" ", parse.Errors.Select(e => e.Message));
                var document = parse.CommandResult.Command.Name == "verify" && parse.CommandResult.Command.Parents.Any(p => p is RootCommand)
                    ? VerifyReport.Failed(null, ExitCode.UsageError, message).ToJson()
                    : FailureContext.ErrorJson(ExitCode.UsageError, message);
                await output.WriteLineAsync(document).ConfigureAwait(false);
            }

            return (int)ExitCode.UsageError;
        }

        return await parse.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
    }
}
