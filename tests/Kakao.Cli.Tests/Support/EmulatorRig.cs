using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kakao.Emulator;
using Kakao.Provisioning;
using Kakao.Provisioning.Models;

namespace Kakao.Cli.Tests.Support;

/// <summary>An in-process emulator on loopback, a real client for it, and the emulator's phone (OTP endpoint).</summary>
internal sealed class EmulatorRig : IAsyncDisposable
{
    public const string Project = "emu-project";

    private readonly HttpClient _control = new();

    private EmulatorRig(EmulatorServer server)
    {
        Server = server;
        Client = new ProvisioningClient(Options());
    }

    public EmulatorServer Server { get; }

    public ProvisioningClient Client { get; }

    public static async Task<EmulatorRig> StartAsync(ReviewMode review = ReviewMode.Approve, string? comment = null) =>
        new(await EmulatorServer.StartAsync(new EmulatorOptions { ReviewMode = review, ReviewComment = comment }));

    public ProvisioningClientOptions Options() => new()
    {
        Endpoint = Server.BaseAddress,
        ProjectId = Project,
        KeyId = "emulator-key",
        KeySecret = "emulator-secret",
        MaxRetries = 0,
    };

    /// <summary>Environment for direct commands (<c>kakao senders ...</c>, <c>kakao status --project</c>).</summary>
    public Dictionary<string, string?> Environment() => new()
    {
        ["SINCH_PROJECT_ID"] = Project,
        ["SINCH_KEY_ID"] = "emulator-key",
        ["SINCH_KEY_SECRET"] = "emulator-secret",
        ["KAKAO_ENDPOINT"] = Server.BaseAddress.ToString(),
    };

    /// <summary>A stack export whose provider points at this emulator.</summary>
    public PulumiDeployment Deployment(params string[] senderIds)
    {
        var json = JsonNode.Parse(Deployments.ExportJson(Deployments.Secret("emulator-secret"), senderIds))!;
        var provider = json["deployment"]!["resources"]!.AsArray().First(r => r!["type"]!.GetValue<string>() == "pulumi:providers:kakao")!;
        provider["inputs"]!["endpoint"] = Server.BaseAddress.ToString();
        provider["inputs"]!["projectId"] = Project;
        provider["inputs"]!["keyId"] = "emulator-key";
        return PulumiDeployment.Parse(json.ToJsonString());
    }

    public Task<KakaoSender> CreateSenderAsync(string plusFriendId = Senders.Id) =>
        Client.CreateSenderAsync(new CreateSenderRequest
        {
            PlusFriendId = plusFriendId,
            Details = new SenderDetails
            {
                AdminPhoneNo = "+48777777777",
                Name = "Sinch Demo Shop",
                TopLevelCategoryCode = "019",
                MidLevelCategoryCode = "0006",
                SubLevelCategoryCode = "0001",
            },
        });

    /// <summary>Reads the code the emulator "sent" to the admin phone; null when there is none.</summary>
    public async Task<string?> PhoneAsync(string plusFriendId = Senders.Id)
    {
        using var response = await _control.GetAsync(new Uri(Server.BaseAddress, $"/_emulator/projects/{Project}/kakaotalk/senders/{Uri.EscapeDataString(plusFriendId)}/otp"));
        if (!response.IsSuccessStatusCode)
        {
            return null;
        }

        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("code").GetInt32().ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<int> RequestCountAsync(string pathContains)
    {
        var log = await _control.GetFromJsonAsync<JsonElement>(new Uri(Server.BaseAddress, "/_emulator/requests"));
        var entries = log.ValueKind == JsonValueKind.Array ? log : log.EnumerateObject().First(p => p.Value.ValueKind == JsonValueKind.Array).Value;
        return entries.EnumerateArray().Count(e => e.ToString().Contains(pathContains, StringComparison.Ordinal));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        _control.Dispose();
        await Server.DisposeAsync();
    }
}
