using System.Net.Http.Headers;
using System.Text.Json;

namespace Kakao.Provisioning.Internal;

/// <summary>
/// Turns an error answer into a <see cref="ProvisioningApiException"/>: Sinch's
/// <c>{errorCode, message, resolution, additionalInformation}</c>, gateway problem details
/// <c>{type, title, detail}</c>, or a short, sanitised excerpt when the body is not JSON.
/// </summary>
internal static class ApiErrorReader
{
    private const int SnippetLength = 200;
    private const int MaxBodyChars = 64 * 1024;

    public static async Task<ProvisioningApiException> ReadAsync(
        HttpResponseMessage response,
        SecretRedactor redactor,
        IEnumerable<string>? extraSecrets,
        CancellationToken cancellationToken)
    {
        int status = (int)response.StatusCode;
        string body;
        try
        {
            body = await response.Content.ReadAsStringAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or InvalidOperationException)
        {
            body = "";
        }

        if (body.Length > MaxBodyChars)
        {
            body = body[..MaxBodyChars];
        }

        return FromBody(status, response.Content.Headers.ContentType, body, redactor, extraSecrets);
    }

    internal static ProvisioningApiException FromBody(
        int status,
        MediaTypeHeaderValue? contentType,
        string body,
        SecretRedactor redactor,
        IEnumerable<string>? extraSecrets)
    {
        var secrets = extraSecrets?.ToArray();
        string Clean(string? text) => redactor.Redact(text ?? "", secrets);

        if (TryParseObject(body) is { } root)
        {
            using (root)
            {
                var element = root.RootElement;
                string? errorCode = ReadString(element, "errorCode");
                string? message = ReadString(element, "message");
                if (errorCode is not null || message is not null)
                {
                    return new ProvisioningApiException(
                        status,
                        errorCode is null ? null : Clean(errorCode),
                        message is null ? null : Clean(message),
                        ReadString(element, "resolution") is { } resolution ? Clean(resolution) : null,
                        ReadAdditionalInformation(element, Clean));
                }

                string? title = ReadString(element, "title");
                string? detail = ReadString(element, "detail");
                string? type = ReadString(element, "type");
                if (title is not null || detail is not null || type is not null)
                {
                    var text = (title, detail) switch
                    {
                        ({ } t, { } d) when !string.Equals(t, d, StringComparison.Ordinal) => $"{t}: {d}",
                        ({ } t, _) => t,
                        (_, { } d) => d,
                        _ => type,
                    };
                    var info = new Dictionary<string, IReadOnlyList<string>>();
                    if (type is not null)
                    {
                        info["type"] = [Clean(type)];
                    }

                    return new ProvisioningApiException(status, null, Clean(text), null, info);
                }
            }
        }

        var mediaType = contentType?.MediaType ?? "no content type";
        var snippet = redactor.Snippet(body, SnippetLength, secrets);
        var description = snippet.Length == 0
            ? $"the answer had an empty body ({mediaType})"
            : $"the answer was not a Sinch error body ({mediaType}): {snippet}";
        return new ProvisioningApiException(status, null, description);
    }

    private static JsonDocument? TryParseObject(string body)
    {
        var trimmed = body.AsSpan().TrimStart();
        if (trimmed.IsEmpty || trimmed[0] != '{')
        {
            return null;
        }

        try
        {
            var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return document;
            }

            document.Dispose();
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? ReadString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
            _ => null,
        } : null;

    // The schema says string arrays, the examples show plain strings: accept both, and anything else as text.
    private static Dictionary<string, IReadOnlyList<string>>? ReadAdditionalInformation(JsonElement element, Func<string?, string> clean)
    {
        if (!element.TryGetProperty("additionalInformation", out var info) || info.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var property in info.EnumerateObject())
        {
            result[property.Name] = property.Value.ValueKind switch
            {
                JsonValueKind.Array => property.Value.EnumerateArray().Select(item => clean(AsText(item))).ToArray(),
                JsonValueKind.Null or JsonValueKind.Undefined => [],
                _ => [clean(AsText(property.Value))],
            };
        }

        return result;
    }

    private static string AsText(JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : value.GetRawText();
}
