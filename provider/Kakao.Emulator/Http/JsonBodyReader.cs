using System.Text.Json;

namespace Kakao.Emulator.Http;

/// <summary>
/// Reads a request body as a JSON object, bounded in size and depth. Anything else (empty, malformed,
/// oversize, not an object) becomes a documented 400 with a Sinch body, never an exception that escapes.
/// </summary>
internal static class JsonBodyReader
{
    /// <summary>Bodies beyond this many bytes are refused (a 65535-character comment fits easily).</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 32 };

    /// <summary>Reads the body; <paramref name="malformedCode"/> is the operation's code for unreadable bodies.</summary>
    public static async Task<JsonElement> ReadObjectAsync(HttpContext context, string malformedCode, CancellationToken cancellationToken)
    {
        var bytes = await ReadBoundedAsync(context, malformedCode, cancellationToken);
        if (bytes.Length == 0)
        {
            throw Fail(malformedCode, "request body must be a JSON object");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes, DocumentOptions);
        }
        catch (JsonException)
        {
            throw Fail(malformedCode, "request body must be valid JSON");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw Fail(malformedCode, "request body must be a JSON object");
            }

            return document.RootElement.Clone();
        }
    }

    /// <summary>Reads the raw body (at most <see cref="MaxBodyBytes"/>).</summary>
    public static async Task<byte[]> ReadBoundedAsync(HttpContext context, string malformedCode, CancellationToken cancellationToken)
    {
        if (context.Request.ContentLength > MaxBodyBytes)
        {
            throw Fail(malformedCode, $"request body must not exceed {MaxBodyBytes} bytes");
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        while (true)
        {
            int read = await context.Request.Body.ReadAsync(chunk, cancellationToken);
            if (read == 0)
            {
                break;
            }

            if (buffer.Length + read > MaxBodyBytes)
            {
                throw Fail(malformedCode, $"request body must not exceed {MaxBodyBytes} bytes");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static ApiException Fail(string code, string validationError) =>
        code == SinchErrors.InvalidInput
            ? ApiException.InvalidInput(validationError)
            : new ApiException(code, new Dictionary<string, object> { ["validationErrors"] = new[] { validationError } });
}
