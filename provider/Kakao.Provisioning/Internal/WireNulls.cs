using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kakao.Provisioning.Internal;

/// <summary>
/// Writes an explicit JSON <c>null</c> into a body. The serializer omits nulls (a null member means "not
/// changed"); the few fields the API clears with a null get one this way.
/// </summary>
internal static class WireNulls
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Sets <c>body[objectName][property] = null</c>, creating the object when absent.</summary>
    public static byte[] WithNull(byte[] body, string objectName, string property) => WithNulls(body, objectName, [property]);

    /// <summary>Sets <c>body[objectName][p] = null</c> for each of <paramref name="properties"/>.</summary>
    public static byte[] WithNulls(byte[] body, string objectName, IReadOnlyList<string> properties)
    {
        if (properties.Count == 0)
        {
            return body;
        }

        var root = JsonNode.Parse(body)!.AsObject();
        if (root[objectName] is not JsonObject target)
        {
            target = new JsonObject();
            root[objectName] = target;
        }

        foreach (var property in properties)
        {
            target[property] = null;
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            root.WriteTo(writer);
        }

        return buffer.ToArray();
    }
}
