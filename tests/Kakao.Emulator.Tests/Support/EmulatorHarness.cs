using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;

namespace Kakao.Emulator.Tests.Support;

/// <summary>An emulator on a loopback port with a fake clock and clients that speak to it over real HTTP.</summary>
internal sealed class EmulatorHarness : IAsyncDisposable
{
    public const string SamplePlusFriendId = "@sinch-demo";

    private EmulatorHarness(EmulatorServer server, FakeTimeProvider time, EmulatorOptions options)
    {
        Server = server;
        Time = time;
        Options = options;
        Client = NewClient(server.BaseAddress);
        Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", System.Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.KeyId}:{options.KeySecret}")));
        Anonymous = NewClient(server.BaseAddress);
    }

    public EmulatorServer Server { get; }

    public FakeTimeProvider Time { get; }

    public EmulatorOptions Options { get; }

    /// <summary>Authenticated with Basic auth.</summary>
    public HttpClient Client { get; }

    /// <summary>No credentials (control API, auth tests).</summary>
    public HttpClient Anonymous { get; }

    public static async Task<EmulatorHarness> StartAsync(Action<EmulatorOptions>? configure = null, FakeTimeProvider? time = null)
    {
        time ??= new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
        var options = new EmulatorOptions { TimeProvider = time };
        configure?.Invoke(options);
        var server = await EmulatorServer.StartAsync(options);
        return new EmulatorHarness(server, time, options);
    }

    public static string NewProject() => "proj-" + Guid.NewGuid().ToString("N")[..12];

    public static string Senders(string project) => $"v1/projects/{project}/kakaotalk/senders";

    public static string Sender(string project, string plusFriendId = SamplePlusFriendId) =>
        $"{Senders(project)}/{Uri.EscapeDataString(plusFriendId)}";

    public static string Control(string project, string plusFriendId = SamplePlusFriendId) =>
        $"_emulator/projects/{project}/kakaotalk/senders/{Uri.EscapeDataString(plusFriendId)}";

    /// <summary>The guide's create body.</summary>
    public static string SampleCreateBody(string plusFriendId = SamplePlusFriendId, string status = "SUBMIT") => $$"""
        {
          "plusFriendId": "{{plusFriendId}}",
          "status": "{{status}}",
          "details": {
            "adminPhoneNo": "+48777777777",
            "name": "Sinch Demo Shop",
            "topLevelCategoryCode": "019",
            "midLevelCategoryCode": "0006",
            "subLevelCategoryCode": "0001"
          }
        }
        """;

    public static StringContent JsonContent(string json) => new(json, Encoding.UTF8, "application/json");

    public Task<HttpResponseMessage> PostAsync(string path, string json, HttpClient? client = null) =>
        (client ?? Client).PostAsync(path, JsonContent(json));

    public Task<HttpResponseMessage> PatchAsync(string path, string json) =>
        Client.PatchAsync(path, JsonContent(json));

    public async Task<JsonNode> CreateSenderAsync(string project, string plusFriendId = SamplePlusFriendId, string status = "SUBMIT")
    {
        using var response = await PostAsync(Senders(project), SampleCreateBody(plusFriendId, status));
        Assert.That((int)response.StatusCode, Is.EqualTo(201), await response.Content.ReadAsStringAsync());
        return (await ReadJsonAsync(response))!;
    }

    public async Task<JsonNode> GetSenderAsync(string project, string plusFriendId = SamplePlusFriendId)
    {
        using var response = await Client.GetAsync(Sender(project, plusFriendId));
        Assert.That((int)response.StatusCode, Is.EqualTo(200), await response.Content.ReadAsStringAsync());
        return (await ReadJsonAsync(response))!;
    }

    public async Task<int> GetOtpAsync(string project, string plusFriendId = SamplePlusFriendId)
    {
        var otp = await Anonymous.GetFromJsonAsync<JsonObject>(Control(project, plusFriendId) + "/otp");
        return otp!["code"]!.GetValue<int>();
    }

    /// <summary>Create (auto-approved) → register → verify: an ACTIVE sender.</summary>
    public async Task<JsonNode> CreateActiveSenderAsync(string project, string plusFriendId = SamplePlusFriendId)
    {
        await CreateSenderAsync(project, plusFriendId);
        using (var register = await Client.PostAsync(Sender(project, plusFriendId) + "/register", null))
        {
            Assert.That((int)register.StatusCode, Is.EqualTo(200), await register.Content.ReadAsStringAsync());
        }

        int code = await GetOtpAsync(project, plusFriendId);
        using var verify = await PostAsync(Sender(project, plusFriendId) + "/verify", $$"""{"code": {{code}}}""");
        Assert.That((int)verify.StatusCode, Is.EqualTo(200), await verify.Content.ReadAsStringAsync());
        return (await ReadJsonAsync(verify))!;
    }

    public static async Task<JsonNode?> ReadJsonAsync(HttpResponseMessage response)
    {
        string text = await response.Content.ReadAsStringAsync();
        return text.Length == 0 ? null : JsonNode.Parse(text);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        Anonymous.Dispose();
        await Server.DisposeAsync();
    }

    private static HttpClient NewClient(Uri baseAddress) => new() { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(20) };
}
