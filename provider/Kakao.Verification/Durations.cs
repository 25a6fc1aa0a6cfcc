using System.Globalization;
using System.Text.RegularExpressions;

namespace Kakao.Verification;

/// <summary>Reads durations like <c>30m</c>, <c>1h30m</c>, <c>90s</c> (or <c>00:30:00</c>) and prints them in that input form.</summary>
internal static partial class Durations
{
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var match = Pattern().Match(text.Trim());
        if (match.Success && match.Length > 0)
        {
            double Part(string name) => match.Groups[name].Success ? double.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture) : 0;
            duration = TimeSpan.FromDays(Part("d")) + TimeSpan.FromHours(Part("h")) + TimeSpan.FromMinutes(Part("m")) + TimeSpan.FromSeconds(Part("s"));
            return duration > TimeSpan.Zero;
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out duration) && duration > TimeSpan.Zero;
    }

    /// <summary>
    /// A duration in the form <c>--timeout</c> and <c>--interval</c> accept (<c>45s</c>, <c>2m30s</c>,
    /// <c>1h30m</c>, <c>1d3h</c>), to the two largest units, so what is shown can be typed back.
    /// </summary>
    public static string Format(TimeSpan span)
    {
        if (span < TimeSpan.Zero)
        {
            span = TimeSpan.Zero;
        }

        static string Two(int big, string bigUnit, int small, string smallUnit) =>
            big.ToString(CultureInfo.InvariantCulture) + bigUnit + (small > 0 ? small.ToString(CultureInfo.InvariantCulture) + smallUnit : "");

        return span.TotalDays >= 1 ? Two((int)span.TotalDays, "d", span.Hours, "h")
            : span.TotalHours >= 1 ? Two((int)span.TotalHours, "h", span.Minutes, "m")
            : span.TotalMinutes >= 1 ? Two((int)span.TotalMinutes, "m", span.Seconds, "s")
            : ((int)span.TotalSeconds).ToString(CultureInfo.InvariantCulture) + "s";
    }

    [GeneratedRegex(@"^(?:(?<d>\d+(?:\.\d+)?)d)?(?:(?<h>\d+(?:\.\d+)?)h)?(?:(?<m>\d+(?:\.\d+)?)m)?(?:(?<s>\d+(?:\.\d+)?)s)?$", RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();
}

/// <summary>
/// A duration option's value. Its <see cref="ToString"/> is the input form, so <c>--help</c> shows
/// <c>[default: 30m]</c> (the form users are asked to type) rather than <c>00:30:00</c>.
/// </summary>
/// <param name="Value">The duration.</param>
internal readonly record struct DurationValue(TimeSpan Value)
{
    public static implicit operator TimeSpan(DurationValue duration) => duration.Value;

    public override string ToString() => Durations.Format(Value);
}
