using System.Globalization;
using System.Text;

namespace Kakao.Benchmarks.Runner;

/// <summary>
/// The figures of one run, printed as Markdown tables (so they paste straight into docs/performance.md): one
/// table per section, rows of name, samples, min/median/p99/max and a free "vs" column for ratios and targets.
/// </summary>
internal sealed class ReportTable
{
    private readonly List<(string Section, List<string[]> Rows, string[] Headers)> _sections = [];

    public void Section(string title, params string[] headers) => _sections.Add((title, [], headers));

    public void Row(params string[] cells) => _sections[^1].Rows.Add(cells);

    /// <summary>A row of timing figures: name, n, min, median, p99, max, then free notes.</summary>
    public void Timing(string name, Summary summary, string unit = "ms", params string[] notes) =>
        Row([name, summary.Count.ToString(CultureInfo.InvariantCulture), Summary.Format(summary.Min, unit), Summary.Format(summary.Median, unit),
            Summary.Format(summary.P99, unit), Summary.Format(summary.Max, unit), .. notes]);

    public static readonly string[] TimingHeaders = ["what", "n", "min", "median", "p99", "max"];

    public string Render()
    {
        var text = new StringBuilder();
        foreach (var (title, rows, headers) in _sections)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n### {title}\n\n");
            int columns = Math.Max(headers.Length, rows.Count == 0 ? 0 : rows.Max(r => r.Length));
            var widths = new int[columns];
            foreach (var row in rows.Prepend(headers))
            {
                for (int i = 0; i < row.Length; i++)
                {
                    widths[i] = Math.Max(widths[i], row[i].Length);
                }
            }

            AppendRow(text, headers, widths);
            text.Append('|');
            foreach (var width in widths)
            {
                text.Append(new string('-', width + 2)).Append('|');
            }

            text.Append('\n');
            foreach (var row in rows)
            {
                AppendRow(text, row, widths);
            }
        }

        return text.ToString();
    }

    private static void AppendRow(StringBuilder text, string[] row, int[] widths)
    {
        text.Append('|');
        for (int i = 0; i < widths.Length; i++)
        {
            var cell = i < row.Length ? row[i] : "";
            text.Append(' ').Append(cell.PadRight(widths[i])).Append(" |");
        }

        text.Append('\n');
    }
}
