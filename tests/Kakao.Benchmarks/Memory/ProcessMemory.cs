using System.Globalization;

namespace Kakao.Benchmarks.Memory;

/// <summary>Resident set figures of a process from <c>/proc/&lt;pid&gt;/status</c>.</summary>
internal static class ProcessMemory
{
    /// <summary>VmRSS (now) and VmHWM (peak) in MB.</summary>
    public static (double Rss, double Peak) Read(int processId)
    {
        var figures = ReadAll(processId);
        return (figures.Rss, figures.Peak);
    }

    /// <summary>
    /// VmRSS, VmHWM and the split of the resident set: RssAnon (the GC heap, JIT-compiled code, native
    /// allocations: what grows with use) and RssFile (mapped binaries and assemblies: fixed), in MB.
    /// </summary>
    public static (double Rss, double Peak, double Anon, double File) ReadAll(int processId)
    {
        double rss = 0, peak = 0, anon = 0, file = 0;
        foreach (var line in System.IO.File.ReadLines($"/proc/{processId}/status"))
        {
            var value = line.StartsWith("Vm", StringComparison.Ordinal) || line.StartsWith("Rss", StringComparison.Ordinal) ? Kilobytes(line) / 1024 : 0;
            switch (line.Split(':')[0])
            {
                case "VmRSS": rss = value; break;
                case "VmHWM": peak = value; break;
                case "RssAnon": anon = value; break;
                case "RssFile": file = value; break;
            }
        }

        return (rss, peak, anon, file);
    }

    private static double Kilobytes(string line) =>
        double.Parse(line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
}
