namespace Kakao.Emulator.Tests.Support;

/// <summary>
/// The set-up the callback fixtures share: for each test a new emulator (configured by the fixture), a
/// <see cref="WebhookReceiver"/> and a new project, with subscriptions signed by the fixture's secret.
/// </summary>
public abstract class WebhookFixture
{
    private readonly Action<EmulatorOptions> _configure;

    private protected WebhookFixture(string secret, Action<EmulatorOptions> configure)
    {
        WebhookSecret = secret;
        _configure = configure;
    }

    private protected EmulatorHarness Emulator { get; private set; } = null!;

    private protected WebhookReceiver Receiver { get; private set; } = null!;

    private protected string Project { get; private set; } = null!;

    private protected string WebhookSecret { get; }

    [SetUp]
    public async Task StartEmulatorAndReceiverAsync()
    {
        Emulator = await EmulatorHarness.StartAsync(_configure);
        Receiver = await WebhookReceiver.StartAsync();
        Project = EmulatorHarness.NewProject();
    }

    [TearDown]
    public async Task StopEmulatorAndReceiverAsync()
    {
        await Emulator.DisposeAsync();
        await Receiver.DisposeAsync();
    }

    /// <summary>Subscribes the receiver to <paramref name="trigger"/> and asserts the API created the webhook.</summary>
    private protected Task SubscribeAsync(string trigger) => WebhookSubscriptions.SubscribeAsync(Emulator, Project, Receiver.Url, WebhookSecret, trigger);
}
