using System.Globalization;

namespace Kakao.Benchmarks.Memory;

/// <summary>Resident set figures of a process from <c>/proc/&lt;pid&gt;/status</c>.</summary>
internal static class ProcessMemory
{
    /// <summary>VmRSS (now) and VmHWM (peak) in MB.</summary>
    public static (double Rss, double Peak) Read(int processId)
    {
        double rss = 0, peak = 0;
        foreach (var line in File.ReadLines($"/proc/{processId}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                rss = Kilobytes(line) / 1024;
            }
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                peak = Kilobytes(line) / 1024;
            }
        }

        return (rss, peak);
    }

    private static double Kilobytes(string line) =>
        double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
}
