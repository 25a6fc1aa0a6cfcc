using System.CommandLine;
using Kakao.Cli.Commands;

namespace Kakao.Cli.Quickstart;

/// <summary><c>kakao quickstart</c>: README command 1, from a fresh clone to an ACTIVE sender on the emulator.</summary>
internal static class QuickstartCommand
{
    public static Command Create(CliServices services)
    {
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
            Description = "Use this already built pulumi-resource-kakao instead of publishing one (engine harness only; e.g. the Native AOT build).",
        };

        var command = new Command("quickstart", "Start the emulator, build the plugin and take the sender of the root Pulumi.yaml to ACTIVE (pulumi CLI, or the engine harness without it).");
        foreach (var option in new Option[] { engine, keep, timeout, verbose, cwd, plugin })
        {
            command.Options.Add(option);
        }

        command.SetAction((result, cancellationToken) =>
        {
            var console = services.Console(false);
            var settings = new QuickstartSettings
            {
                Engine = result.GetValue(engine),
                Keep = result.GetValue(keep),
                Timeout = result.GetValue(timeout),
                Verbose = result.GetValue(verbose),
                StartDirectory = result.GetValue(cwd) ?? Environment.CurrentDirectory,
                PluginPath = result.GetValue(plugin),
            };
            return new QuickstartRunner(console, services.Environment, services.Clients, services.TimeProvider).RunAsync(settings, cancellationToken);
        });
        return command;
    }
}
