using Kakao.Cli.Terminal;
using Kakao.Quickstart;

// The first Ctrl-C stops the journey and cleans up (processes, the emulator, the temporary stack).
using var stop = CtrlC.StopOnFirstPress();
return await QuickstartCommand.RunAsync(args, QuickstartServices.CreateDefault(), stop.Token).ConfigureAwait(false);
