using Kakao.Cli.Pulumi;
using Kakao.Cli.Terminal;
using Spectre.Console;

namespace Kakao.Cli.Commands;

/// <summary>Everything a command touches outside itself; tests build one from fakes.</summary>
internal sealed class CliServices
{
    /// <summary>The console for a run; the flag says whether <c>--json</c> was given.</summary>
    public required Func<bool, IConsoleIO> Console { get; init; }

    public required Func<string, string?> Environment { get; init; }

    public required TextReader StandardInput { get; init; }

    /// <summary>A workspace for the project directory (<c>--cwd</c>).</summary>
    public required Func<string, IPulumiWorkspace> Workspace { get; init; }

    public required IProvisioningClientFactory Clients { get; init; }

    public required TimeProvider TimeProvider { get; init; }

    public static CliServices CreateDefault()
    {
        var time = TimeProvider.System;
        return new CliServices
        {
            Console = json => IsInteractiveTerminal() && !json
                ? new SpectreConsoleIO(AnsiConsole.Console, System.Console.Error)
                : new PlainConsoleIO(System.Console.Out, System.Console.Error, humanLinesToError: json),
            Environment = System.Environment.GetEnvironmentVariable,
            StandardInput = System.Console.In,
            Workspace = dir => new PulumiCliWorkspace(new PulumiCliOptions { WorkDir = dir }),
            Clients = new ProvisioningClientFactory(time),
            TimeProvider = time,
        };
    }

    /// <summary>A person at a terminal: not CI, and neither input nor output redirected.</summary>
    public static bool IsInteractiveTerminal() =>
        !IsTruthy(System.Environment.GetEnvironmentVariable("CI"))
        && !System.Console.IsInputRedirected && !System.Console.IsOutputRedirected;

    private static bool IsTruthy(string? value) =>
        value is not null && (value == "1" || value.Equals("true", StringComparison.OrdinalIgnoreCase) || value.Equals("yes", StringComparison.OrdinalIgnoreCase));
}
