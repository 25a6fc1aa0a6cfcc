using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kakao.Emulator.Serialization;

/// <summary>The one JSON configuration of the emulator: camelCase, nulls omitted, Korean left readable.</summary>
internal static class EmulatorJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // Not HTML: '+' in phone numbers and Korean names stay readable instead of \uXXXX escapes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Options of the state file: same conventions, indented for people who open it.</summary>
    public static JsonSerializerOptions StateFileOptions { get; } = new(Options) { WriteIndented = true };

    /// <summary>UTC ISO-8601 with milliseconds, the API's timestamp format.</summary>
    public static string FormatTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
