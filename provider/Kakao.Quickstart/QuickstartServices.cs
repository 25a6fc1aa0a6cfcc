using Kakao.Cli.Commands;
using Kakao.Cli.Terminal;
using Spectre.Console;

namespace Kakao.Quickstart;

/// <summary>Everything the quick start touches outside itself; tests build one from fakes.</summary>
internal sealed class QuickstartServices
{
    public required IConsoleIO Console { get; init; }

    public required Func<string, string?> Environment { get; init; }

    public required IProvisioningClientFactory Clients { get; init; }

    public required TimeProvider TimeProvider { get; init; }

    public static QuickstartServices CreateDefault()
    {
        var time = TimeProvider.System;
        return new QuickstartServices
        {
            // The driver's consoles: a spinner at a terminal, plain lines in CI or when redirected.
            Console = CliServices.IsInteractiveTerminal()
                ? new SpectreConsoleIO(AnsiConsole.Console, System.Console.Error)
                : new PlainConsoleIO(System.Console.Out, System.Console.Error, humanLinesToError: false),
            Environment = System.Environment.GetEnvironmentVariable,
            Clients = new ProvisioningClientFactory(time),
            TimeProvider = time,
        };
    }
}
