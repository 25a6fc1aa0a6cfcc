using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kakao.Provider.Tests.Scenarios;

/// <summary>The emulator's control API (and a few raw Sinch API calls) over HTTP, as an operator would use it.</summary>
internal sealed class EmulatorControl(Uri baseAddress, string projectId) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = baseAddress };

    public Task ApproveAsync(string plusFriendId, CancellationToken cancellationToken) =>
        PostAsync($"_emulator/projects/{projectId}/kakaotalk/senders/{Escape(plusFriendId)}/approve", null, cancellationToken);

    public Task RejectAsync(string plusFriendId, string comment, CancellationToken cancellationToken) =>
        PostAsync($"_emulator/projects/{projectId}/kakaotalk/senders/{Escape(plusFriendId)}/reject", new JsonObject { ["comment"] = comment }, cancellationToken);

    public Task SetStateAsync(string plusFriendId, string state, CancellationToken cancellationToken) =>
        PostAsync($"_emulator/projects/{projectId}/kakaotalk/senders/{Escape(plusFriendId)}/state", new JsonObject { ["state"] = state }, cancellationToken);

    public Task EditDetailsAsync(string plusFriendId, JsonObject details, CancellationToken cancellationToken) =>
        PostAsync($"_emulator/projects/{projectId}/kakaotalk/senders/{Escape(plusFriendId)}/details", details, cancellationToken);

    public Task SetFaultsAsync(JsonArray rules, CancellationToken cancellationToken) =>
        PostAsync("_emulator/faults", new JsonObject { ["rules"] = rules }, cancellationToken);

    public Task ResetAsync(CancellationToken cancellationToken) => PostAsync("_emulator/reset", null, cancellationToken);

    public async Task ClearFaultsAsync(CancellationToken cancellationToken)
    {
        using var response = await _http.DeleteAsync("_emulator/faults", cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>How many requests each fault rule has matched so far.</summary>
    public async Task<int> FaultMatchesAsync(CancellationToken cancellationToken)
    {
        var faults = await _http.GetFromJsonAsync<JsonNode>("_emulator/faults", cancellationToken);
        var rules = faults?["rules"]?.AsArray() ?? [];
        return rules.Sum(rule => rule?["matched"]?.GetValue<int>() ?? 0);
    }

    /// <summary>Requests the emulator received on the Sinch API and token endpoint (the control API excluded).</summary>
    public async Task<IReadOnlyList<ReceivedRequest>> ApiRequestsAsync(CancellationToken cancellationToken)
    {
        var body = await _http.GetFromJsonAsync<JsonNode>("_emulator/requests", cancellationToken);
        return (body?["requests"]?.AsArray() ?? [])
            .Select(node => new ReceivedRequest(
                node!["method"]!.GetValue<string>(), node["path"]!.GetValue<string>(), node["status"]!.GetValue<int>(),
                node["body"]?.GetValue<string>()))
            .Where(request => !request.Path.StartsWith("/_emulator", StringComparison.Ordinal))
            .ToArray();
    }

    /// <summary>GET the sender through the Sinch API; null when it does not exist.</summary>
    public async Task<JsonNode?> GetSenderAsync(string plusFriendId, CancellationToken cancellationToken)
    {
        using var request = ApiRequest(HttpMethod.Get, plusFriendId);
        using var response = await _http.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonNode>(cancellationToken);
    }

    /// <summary>DELETE the sender through the Sinch API, behind the provider's back.</summary>
    public async Task DeleteSenderAsync(string plusFriendId, CancellationToken cancellationToken)
    {
        using var request = ApiRequest(HttpMethod.Delete, plusFriendId);
        using var response = await _http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Sends a webhook call to the Sinch API behind the provider's back; the answer's JSON (null for 204/404).</summary>
    public async Task<(int Status, JsonNode? Body)> WebhookApiAsync(HttpMethod method, string? webhookId, JsonObject? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, $"v1/projects/{projectId}/webhooks" + (webhookId is null ? "" : "/" + Uri.EscapeDataString(webhookId)));
        request.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Scenario.KeyId}:{Scenario.KeySecret}")));
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        using var response = await _http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return ((int)response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    public void Dispose() => _http.Dispose();

    private HttpRequestMessage ApiRequest(HttpMethod method, string plusFriendId)
    {
        var request = new HttpRequestMessage(method, $"v1/projects/{projectId}/kakaotalk/senders/{Escape(plusFriendId)}");
        request.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Scenario.KeyId}:{Scenario.KeySecret}")));
        return request;
    }

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

    private static string Escape(string plusFriendId) => Uri.EscapeDataString(plusFriendId);
}

/// <summary>One request the emulator received.</summary>
internal sealed record ReceivedRequest(string Method, string Path, int Status, string? Body);
