namespace Kakao.Provider.Grpc;

/// <summary>Finds a request's resource type token: the request's own field, or else the URN's type part.</summary>
internal static class ResourceTypes
{
    public static string Resolve(string? type, string? urn)
    {
        if (!string.IsNullOrEmpty(type))
        {
            return type;
        }

        // urn:pulumi:<stack>::<project>::<parent$...$type>::<name>
        var parts = (urn ?? "").Split("::");
        if (parts.Length < 4)
        {
            return "";
        }

        var qualified = parts[2];
        var dollar = qualified.LastIndexOf('$');
        return dollar < 0 ? qualified : qualified[(dollar + 1)..];
    }
}
