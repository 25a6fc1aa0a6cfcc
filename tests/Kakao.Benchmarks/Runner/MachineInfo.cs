using System.Globalization;
using System.Runtime.InteropServices;

namespace Kakao.Benchmarks.Runner;

/// <summary>The machine and its load, printed with every run: figures mean little without them.</summary>
internal static class MachineInfo
{
    public static string Describe()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        return $"machine: {Environment.ProcessorCount} cores ({cpu ?? RuntimeInformation.ProcessArchitecture.ToString()}), {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}; {LoadNow()}";
    }

    public static string LoadNow() =>
        File.Exists("/proc/loadavg")
            ? "load average " + string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) + $" on {Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture)} cores"
            : "load average unknown";
}
