using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Kakao.Provider.Tests.Scenarios;

/// <summary>The Sinch API of the emulator, called behind the provider's back (reads of the truth, out-of-band deletes).</summary>
internal sealed class SinchApi(Uri baseAddress, string projectId) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = baseAddress };

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
        var request = new HttpRequestMessage(method, $"v1/projects/{projectId}/kakaotalk/senders/{Uri.EscapeDataString(plusFriendId)}");
        request.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Scenario.KeyId}:{Scenario.KeySecret}")));
        return request;
    }
}
