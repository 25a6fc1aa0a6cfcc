using System.Buffers.Text;
using System.Globalization;
using System.Text;
using Kakao.Emulator.Http;

namespace Kakao.Emulator.Domain;

/// <summary>One page of a list and the opaque tokens around it.</summary>
internal sealed record Page<T>(IReadOnlyList<T> Items, int TotalSize, int PageSize, string? NextPageToken, string? PreviousPageToken);

/// <summary>
/// Offset paging behind opaque tokens. A token names the list it belongs to (kind + a scope such as the
/// filters), so a token replayed against another list answers invalid_page_token instead of a wrong page.
/// </summary>
internal static class Paging
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 100;

    /// <summary>Parses the pageSize query value (1..100, integer), else 400 invalid_page_size.</summary>
    public static int ParsePageSize(string? raw) => ParsePageSize(raw, DefaultPageSize, MaxPageSize);

    /// <summary>Parses the pageSize query value (1..<paramref name="max"/>, integer), else 400 invalid_page_size.</summary>
    public static int ParsePageSize(string? raw, int defaultSize, int max)
    {
        if (string.IsNullOrEmpty(raw))
        {
            return defaultSize;
        }

        if (!int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out int size) || size < 1 || size > max)
        {
            throw new ApiException(SinchErrors.InvalidPageSize);
        }

        return size;
    }

    public static Page<T> Take<T>(IReadOnlyList<T> all, int pageSize, string? pageToken, string scope)
    {
        int offset = string.IsNullOrEmpty(pageToken) ? 0 : Decode(pageToken, scope);
        if (offset > all.Count)
        {
            throw new ApiException(SinchErrors.InvalidPageToken);
        }

        var items = all.Skip(offset).Take(pageSize).ToArray();
        string? next = offset + pageSize < all.Count ? Encode(offset + pageSize, scope) : null;
        string? previous = offset > 0 ? Encode(Math.Max(0, offset - pageSize), scope) : null;
        return new Page<T>(items, all.Count, pageSize, next, previous);
    }

    private static string Encode(int offset, string scope)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"v1|{scope}|{offset}");
        return Base64Url.EncodeToString(Encoding.UTF8.GetBytes(text));
    }

    private static int Decode(string token, string scope)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
            int lastBar = text.LastIndexOf('|');
            if (lastBar > 0
                && text[..lastBar] == "v1|" + scope
                && int.TryParse(text.AsSpan(lastBar + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int offset))
            {
                return offset;
            }
        }
        catch (FormatException)
        {
            // falls through to the documented error
        }

        throw new ApiException(SinchErrors.InvalidPageToken);
    }
}
