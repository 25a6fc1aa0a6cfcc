using System.Globalization;

namespace Kakao.Benchmarks.Runner;

/// <summary>Minimum, median, 99th percentile and maximum of a set of samples (nearest-rank percentiles).</summary>
internal sealed record Summary(int Count, double Min, double Median, double P99, double Max)
{
    public static Summary Of(IReadOnlyCollection<double> samples)
    {
        if (samples.Count == 0)
        {
            return new Summary(0, double.NaN, double.NaN, double.NaN, double.NaN);
        }

        var sorted = samples.Order().ToArray();
        return new Summary(sorted.Length, sorted[0], Percentile(sorted, 50), Percentile(sorted, 99), sorted[^1]);
    }

    /// <summary>Nearest-rank percentile of sorted samples.</summary>
    public static double Percentile(double[] sorted, double percent)
    {
        int rank = (int)Math.Ceiling(percent / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    public static string Format(double value, string unit = "ms") =>
        double.IsNaN(value) ? "-" : value.ToString(Math.Abs(value) >= 100 ? "0" : Math.Abs(value) >= 10 ? "0.0" : "0.00", CultureInfo.InvariantCulture) + (unit.Length > 0 ? " " + unit : "");
}
