namespace Kakao.Emulator.Tests.Support;

/// <summary>
/// The set-up the template fixtures share: one emulator for the fixture, its template inspection left to the
/// test (manual review), and for each test a new project with an ACTIVE sender, so tests never see each other's templates.
/// </summary>
public abstract class ActiveSenderFixture
{
    private protected EmulatorHarness Emulator { get; private set; } = null!;

    private protected string Project { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartEmulatorAsync() => Emulator = await EmulatorHarness.StartAsync(o => o.TemplateReviewMode = ReviewMode.Manual);

    [OneTimeTearDown]
    public async Task StopEmulatorAsync() => await Emulator.DisposeAsync();

    [SetUp]
    public async Task NewActiveSenderAsync()
    {
        Project = EmulatorHarness.NewProject();
        await Emulator.CreateActiveSenderAsync(Project);
    }
}
