using System.Text.Json.Nodes;
using Kakao.Emulator;
using Kakao.Provisioning;
using Kakao.Provisioning.Models;
using Kakao.Testing;

namespace Kakao.Cli.Tests.Support;

/// <summary>An in-process emulator on loopback, a real client for it, and the emulator's phone (OTP endpoint).</summary>
internal sealed class EmulatorRig : IAsyncDisposable
{
    public const string Project = "emu-project";

    private EmulatorRig(EmulatorServer server)
    {
        Server = server;
        Client = new ProvisioningClient(Options());
        Control = new EmulatorControlClient(server.BaseAddress);
    }

    public EmulatorServer Server { get; }

    /// <summary>The emulator's control API: the phone (OTP), the reviewer, the request log.</summary>
    public EmulatorControlClient Control { get; }

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
        [ProvisioningEnvironment.ProjectId] = Project,
        [ProvisioningEnvironment.KeyId] = "emulator-key",
        [ProvisioningEnvironment.KeySecret] = "emulator-secret",
        [ProvisioningEnvironment.Endpoint] = Server.BaseAddress.ToString(),
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
    public async Task<string?> PhoneAsync(string plusFriendId = Senders.Id) =>
        await Control.OtpAsync(Project, plusFriendId) is { } code ? code.ToString("D6", System.Globalization.CultureInfo.InvariantCulture) : null;

    /// <summary>How many logged requests have a path containing <paramref name="pathContains"/>.</summary>
    public async Task<int> RequestCountAsync(string pathContains) =>
        (await Control.RequestsAsync()).Count(r => r.DecodedPath.Contains(pathContains, StringComparison.Ordinal));

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        Control.Dispose();
        await Server.DisposeAsync();
    }
}
