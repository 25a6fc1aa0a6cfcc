using Kakao.Cli.Commands;
using Kakao.Cli.Terminal;

using var stop = CtrlC.StopOnFirstPress();
return await new CliApp(CliServices.CreateDefault()).RunAsync(args, Console.Out, Console.Error, stop.Token).ConfigureAwait(false);
