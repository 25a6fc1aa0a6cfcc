using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Kakao.Provisioning.Tests.Integration;

/// <summary>
/// The emulator's control API over HTTP (the routes of the team contract), used to play the reviewer, read the
/// one-time code, inject faults and inspect what the client sent.
/// </summary>
internal sealed class EmulatorControl(Uri baseAddress) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(20) };

    public Task ApproveAsync(string projectId, string plusFriendId) =>
        PostAsync($"_emulator/projects/{projectId}/kakaotalk/senders/{plusFriendId}/approve", null);

    public Task RejectAsync(string projectId, string plusFriendId, string comment) =>
        PostAsync($"_emulator/projects/{projectId}/kakaotalk/senders/{plusFriendId}/reject", new JsonObject { ["comment"] = comment });

    public Task ApproveTemplateAsync(string projectId, string plusFriendId, string templateCode) =>
        PostAsync($"_emulator/projects/{projectId}/kakaotalk/senders/{plusFriendId}/templates/{templateCode}/approve", null);

    public Task RejectTemplateAsync(string projectId, string plusFriendId, string templateCode, string comment) =>
        PostAsync($"_emulator/projects/{projectId}/kakaotalk/senders/{plusFriendId}/templates/{templateCode}/reject", new JsonObject { ["comment"] = comment });

    public Task SetStateAsync(string projectId, string plusFriendId, string state) =>
        PostAsync($"_emulator/projects/{projectId}/kakaotalk/senders/{plusFriendId}/state", new JsonObject { ["state"] = state });

    public async Task<int> OtpAsync(string projectId, string plusFriendId)
    {
        using var response = await _http.GetAsync($"_emulator/projects/{projectId}/kakaotalk/senders/{plusFriendId}/otp");
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        return body!["code"]!.GetValue<int>();
    }

    public Task ReviewPolicyAsync(string mode) => PostAsync("_emulator/review-policy", new JsonObject { ["mode"] = mode, ["delaySeconds"] = 0 });

    public Task FaultsAsync(params JsonObject[] rules) => PostAsync("_emulator/faults", new JsonObject { ["rules"] = new JsonArray(rules) });

    /// <summary>Probabilistic rules with a fixed seed, so every run draws the same faults.</summary>
    public Task SeededFaultsAsync(int seed, params JsonObject[] rules) =>
        PostAsync("_emulator/faults", new JsonObject { ["seed"] = seed, ["rules"] = new JsonArray(rules) });

    public async Task ClearFaultsAsync()
    {
        using var response = await _http.DeleteAsync("_emulator/faults");
        response.EnsureSuccessStatusCode();
    }

    /// <summary>The logged requests (method, path, status, fault, ...) whose path starts with <paramref name="pathPrefix"/>.</summary>
    public async Task<IReadOnlyList<JsonNode>> RequestsAsync(string pathPrefix)
    {
        var body = await _http.GetFromJsonAsync<JsonObject>("_emulator/requests");
        return body!["requests"]!.AsArray()
            .Where(r => r!["path"]!.GetValue<string>().StartsWith(pathPrefix, StringComparison.Ordinal))
            .Select(r => r!)
            .ToList();
    }

    public async Task<int> CountAsync(string method, string path) =>
        (await RequestsAsync(path)).Count(r => r["method"]!.GetValue<string>() == method && r["path"]!.GetValue<string>() == path);

    public void Dispose() => _http.Dispose();

    private async Task PostAsync(string path, JsonObject? body)
    {
        using var content = new StringContent(body?.ToJsonString() ?? "", Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync(path, content);
        if (!response.IsSuccessStatusCode)
        {
            Assert.Fail($"Control call {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }
}
