using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Kakao.Provider.Tests.Scenarios;

/// <summary>The Sinch API of the emulator, called behind the provider's back (reads of the truth, out-of-band edits and deletes).</summary>
internal sealed class SinchApi : IDisposable
{
    private readonly HttpClient _http;
    private readonly string _projectId;

    public SinchApi(Uri baseAddress, string projectId)
    {
        _projectId = projectId;
        _http = new HttpClient { BaseAddress = baseAddress };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Scenario.KeyId}:{Scenario.KeySecret}")));
    }

    /// <summary>GET the sender through the Sinch API; null when it does not exist.</summary>
    public Task<JsonNode?> GetSenderAsync(string plusFriendId, CancellationToken cancellationToken) =>
        GetAsync(SenderPath(plusFriendId), cancellationToken);

    /// <summary>DELETE the sender through the Sinch API, behind the provider's back.</summary>
    public async Task DeleteSenderAsync(string plusFriendId, CancellationToken cancellationToken)
    {
        using var response = await _http.DeleteAsync(SenderPath(plusFriendId), cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>The sender's path below the API root (its templates are below it).</summary>
    public string SenderPath(string plusFriendId) => $"v1/projects/{_projectId}/kakaotalk/senders/{Uri.EscapeDataString(plusFriendId)}";

    /// <summary>GET a Sinch API path; null when it does not exist.</summary>
    public async Task<JsonNode?> GetAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(path, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonNode>(cancellationToken);
    }

    /// <summary>Sends a call that has to succeed (else it throws with the answer); the answer's JSON, null when empty.</summary>
    public async Task<JsonNode?> SendAsync(HttpMethod method, string path, JsonNode? body, CancellationToken cancellationToken)
    {
        var (status, text) = await ExchangeAsync(method, path, body, cancellationToken);
        if (status is < 200 or > 299)
        {
            throw new InvalidOperationException($"Emulator {method} {path} answered {status}: {text}");
        }

        return text.Length == 0 ? null : JsonNode.Parse(text);
    }

    /// <summary>Sends a webhook call to the Sinch API behind the provider's back; the answer's JSON (null for 204/404).</summary>
    public async Task<(int Status, JsonNode? Body)> WebhookApiAsync(HttpMethod method, string? webhookId, JsonObject? body, CancellationToken cancellationToken)
    {
        var (status, text) = await ExchangeAsync(
            method, $"v1/projects/{_projectId}/webhooks" + (webhookId is null ? "" : "/" + Uri.EscapeDataString(webhookId)), body, cancellationToken);
        return (status, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    public void Dispose() => _http.Dispose();

    private async Task<(int Status, string Text)> ExchangeAsync(HttpMethod method, string path, JsonNode? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        using var response = await _http.SendAsync(request, cancellationToken);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
    }
}
