using System.Text.Json.Nodes;

namespace Kakao.Emulator.Tests.Support;

/// <summary>Small helpers of the fuzz tests: is an answer JSON, and a short form of a body for failure lists.</summary>
internal static class JsonText
{
    public static bool IsJson(string text)
    {
        try
        {
            JsonNode.Parse(text);
            return true;
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    public static string Shorten(string text) => text.Length > 120 ? text[..120] + "…" : text;
}
