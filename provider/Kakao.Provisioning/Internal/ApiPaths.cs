using System.Text;
using Kakao.Provisioning.Models;

namespace Kakao.Provisioning.Internal;

/// <summary>
/// Builds the relative URLs of the Provisioning API (no leading slash). The one place a value from input becomes
/// a path segment: each is checked by <see cref="RequireSegment"/> and escaped, so it addresses only its own
/// segment.
/// </summary>
internal static class ApiPaths
{
    public static string Senders(string projectId) => $"v1/projects/{Segment(projectId, nameof(projectId))}/kakaotalk/senders";

    public static string Sender(string projectId, string plusFriendId) => $"{Senders(projectId)}/{Segment(plusFriendId, nameof(plusFriendId))}";

    public static string Categories(string projectId) => $"v1/projects/{Segment(projectId, nameof(projectId))}/kakaotalk/categories/senders";

    public static string Templates(string projectId, string plusFriendId) => $"{Sender(projectId, plusFriendId)}/templates";

    public static string Template(string projectId, string plusFriendId, string templateCode) =>
        $"{Templates(projectId, plusFriendId)}/{Segment(templateCode, nameof(templateCode))}";

    public static string TemplateCategories(string projectId, string plusFriendId, int? pageSize, string? pageToken)
    {
        var query = QueryBuilder.Page(pageSize, pageToken);
        return $"v1/projects/{Segment(projectId, nameof(projectId))}/kakaotalk/categories/senders/{Segment(plusFriendId, nameof(plusFriendId))}/templates{query}";
    }

    /// <summary>Template list query: filters as repeated parameters, the name prefix as <c>templateName</c>.</summary>
    public static string TemplateList(string projectId, string plusFriendId, TemplateListFilter? filter, string? pageToken)
    {
        var query = QueryBuilder.Filtered(filter?.PageSize, pageToken, (filter?.States ?? []).Select(state => state.Value), filter?.Statuses);

        query.Add("templateName", filter?.NamePrefix);
        return Templates(projectId, plusFriendId) + query;
    }

    public static string TemplateActivities(string projectId, string plusFriendId, string templateCode, int? pageSize, string? pageToken)
    {
        var query = QueryBuilder.Page(pageSize, pageToken);
        return $"{Template(projectId, plusFriendId, templateCode)}/activities{query}";
    }

    public static string Webhooks(string projectId) => $"v1/projects/{Segment(projectId, nameof(projectId))}/webhooks";

    public static string Webhook(string projectId, string webhookId) => $"{Webhooks(projectId)}/{Segment(webhookId, nameof(webhookId))}";

    /// <summary>
    /// Throws <see cref="ArgumentException"/> naming <paramref name="paramName"/> unless <paramref name="value"/>
    /// can only ever address its own path segment: not empty, not <c>.</c> or <c>..</c>, no <c>/</c> or
    /// <c>\</c>, no control characters, and none of these once percent-decoded (<c>%2e%2e</c>, <c>%2F</c>), since
    /// a proxy or server may decode before routing. What remains is escaped by <see cref="Segment"/>.
    /// </summary>
    public static void RequireSegment(string? value, string paramName)
    {
        ArgumentNullException.ThrowIfNull(value, paramName);
        if (PathSegment.Problem(value) is { } problem)
        {
            throw new ArgumentException($"{paramName} {problem}.", paramName);
        }
    }

    public static string WebhookList(string projectId, int? pageSize, string? pageToken)
    {
        var query = QueryBuilder.Page(pageSize, pageToken);
        return Webhooks(projectId) + query;
    }

    /// <summary>
    /// List query. Arrays use OpenAPI's default query style (form, exploded): <c>filterStates=A&amp;filterStates=B</c>.
    /// </summary>
    public static string SenderList(string projectId, SenderListFilter? filter, string? pageToken)
    {
        var query = QueryBuilder.Filtered(filter?.PageSize, pageToken, (filter?.States ?? []).Select(state => state.Value), filter?.Statuses);

        return Senders(projectId) + query;
    }

    public static string Activities(string projectId, string plusFriendId, int? pageSize, string? pageToken)
    {
        var query = QueryBuilder.Page(pageSize, pageToken);
        return $"{Sender(projectId, plusFriendId)}/activities{query}";
    }

    // '@' is a legal path character (RFC 3986 pchar) and plusFriendIds start with it: keep it readable.
    private static string Segment(string value, string paramName)
    {
        RequireSegment(value, paramName);
        return Uri.EscapeDataString(value).Replace("%40", "@", StringComparison.Ordinal);
    }

    private sealed class QueryBuilder
    {
        private readonly StringBuilder _text = new();

        /// <summary>The paging parameters every list route takes.</summary>
        public static QueryBuilder Page(int? pageSize, string? pageToken)
        {
            var query = new QueryBuilder();
            query.Add("pageSize", pageSize?.ToString(System.Globalization.CultureInfo.InvariantCulture));
            query.Add("pageToken", pageToken);
            return query;
        }

        /// <summary>Paging, then the sender and template lists' state and changes-status filters, one parameter a value.</summary>
        public static QueryBuilder Filtered(int? pageSize, string? pageToken, IEnumerable<string>? states, IEnumerable<ChangesStatus>? statuses)
        {
            var query = Page(pageSize, pageToken);
            foreach (string state in states ?? [])
            {
                query.Add("filterStates", state);
            }

            foreach (var status in statuses ?? [])
            {
                query.Add("filterStatuses", status.Value);
            }

            return query;
        }

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
