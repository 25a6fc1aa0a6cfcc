using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Kakao.Provider.Logging;

/// <summary>
/// The console logger's simple format, which the engine shows verbatim with <c>--logtostderr</c>:
/// <c>info: Category[7]</c>, then the message and the exception, each line indented by six spaces.
/// </summary>
internal static class LogLineFormat
{
    private const string Indent = "      ";

    public static string Format(LogLevel level, string category, int eventId, string? message, Exception? exception)
    {
        var text = new StringBuilder(category.Length + (message?.Length ?? 0) + 32);
        text.Append(Abbreviation(level)).Append(": ").Append(category).Append('[')
            .Append(eventId.ToString(CultureInfo.InvariantCulture)).Append(']').Append('\n');
        AppendIndented(text, message);
        AppendIndented(text, exception?.ToString());
        return text.ToString();
    }

    public static string Abbreviation(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce",
        LogLevel.Debug => "dbug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "fail",
        LogLevel.Critical => "crit",
        _ => "none",
    };

    private static void AppendIndented(StringBuilder text, string? lines)
    {
        if (string.IsNullOrEmpty(lines))
        {
            return;
        }

        foreach (var line in lines.ReplaceLineEndings("\n").Split('\n'))
        {
            text.Append(Indent).Append(line).Append('\n');
        }
    }
}
