using System.Runtime.CompilerServices;

namespace Kakao.Provisioning.Internal;

/// <summary>Follows <c>nextPageToken</c>s until the last page, refusing a token it has already been given.</summary>
internal static class Pager
{
    public static async IAsyncEnumerable<TItem> AllAsync<TPage, TItem>(
        Func<string?, CancellationToken, Task<TPage>> fetchPage,
        Func<TPage, IReadOnlyList<TItem>> items,
        Func<TPage, string?> nextPageToken,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? pageToken = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        do
        {
            var page = await fetchPage(pageToken, cancellationToken);
            foreach (var item in items(page))
            {
                yield return item;
            }

            pageToken = nextPageToken(page) is { Length: > 0 } next ? next : null;

            // A service that hands back a token it already gave would make the listing endless.
            if (pageToken is not null && !seen.Add(pageToken))
            {
                throw new ProvisioningApiException(200, ProvisioningApiException.InvalidResponseErrorCode, "The API returned the same page token twice; stopping to avoid an endless listing.");
            }
        }
        while (pageToken is not null);
    }
}
