using System.Globalization;

namespace Kakao.Provider.Hosting;

/// <summary>
/// The command line the engine passes: optional flags (<c>--logtostderr</c>, <c>-v=N</c>, <c>--tracing X</c>,
/// <c>--logflow</c>, ...) then the engine's gRPC address. Unknown flags are ignored; <c>--help</c> (or <c>-h</c>)
/// asks for the usage text instead of serving, so a person who runs the binary is not left waiting.
/// </summary>
/// <param name="EngineAddress">The engine address, or null (debug mode: the engine attaches later).</param>
/// <param name="Verbosity">The <c>-v</c> level (0 when absent).</param>
internal sealed record PluginArguments(string? EngineAddress, int Verbosity)
{
    /// <summary>True when the command line asks for the usage text (<c>-h</c>, <c>--help</c>).</summary>
    public bool HelpRequested { get; init; }

    /// <summary>What <c>--help</c> prints.</summary>
    public const string Usage =
        """
        Usage: pulumi-resource-kakao [--logtostderr] [-v=N] [--tracing URL] [--logflow] [ENGINE_ADDRESS]

        The Pulumi resource provider for Sinch KakaoTalk senders. The Pulumi engine starts it: it listens on a
        free loopback port, prints that port on stdout and serves the engine over gRPC until cancelled. It is not
        meant to be run by hand; use it from a Pulumi program (plugins.providers in Pulumi.yaml, or
        `pulumi plugin install`), or drive it with the engine harness (docs/harness.md).

          ENGINE_ADDRESS  the engine's gRPC address (host:port), for logging to the engine
          -v=N            log level on stderr: 1 information, 5 debug, 9 trace (default: warnings)
          -h, --help      print this text and exit
        """;

    private static readonly HashSet<string> FlagsWithValue = new(StringComparer.Ordinal) { "--tracing", "-tracing", "--root", "-root" };

    public static PluginArguments Parse(IReadOnlyList<string> args)
    {
        string? address = null;
        int verbosity = 0;
        bool help = false;
        for (int i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg.StartsWith('-'))
            {
                var name = arg.Split('=', 2)[0];
                if (name is "-h" or "--help" or "-help")
                {
                    help = true;
                }
                else if ((name is "-v" or "--v") && arg.Contains('=', StringComparison.Ordinal)
                    && int.TryParse(arg.AsSpan(arg.IndexOf('=', StringComparison.Ordinal) + 1), NumberStyles.Integer, CultureInfo.InvariantCulture, out var level))
                {
                    verbosity = level;
                }
                else if (FlagsWithValue.Contains(name) && !arg.Contains('=', StringComparison.Ordinal))
                {
                    i++; // skip the flag's value
                }

                continue;
            }

            address ??= arg;
        }

        return new PluginArguments(address, verbosity) { HelpRequested = help };
    }
}
