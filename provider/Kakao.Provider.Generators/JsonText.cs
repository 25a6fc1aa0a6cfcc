using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Kakao.Provider.Generators;

/// <summary>
/// A minimal ordered JSON tree and writer: two-space indentation, one member or item per line, only the
/// characters JSON requires escaped (the layout of the checked-in schema.json).
/// </summary>
internal abstract class JsonNode
{
    public abstract void Write(StringBuilder output, int indent);

    public override string ToString()
    {
        var output = new StringBuilder();
        Write(output, 0);
        return output.Append('\n').ToString();
    }
}

internal sealed class JsonObject : JsonNode
{
    private readonly List<KeyValuePair<string, JsonNode>> _members = [];

    public int Count => _members.Count;

    public JsonObject Add(string key, JsonNode? value)
    {
        if (value is not null)
        {
            _members.Add(new KeyValuePair<string, JsonNode>(key, value));
        }

        return this;
    }

    public JsonObject Add(string key, string? value) => value is null ? this : Add(key, new JsonLiteral(JsonText.Quote(value)));

    public JsonObject Flag(string key, bool value) => value ? Add(key, new JsonLiteral("true")) : this;

    public override void Write(StringBuilder output, int indent)
    {
        if (_members.Count == 0)
        {
            output.Append("{}");
            return;
        }

        output.Append("{\n");
        for (int i = 0; i < _members.Count; i++)
        {
            output.Append(' ', (indent + 1) * 2).Append(JsonText.Quote(_members[i].Key)).Append(": ");
            _members[i].Value.Write(output, indent + 1);
            output.Append(i < _members.Count - 1 ? ",\n" : "\n");
        }

        output.Append(' ', indent * 2).Append('}');
    }
}

internal sealed class JsonArray(IEnumerable<JsonNode> items) : JsonNode
{
    private readonly List<JsonNode> _items = [.. items];

    public int Count => _items.Count;

    public static JsonArray Strings(IEnumerable<string> values)
    {
        var items = new List<JsonNode>();
        foreach (var value in values)
        {
            items.Add(new JsonLiteral(JsonText.Quote(value)));
        }

        return new JsonArray(items);
    }

    public override void Write(StringBuilder output, int indent)
    {
        if (_items.Count == 0)
        {
            output.Append("[]");
            return;
        }

        output.Append("[\n");
        for (int i = 0; i < _items.Count; i++)
        {
            output.Append(' ', (indent + 1) * 2);
            _items[i].Write(output, indent + 1);
            output.Append(i < _items.Count - 1 ? ",\n" : "\n");
        }

        output.Append(' ', indent * 2).Append(']');
    }
}

internal sealed class JsonLiteral(string text) : JsonNode
{
    public override void Write(StringBuilder output, int indent) => output.Append(text);
}

internal static class JsonText
{
    public static string Quote(string value)
    {
        var output = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': output.Append("\\\""); break;
                case '\\': output.Append("\\\\"); break;
                case '\n': output.Append("\\n"); break;
                case '\r': output.Append("\\r"); break;
                case '\t': output.Append("\\t"); break;
                case '\b': output.Append("\\b"); break;
                case '\f': output.Append("\\f"); break;
                default:
                    if (c < ' ')
                    {
                        output.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        output.Append(c);
                    }

                    break;
            }
        }

        return output.Append('"').ToString();
    }
}
