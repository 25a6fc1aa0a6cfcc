using System.Runtime.InteropServices;

namespace Kakao.EngineHarness.Hosting;

/// <summary>SIGINT, which .NET's Process API cannot send but the engine does.</summary>
internal static partial class NativeSignals
{
    private const int SigInt = 2;

    /// <summary>Sends SIGINT; false where unsupported (Windows) or when the process is gone.</summary>
    public static bool TryInterrupt(int processId) =>
        !OperatingSystem.IsWindows() && Kill(processId, SigInt) == 0;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
