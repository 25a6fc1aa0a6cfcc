namespace Kakao.Provisioning;

/// <summary>
/// The rule for values the client places in a URL path: each must address only its own segment. The client
/// applies it to every id it is given (an <see cref="ArgumentException"/> naming the parameter); the plugin and
/// the driver use it to reject input early with a message naming the property.
/// </summary>
public static class PathSegment
{
    private const int MaxDecodings = 8;

    /// <summary>
    /// Why <paramref name="value"/> cannot be a URL path segment of the API, or null when it can: it must not be
    /// empty, <c>.</c> or <c>..</c>, contain <c>/</c>, <c>\</c> or control characters, nor be any of these once
    /// percent-decoded (up to eight times). The client refuses such values; callers validating input early use
    /// the same rule.
    /// </summary>
    /// <param name="value">An id or path value (project id, plusFriendId, template code, webhook id).</param>
    public static string? Problem(string value)
    {
        if (value.Length == 0 || string.IsNullOrWhiteSpace(value))
        {
            return "must not be empty";
        }

        // Decode until stable (at most a few rounds): "%252e" is "%2e" to a server that decodes twice.
        var decoded = value;
        for (int round = 0; round <= MaxDecodings; round++)
        {
            if (decoded.Any(char.IsControl))
            {
                return "must not contain control characters";
            }

            if (decoded.Trim() is "." or ".." || decoded.IndexOfAny(['/', '\\']) >= 0)
            {
                return "must be a single path segment: not \".\" or \"..\", and without '/' or '\\' (also when percent-encoded)";
            }

            var next = Uri.UnescapeDataString(decoded);
            if (next == decoded || round == MaxDecodings)
            {
                break;
            }

            decoded = next;
        }

        return null;
    }
}
