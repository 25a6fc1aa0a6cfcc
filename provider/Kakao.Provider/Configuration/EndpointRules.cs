namespace Kakao.Provider.Configuration;

/// <summary>Rules for API base addresses: absolute https, or http only for loopback hosts.</summary>
internal static class EndpointRules
{
    /// <summary>Parses <paramref name="text"/>; on failure returns null and a reason.</summary>
    public static Uri? TryParse(string text, out string? reason)
    {
        reason = null;
        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            reason = $"must be an absolute http(s) URL, e.g. https://provisioning.api.sinch.com (got \"{text}\")";
            return null;
        }

        if (uri.Scheme == Uri.UriSchemeHttp && !uri.IsLoopback)
        {
            reason = $"http:// is only allowed for loopback hosts (127.0.0.1, localhost); use https:// for {uri.Host}";
            return null;
        }

        if (!string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
        {
            reason = "must not contain a query or fragment";
            return null;
        }

        return uri;
    }
}
