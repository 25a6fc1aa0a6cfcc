using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Kakao.Testing;

/// <summary>
/// The emulator's control API (<c>/_emulator/...</c>, docs/emulator.md) as a typed client, over HTTP as any
/// operator or tool uses it: play the reviewer, read the one-time code, inject faults and rate limits, read the
/// request log. Every failed control call throws <see cref="InvalidOperationException"/> quoting the answer.
/// </summary>
public sealed class EmulatorControlClient : IDisposable
{
    private readonly HttpClient _http;

    /// <summary>A client of the emulator at <paramref name="baseAddress"/>.</summary>
    public EmulatorControlClient(Uri baseAddress, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        BaseAddress = baseAddress;
        _http = new HttpClient { BaseAddress = baseAddress, Timeout = timeout ?? TimeSpan.FromSeconds(30) };
    }

    /// <summary>The emulator's base address.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Approves the sender's pending submission.</summary>
    public Task ApproveAsync(string projectId, string plusFriendId, CancellationToken cancellationToken = default) =>
        PostAsync($"{SenderPath(projectId, plusFriendId)}/approve", null, cancellationToken);

    /// <summary>Rejects the sender's pending submission with <paramref name="comment"/>.</summary>
    public Task RejectAsync(string projectId, string plusFriendId, string comment, CancellationToken cancellationToken = default) =>
        PostAsync($"{SenderPath(projectId, plusFriendId)}/reject", new JsonObject { ["comment"] = comment }, cancellationToken);

    /// <summary>Sets the sender's state (ACTIVE, BLOCKED, ...) behind the API's back.</summary>
    public Task SetStateAsync(string projectId, string plusFriendId, string state, CancellationToken cancellationToken = default) =>
        PostAsync($"{SenderPath(projectId, plusFriendId)}/state", new JsonObject { ["state"] = state }, cancellationToken);

    /// <summary>Edits the sender's details behind the API's back (drift).</summary>
    public Task EditDetailsAsync(string projectId, string plusFriendId, JsonObject details, CancellationToken cancellationToken = default) =>
        PostAsync($"{SenderPath(projectId, plusFriendId)}/details", details, cancellationToken);

    /// <summary>The one-time code "sent to the admin phone"; null when there is none.</summary>
    public async Task<int?> OtpAsync(string projectId, string plusFriendId, CancellationToken cancellationToken = default)
    {
        using var response = await _http.GetAsync($"{SenderPath(projectId, plusFriendId)}/otp", cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        await EnsureSuccessAsync(response, "GET otp", cancellationToken);
        return (await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken))!["code"]!.GetValue<int>();
    }

    /// <summary>The review policy of sender submissions from now on (<c>approve</c>, <c>reject</c>, <c>manual</c>).</summary>
    public Task SetReviewPolicyAsync(string mode, double delaySeconds = 0, string? comment = null, CancellationToken cancellationToken = default) =>
        PostAsync("_emulator/review-policy", Policy(mode, delaySeconds, comment), cancellationToken);

    /// <summary>Approves a template under inspection (Kakao's review), with an optional comment.</summary>
    public Task ApproveTemplateAsync(string projectId, string senderId, string templateCode, string? comment = null, CancellationToken cancellationToken = default) =>
        PostAsync($"{TemplatePath(projectId, senderId, templateCode)}/approve", comment is null ? null : new JsonObject { ["comment"] = comment }, cancellationToken);

    /// <summary>Rejects a template under inspection, with an optional comment (the emulator has a default text).</summary>
    public Task RejectTemplateAsync(string projectId, string senderId, string templateCode, string? comment = null, CancellationToken cancellationToken = default) =>
        PostAsync($"{TemplatePath(projectId, senderId, templateCode)}/reject", comment is null ? null : new JsonObject { ["comment"] = comment }, cancellationToken);

    /// <summary>The review policy of template inspections from now on (<c>approve</c>, <c>reject</c>, <c>manual</c>).</summary>
    public Task SetTemplateReviewPolicyAsync(string mode, double delaySeconds = 0, string? comment = null, CancellationToken cancellationToken = default) =>
        PostAsync("_emulator/template-review-policy", Policy(mode, delaySeconds, comment), cancellationToken);

    /// <summary>Replaces the fault rules.</summary>
    public Task SetFaultsAsync(JsonArray rules, CancellationToken cancellationToken = default) =>
        PostAsync("_emulator/faults", new JsonObject { ["rules"] = rules }, cancellationToken);

    /// <summary>Replaces the fault rules; the <paramref name="seed"/> makes probabilistic rules draw the same faults every run.</summary>
    public Task SetSeededFaultsAsync(int seed, JsonArray rules, CancellationToken cancellationToken = default) =>
        PostAsync("_emulator/faults", new JsonObject { ["seed"] = seed, ["rules"] = rules }, cancellationToken);

    /// <summary>How many requests the fault rules have matched so far, summed over the rules.</summary>
    public async Task<int> FaultMatchesAsync(CancellationToken cancellationToken = default) =>
        (await FaultRulesAsync(cancellationToken)).Sum(rule => rule?["matched"]?.GetValue<int>() ?? 0);

    /// <summary>The active fault rules, each with how often it matched and fired.</summary>
    public async Task<JsonArray> FaultRulesAsync(CancellationToken cancellationToken = default) =>
        (await _http.GetFromJsonAsync<JsonObject>("_emulator/faults", cancellationToken))!["rules"]!.AsArray();

    /// <summary>Removes every fault rule.</summary>
    public async Task ClearFaultsAsync(CancellationToken cancellationToken = default)
    {
        using var response = await _http.DeleteAsync("_emulator/faults", cancellationToken);
        await EnsureSuccessAsync(response, "DELETE _emulator/faults", cancellationToken);
    }

    /// <summary>Turns the token-bucket rate limit on (requests per second) or off (null).</summary>
    public Task SetRateLimitAsync(double? requestsPerSecond, CancellationToken cancellationToken = default) =>
        PostAsync("_emulator/rate-limit", new JsonObject { ["requestsPerSecond"] = requestsPerSecond }, cancellationToken);

    /// <summary>Forgets every project, sender and webhook, clears faults, rate limit and the request log.</summary>
    public Task ResetAsync(CancellationToken cancellationToken = default) => PostAsync("_emulator/reset", null, cancellationToken);

    /// <summary>The request log as the emulator holds it now (its most recent entries), control calls included.</summary>
    public async Task<IReadOnlyList<EmulatorRequest>> RequestsAsync(CancellationToken cancellationToken = default)
    {
        var body = await _http.GetFromJsonAsync<JsonObject>("_emulator/requests", cancellationToken);
        return [.. body!["requests"]!.AsArray().Select(node => new EmulatorRequest(
            node!["sequence"]?.GetValue<long>() ?? 0,
            node["time"]?.GetValue<string>() is { } time ? DateTimeOffset.Parse(time, CultureInfo.InvariantCulture) : null,
            node["method"]!.GetValue<string>(),
            node["path"]!.GetValue<string>(),
            node["status"]!.GetValue<int>(),
            node["body"]?.GetValue<string>(),
            node["fault"]?.GetValue<string>(),
            node["query"]?.GetValue<string>(),
            node["authScheme"]?.GetValue<string>()))];
    }

    /// <summary>The Sinch API and token endpoint requests of the log (control calls left out).</summary>
    public async Task<IReadOnlyList<EmulatorRequest>> ApiRequestsAsync(CancellationToken cancellationToken = default) =>
        [.. (await RequestsAsync(cancellationToken)).Where(request => !request.IsControl)];

    /// <summary>The raw request log JSON (for secret scans).</summary>
    public Task<string> RawRequestLogAsync(CancellationToken cancellationToken = default) => _http.GetStringAsync("_emulator/requests", cancellationToken);

    /// <summary>The highest sequence number logged so far (0 for an empty log).</summary>
    public async Task<long> LastSequenceAsync(CancellationToken cancellationToken = default) =>
        (await RequestsAsync(cancellationToken)).Select(r => r.Sequence).DefaultIfEmpty(0).Max();

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    private static string SenderPath(string projectId, string plusFriendId) =>
        $"_emulator/projects/{Uri.EscapeDataString(projectId)}/kakaotalk/senders/{Uri.EscapeDataString(plusFriendId)}";

    private static string TemplatePath(string projectId, string senderId, string templateCode) =>
        $"{SenderPath(projectId, senderId)}/templates/{Uri.EscapeDataString(templateCode)}";

    private static JsonObject Policy(string mode, double delaySeconds, string? comment)
    {
        var body = new JsonObject { ["mode"] = mode, ["delaySeconds"] = delaySeconds };
        if (comment is not null)
        {
            body["comment"] = comment;
        }

        return body;
    }

    private async Task PostAsync(string path, JsonNode? body, CancellationToken cancellationToken)
    {
        using var content = new StringContent(body?.ToJsonString() ?? "{}", Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync(path, content, cancellationToken);
        await EnsureSuccessAsync(response, "POST " + path, cancellationToken);
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, string call, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException(
                $"Emulator control {call} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }
    }
}
