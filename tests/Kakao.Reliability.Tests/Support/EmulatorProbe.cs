using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Kakao.Reliability.Tests.Support;

/// <summary>
/// The emulator's truth and control API over HTTP, as an operator sees them. Truth reads use the sender list
/// route, which the fault plans never target, so checking the invariants cannot itself be faulted.
/// </summary>
internal sealed class EmulatorProbe(Uri baseAddress, string projectId = Sentinels.ProjectId) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    private readonly SortedDictionary<long, LoggedRequest> _log = [];

    public Uri BaseAddress => baseAddress;

    /// <summary>Every live sender (all pages of GET .../senders), by plusFriendId.</summary>
    public async Task<IReadOnlyDictionary<string, JsonObject>> SendersAsync(CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        string? token = null;
        do
        {
            var uri = $"v1/projects/{projectId}/kakaotalk/senders?pageSize=100" + (token is null ? string.Empty : "&pageToken=" + Uri.EscapeDataString(token));
            using var request = Authorized(HttpMethod.Get, uri);
            using var response = await _http.SendAsync(request, cancellationToken);
            response.EnsureSuccessStatusCode();
            var page = (await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken))!;
            foreach (var sender in page["senders"]!.AsArray())
            {
                result[sender!["plusFriendId"]!.GetValue<string>()] = sender.AsObject();
            }

            token = page["nextPageToken"]?.GetValue<string>();
        }
        while (!string.IsNullOrEmpty(token));
        return result;
    }

    /// <summary>
    /// The request log so far (Sinch API and token endpoint only). Entries are accumulated across calls, so
    /// the emulator's bounded log never loses one between two reads.
    /// </summary>
    public async Task<IReadOnlyList<LoggedRequest>> RequestsAsync(CancellationToken cancellationToken)
    {
        var body = await _http.GetFromJsonAsync<JsonObject>("_emulator/requests", cancellationToken);
        foreach (var node in body!["requests"]!.AsArray())
        {
            var entry = new LoggedRequest(
                node!["sequence"]!.GetValue<long>(),
                node["method"]!.GetValue<string>(),
                Uri.UnescapeDataString(node["path"]!.GetValue<string>()),
                node["status"]!.GetValue<int>(),
                node["body"]?.GetValue<string>(),
                node["fault"]?.GetValue<string>(),
                node["query"]?.GetValue<string>(),
                node["authScheme"]?.GetValue<string>());
            if (!entry.Path.StartsWith("/_emulator", StringComparison.Ordinal))
            {
                _log[entry.Sequence] = entry;
            }
        }

        return _log.Values.ToArray();
    }

    /// <summary>The raw request log JSON (for secret scans).</summary>
    public Task<string> RawRequestLogAsync(CancellationToken cancellationToken) => _http.GetStringAsync("_emulator/requests", cancellationToken);

    public Task SetFaultsAsync(JsonArray rules, int? seed, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["rules"] = rules };
        if (seed is { } s)
        {
            body["seed"] = s;
        }

        return PostAsync("_emulator/faults", body, cancellationToken);
    }

    /// <summary>Turns the emulator's token-bucket rate limit on (requests per second, burst of one second) or off (null).</summary>
    public Task SetRateLimitAsync(double? requestsPerSecond, CancellationToken cancellationToken) =>
        PostAsync("_emulator/rate-limit", new JsonObject { ["requestsPerSecond"] = requestsPerSecond }, cancellationToken);

    /// <summary>The active rules with how often each matched and fired.</summary>
    public async Task<JsonArray> FaultRulesAsync(CancellationToken cancellationToken) =>
        (await _http.GetFromJsonAsync<JsonObject>("_emulator/faults", cancellationToken))!["rules"]!.AsArray();

    public async Task ClearFaultsAsync(CancellationToken cancellationToken)
    {
        using var response = await _http.DeleteAsync("_emulator/faults", cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    public async Task ResetAsync(CancellationToken cancellationToken)
    {
        await PostAsync("_emulator/reset", null, cancellationToken);
        _log.Clear();
    }

    public Task ApproveAsync(string plusFriendId, CancellationToken cancellationToken) =>
        PostAsync($"_emulator/projects/{projectId}/kakaotalk/senders/{Uri.EscapeDataString(plusFriendId)}/approve", null, cancellationToken);

    public Task RejectAsync(string plusFriendId, string comment, CancellationToken cancellationToken) =>
        PostAsync($"_emulator/projects/{projectId}/kakaotalk/senders/{Uri.EscapeDataString(plusFriendId)}/reject", new JsonObject { ["comment"] = comment }, cancellationToken);

    /// <summary>The one-time code "sent to the phone"; null when there is none.</summary>
    public async Task<int?> OtpAsync(string plusFriendId, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync($"_emulator/projects/{projectId}/kakaotalk/senders/{Uri.EscapeDataString(plusFriendId)}/otp", cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken))!["code"]!.GetValue<int>();
    }

    /// <summary>Sends any request to the emulator (malformed-input sweeps); the caller owns the response.</summary>
    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) => _http.SendAsync(request, cancellationToken);

    /// <summary>A request to the Sinch API with the sentinel Basic credentials.</summary>
    public static HttpRequestMessage Authorized(HttpMethod method, string relativeUri)
    {
        var request = new HttpRequestMessage(method, relativeUri);
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Sentinels.BasicCredential);
        return request;
    }

    public void Dispose() => _http.Dispose();

    private async Task PostAsync(string path, JsonNode? body, CancellationToken cancellationToken)
    {
        using var content = new StringContent(body?.ToJsonString() ?? "{}", Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync(path, content, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException(
                $"Emulator control POST {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }
    }
}

/// <summary>One request the emulator received (path decoded).</summary>
internal sealed record LoggedRequest(long Sequence, string Method, string Path, int Status, string? Body, string? Fault, string? Query, string? AuthScheme)
{
    /// <summary>
    /// The write took effect on the emulator: it answered 2xx, or a commit-then-fail fault ran it and then
    /// answered an error or dropped the connection.
    /// </summary>
    public bool Committed => Fault is null
        ? Status is >= 200 and < 300
        : Fault.Contains("commit-then", StringComparison.Ordinal) || (Fault.EndsWith("latency", StringComparison.Ordinal) && Status is >= 200 and < 300);
}
