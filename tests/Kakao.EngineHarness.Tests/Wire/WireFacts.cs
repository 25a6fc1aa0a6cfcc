using System.Text.Json;
using Kakao.TestData;

namespace Kakao.EngineHarness.Tests.Wire;

/// <summary>Loads the engine's wire table, kept in the repository (tests/TestData/protocol, see tests/TestData/README.md).</summary>
internal static class WireFacts
{
    private static readonly Lazy<JsonDocument> Document = new(Load);

    public static JsonElement Messages => Document.Value.RootElement.GetProperty("messages");

    public static JsonElement Enums => Document.Value.RootElement.GetProperty("enums");

    public static JsonElement Methods => Document.Value.RootElement.GetProperty("methods");

    public static string FindFile() => TestDataFiles.PulumiRpcWire;

    private static JsonDocument Load() => JsonDocument.Parse(File.ReadAllText(FindFile()));
}
