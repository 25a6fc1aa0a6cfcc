using System.Text;
using Kakao.Provisioning.Models;

namespace Kakao.Provisioning.Internal;

/// <summary>Builds the relative URLs of the Provisioning API (no leading slash, segments escaped).</summary>
internal static class ApiPaths
{
    public static string Senders(string projectId) => $"v1/projects/{Segment(projectId)}/kakaotalk/senders";

    public static string Sender(string projectId, string plusFriendId) => $"{Senders(projectId)}/{Segment(plusFriendId)}";

    public static string Categories(string projectId) => $"v1/projects/{Segment(projectId)}/kakaotalk/categories/senders";

    public static string Webhooks(string projectId) => $"v1/projects/{Segment(projectId)}/webhooks";

    public static string Webhook(string projectId, string webhookId) => $"{Webhooks(projectId)}/{Segment(webhookId)}";

    public static string WebhookList(string projectId, int? pageSize, string? pageToken)
    {
        var query = new QueryBuilder();
        query.Add("pageSize", pageSize?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        query.Add("pageToken", pageToken);
        return Webhooks(projectId) + query;
    }

    /// <summary>
    /// List query. Arrays use OpenAPI's default query style (form, exploded): <c>filterStates=A&amp;filterStates=B</c>.
    /// </summary>
    public static string SenderList(string projectId, SenderListFilter? filter, string? pageToken)
    {
        var query = new QueryBuilder();
        query.Add("pageSize", filter?.PageSize?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        query.Add("pageToken", pageToken);
        foreach (var state in filter?.States ?? [])
        {
            query.Add("filterStates", state.Value);
        }

        foreach (var status in filter?.Statuses ?? [])
        {
            query.Add("filterStatuses", status.Value);
        }

        return Senders(projectId) + query;
    }

    public static string Activities(string projectId, string plusFriendId, int? pageSize, string? pageToken)
    {
        var query = new QueryBuilder();
        query.Add("pageSize", pageSize?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        query.Add("pageToken", pageToken);
        return $"{Sender(projectId, plusFriendId)}/activities{query}";
    }

    // '@' is a legal path character (RFC 3986 pchar) and plusFriendIds start with it: keep it readable.
    private static string Segment(string value) => Uri.EscapeDataString(value).Replace("%40", "@", StringComparison.Ordinal);

    private sealed class QueryBuilder
    {
        private readonly StringBuilder _text = new();

        public void Add(string name, string? value)
        {
            if (value is null)
            {
                return;
            }

            _text.Append(_text.Length == 0 ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
        }

        public override string ToString() => _text.ToString();
    }
}
