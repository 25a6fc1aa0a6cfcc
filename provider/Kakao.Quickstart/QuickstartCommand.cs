using System.CommandLine;
using Kakao.Cli.Commands;

namespace Kakao.Quickstart;

/// <summary>
/// <c>dotnet run --project provider/Kakao.Quickstart</c>: README command 1, from a fresh clone to an ACTIVE sender
/// on the emulator. Parse errors are exit 2, as in the driver.
/// </summary>
internal static class QuickstartCommand
{
    public static RootCommand Create(QuickstartServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var engine = new Option<QuickstartEngine>("--engine")
        {
            Description = "auto (the pulumi CLI when installed, else the engine harness), pulumi (required) or harness.",
            DefaultValueFactory = _ => QuickstartEngine.Auto,
        };
        var keep = new Option<bool>("--keep") { Description = "Keep the emulator running (and the stack's backend) after the journey, until Ctrl-C." };
        var timeout = CommonOptions.Duration("--timeout", TimeSpan.FromMinutes(5), "The journey once the plugin is built (e.g. 5m); past it, clean up and exit 6.");
        var verbose = new Option<bool>("--verbose") { Description = "Stream the output of dotnet publish and pulumi instead of one line per step." };
        var cwd = CommonOptions.Cwd();
        cwd.Description = "Where to look for the repository (KakaoPulumi.sln here or above; default: the current directory).";
        var plugin = new Option<string?>("--plugin")
        {
            Description = "Use this already built pulumi-resource-kakao instead of building one (engine harness only).",
        };
        var build = new Option<PluginBuildKind>("--build")
        {
            Description = "How to build the plugin: auto (Native AOT when clang and zlib are installed, else JIT), aot (required) or jit.",
            DefaultValueFactory = _ => PluginBuildKind.Auto,
        };

        var command = new RootCommand("The KakaoPulumi quick start: start the emulator, build the plugin and take the sender of the root Pulumi.yaml to ACTIVE (pulumi CLI, or the engine harness without it).");
        foreach (var option in new Option[] { engine, keep, timeout, verbose, cwd, plugin, build })
        {
            command.Options.Add(option);
        }

        command.SetAction((result, cancellationToken) =>
        {
            var settings = new QuickstartSettings
            {
                Engine = result.GetValue(engine),
                Keep = result.GetValue(keep),
                Timeout = result.GetValue(timeout),
                Verbose = result.GetValue(verbose),
                StartDirectory = result.GetValue(cwd) ?? Environment.CurrentDirectory,
                PluginPath = result.GetValue(plugin),
                Build = result.GetValue(build),
            };
            return new QuickstartRunner(services.Console, services.Environment, services.Clients, services.TimeProvider).RunAsync(settings, cancellationToken);
        });
        return command;
    }

    public static async Task<int> RunAsync(string[] args, QuickstartServices services, CancellationToken cancellationToken)
    {
        var parse = Create(services).Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                services.Console.Error(error.Message);
            }

            services.Console.Error("Run 'dotnet run --project provider/Kakao.Quickstart -- --help' for usage.");
            return (int)ExitCode.UsageError;
        }

        // Ctrl-C is ours (Program): the token is cancelled and the quick start cleans up.
        return await parse.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null }, cancellationToken).ConfigureAwait(false);
    }
}
