using System.Globalization;

namespace Kakao.Provider.Hosting;

/// <summary>
/// The command line the engine passes: optional flags (<c>--logtostderr</c>, <c>-v=N</c>, <c>--tracing X</c>,
/// <c>--logflow</c>, ...) then the engine's gRPC address. Unknown flags are ignored.
/// </summary>
/// <param name="EngineAddress">The engine address, or null (debug mode: the engine attaches later).</param>
/// <param name="Verbosity">The <c>-v</c> level (0 when absent).</param>
internal sealed record PluginArguments(string? EngineAddress, int Verbosity)
{
    private static readonly HashSet<string> FlagsWithValue = new(StringComparer.Ordinal) { "--tracing", "-tracing", "--root", "-root" };

    public static PluginArguments Parse(IReadOnlyList<string> args)
    {
        string? address = null;
        int verbosity = 0;
        for (int i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg.StartsWith('-'))
            {
                var name = arg.Split('=', 2)[0];
                if ((name is "-v" or "--v") && arg.Contains('=', StringComparison.Ordinal)
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

        return new PluginArguments(address, verbosity);
    }
}
