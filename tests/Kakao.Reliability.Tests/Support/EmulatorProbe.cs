using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kakao.Testing;

namespace Kakao.Reliability.Tests.Support;

/// <summary>
/// The emulator's truth (the Sinch API) and control API over HTTP, as an operator sees them. Truth reads use the sender list
/// route, which the fault plans never target, so checking the invariants cannot itself be faulted.
/// </summary>
internal sealed class EmulatorProbe(Uri baseAddress, string projectId = Sentinels.ProjectId) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    private readonly SortedDictionary<long, EmulatorRequest> _log = [];

    public Uri BaseAddress => baseAddress;

    /// <summary>The emulator's control API (reviewer, phone, faults, rate limit, request log).</summary>
    public EmulatorControlClient Control { get; } = new(baseAddress);

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
    /// The request log so far (Sinch API and token endpoint only, paths decoded). Entries are accumulated across
    /// calls, so the emulator's bounded log never loses one between two reads.
    /// </summary>
    public async Task<IReadOnlyList<EmulatorRequest>> RequestsAsync(CancellationToken cancellationToken)
    {
        foreach (var entry in await Control.ApiRequestsAsync(cancellationToken))
        {
            _log[entry.Sequence] = entry with { Path = entry.DecodedPath };
        }

        return _log.Values.ToArray();
    }

    /// <summary>Resets the emulator and forgets the accumulated log.</summary>
    public async Task ResetAsync(CancellationToken cancellationToken)
    {
        await Control.ResetAsync(cancellationToken);
        _log.Clear();
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

    public void Dispose()
    {
        _http.Dispose();
        Control.Dispose();
    }
}
