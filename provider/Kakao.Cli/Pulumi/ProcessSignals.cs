using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Kakao.Cli.Pulumi;

/// <summary>Sends SIGINT to a child process (POSIX); on Windows there is no equivalent, so it does nothing.</summary>
internal static partial class ProcessSignals
{
    private const int SigInt = 2;

    public static void Interrupt(Process process)
    {
        if (OperatingSystem.IsWindows() || process.HasExited)
        {
            return;
        }

        try
        {
            _ = Kill(process.Id, SigInt);
        }
        catch (DllNotFoundException)
        {
            // No libc to ask politely; the grace period ends in Kill().
        }
        catch (EntryPointNotFoundException)
        {
        }
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Kill(int pid, int signal);
}
