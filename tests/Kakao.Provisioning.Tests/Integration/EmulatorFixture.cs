using Kakao.Emulator;
using Kakao.Provisioning.Models;
using Kakao.Testing;

namespace Kakao.Provisioning.Tests.Integration;

/// <summary>
/// One emulator per test class, on a loopback port, reviewing manually so tests play the reviewer. Every test
/// works in its own project, so tests never see each other's senders.
/// </summary>
public abstract class EmulatorFixture
{
    protected const string PlusFriendId = "@sinch-demo";

    internal EmulatorServer Server { get; private set; } = null!;

    internal EmulatorControlClient Control { get; private set; } = null!;

    protected string ProjectId { get; private set; } = "";

    protected ProvisioningClient Client { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartEmulatorAsync()
    {
        Server = await EmulatorServer.StartAsync(new EmulatorOptions { ReviewMode = ReviewMode.Manual, TemplateReviewMode = ReviewMode.Manual });
        Control = new EmulatorControlClient(Server.BaseAddress);
    }

    [OneTimeTearDown]
    public async Task StopEmulatorAsync()
    {
        Control.Dispose();
        await Server.DisposeAsync();
    }

    [SetUp]
    public async Task NewProjectAsync()
    {
        await Control.ClearFaultsAsync();
        ProjectId = "it-" + Guid.NewGuid().ToString("N")[..12];
        Client = NewClient();
    }

    [TearDown]
    public void DisposeClient() => Client.Dispose();

    /// <summary>A client of the emulator that never waits for real between retries (zero back-off).</summary>
    protected ProvisioningClient NewClient(Action<ProvisioningClientOptions>? configure = null)
    {
        var options = new ProvisioningClientOptions
        {
            Endpoint = Server.BaseAddress,
            AuthEndpoint = Server.BaseAddress,
            ProjectId = ProjectId,
            KeyId = "emulator-key",
            KeySecret = "emulator-secret",
            RetryBaseDelay = TimeSpan.Zero,
            AttemptTimeout = TimeSpan.FromSeconds(20),
            RequestTimeout = TimeSpan.FromSeconds(30),
        };
        configure?.Invoke(options);
        return new ProvisioningClient(options);
    }

    /// <summary>Creates the guide's sender and takes it to ACTIVE (approve, register, verify with the code).</summary>
    protected async Task ActivateSenderAsync(string plusFriendId = PlusFriendId)
    {
        await Client.CreateSenderAsync(GuideRequest(plusFriendId));
        await Control.ApproveAsync(ProjectId, plusFriendId);
        await Client.RegisterSenderAsync(plusFriendId);
        await Client.VerifySenderAsync(plusFriendId, await Control.OtpAsync(ProjectId, plusFriendId) ?? throw new InvalidOperationException("The emulator sent no code."));
    }

    protected string SendersPath => $"/v1/projects/{ProjectId}/kakaotalk/senders";

    protected string SenderPath(string plusFriendId = PlusFriendId) => $"{SendersPath}/{plusFriendId}";

    /// <summary>The seed guide's create body.</summary>
    protected static CreateSenderRequest GuideRequest(string plusFriendId = PlusFriendId) => new()
    {
        PlusFriendId = plusFriendId,
        Status = SubmitAction.Submit,
        Details = new SenderDetails
        {
            AdminPhoneNo = "+48777777777",
            Name = "Sinch Demo Shop",
            TopLevelCategoryCode = "019",
            MidLevelCategoryCode = "0006",
            SubLevelCategoryCode = "0001",
        },
    };
}
