using System.Diagnostics.CodeAnalysis;

namespace Kakao.Provisioning;

/// <summary>
/// The rule for a Provisioning API or token service base address: absolute <c>https://</c>, or <c>http://</c>
/// only on a loopback host (the emulator), with no query, fragment or user info. Credentials never travel in
/// clear text over a network.
/// </summary>
public static class ProvisioningEndpoint
{
    /// <summary>Parses <paramref name="text"/> (trimmed) as a base address that follows the rule.</summary>
    /// <param name="text">The address as the user wrote it.</param>
    /// <param name="endpoint">The address, when it follows the rule.</param>
    /// <param name="problem">Otherwise what is wrong, as a predicate ("must be ..."), without the text itself.</param>
    public static bool TryParse(string? text, [NotNullWhen(true)] out Uri? endpoint, [NotNullWhen(false)] out string? problem)
    {
        endpoint = null;
        if (string.IsNullOrWhiteSpace(text) || !Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri))
        {
            problem = "must be an absolute https:// URL, e.g. https://provisioning.api.sinch.com";
            return false;
        }

        problem = Problem(uri);
        if (problem is not null)
        {
            return false;
        }

        endpoint = uri;
        return true;
    }

    /// <summary>What is wrong with <paramref name="endpoint"/> as a base address, or null when it follows the rule.</summary>
    /// <param name="endpoint">An absolute URI.</param>
    public static string? Problem(Uri endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (!endpoint.IsAbsoluteUri)
        {
            return "must be an absolute URL";
        }

        if (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps)
        {
            return "must use https:// (or http:// on a loopback host)";
        }

        if (endpoint.Scheme == Uri.UriSchemeHttp && !ProvisioningClientOptions.IsLoopbackHost(endpoint.Host))
        {
            return $"uses http:// for the non-loopback host '{endpoint.Host}'; credentials would travel in clear text. Use https:// (http:// is accepted only for localhost, 127.0.0.0/8 and ::1)";
        }

        if (!string.IsNullOrEmpty(endpoint.Query) || !string.IsNullOrEmpty(endpoint.Fragment) || !string.IsNullOrEmpty(endpoint.UserInfo))
        {
            return "must not contain a query, fragment or user info";
        }

        return null;
    }
}
