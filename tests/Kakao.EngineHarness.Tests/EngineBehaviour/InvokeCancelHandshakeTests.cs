using Google.Protobuf.WellKnownTypes;
using Kakao.EngineHarness.Hosting;
using Kakao.EngineHarness.Results;
using Kakao.EngineHarness.Tests.Fakes;
using Kakao.EngineHarness.Values;
using Kakao.EngineHarness.Wire;

namespace Kakao.EngineHarness.Tests.EngineBehaviour;

/// <summary>engine-behaviour.md §2 rows Handshake, Invoke and Cancel.</summary>
public class InvokeCancelHandshakeTests : FakeProviderTest
{
    [Test]
    public async Task InvokeAsync_UnknownArguments_DroppedBeforeSending()
    {
        await using var session = await Configured();

        await session.InvokeAsync("fake:index:get", new PropertyMap
        {
            ["known"] = "x",
            ["unknown"] = PropertyValue.Unknown(),
            ["list"] = PropertyValue.Array("a", PropertyValue.Unknown(), "b"),
            ["nested"] = new PropertyMap { ["inner"] = PropertyValue.Unknown(), ["kept"] = true },
        });

        var args = Provider.Requests<InvokeRequest>("Invoke").Single().Args.Fields;
        Assert.Multiple(() =>
        {
            Assert.That(args.Keys, Is.EquivalentTo(new[] { "known", "list", "nested" }));
            Assert.That(args["list"].ListValue.Values.Select(v => v.StringValue), Is.EqualTo(new[] { "a", "b" }));
            Assert.That(args["nested"].StructValue.Fields.Keys, Is.EqualTo(new[] { "kept" }));
        });
    }

    [Test]
    public async Task InvokeInPreviewAsync_SendsPreviewTrue_InvokeAsyncSendsFalse()
    {
        await using var session = await Configured();

        await session.InvokeInPreviewAsync("fake:index:get", new PropertyMap { ["name"] = "x" });
        await session.InvokeAsync("fake:index:get", new PropertyMap { ["name"] = "x" });

        Assert.That(Provider.Requests<InvokeRequest>("Invoke").Select(r => r.Preview), Is.EqualTo(new[] { true, false }));
    }

    [Test]
    public async Task InvokeAsync_ResultWithUnknowns_Rejected()
    {
        await using var session = await Configured();
        Provider.OnInvoke = _ => Task.FromResult(new InvokeResponse { Return = Fields(("status", Value.ForString(WireSentinels.UnknownString))) });

        Assert.ThrowsAsync<EngineRejectionException>(() => session.InvokeInPreviewAsync("fake:index:get", PropertyMap.Empty));
    }

    [Test]
    public async Task AttachAsync_Handshake_SendsEngineFlagsAndNoDirectories()
    {
        await using var session = await Attach();

        var handshake = Provider.Requests<ProviderHandshakeRequest>("Handshake").Single();
        Assert.Multiple(() =>
        {
            Assert.That(handshake.HasRootDirectory, Is.False, "attached: the engine does not know the plugin's folder");
            Assert.That(handshake.HasProgramDirectory, Is.False);
            Assert.That(handshake.ConfigureWithUrn, Is.True);
            Assert.That(handshake.SupportsViews, Is.True);
            Assert.That(handshake.SupportsRefreshBeforeUpdate, Is.True);
            Assert.That(handshake.InvokeWithPreview, Is.True);
        });
    }

    [Test]
    [Platform(Exclude = "Win", Reason = "The stand-in plugin is a POSIX shell script.")]
    public async Task StartAsync_Handshake_SendsThePluginBinaryFolderAsRootAndProgramDirectory()
    {
        using var script = FakePluginScript.AnnouncingPortFromEnvironment();
        await using var session = await StartScript(script);

        var handshake = Provider.Requests<ProviderHandshakeRequest>("Handshake").Single();
        var folder = Path.GetDirectoryName(script.Path);
        Assert.Multiple(() =>
        {
            Assert.That(handshake.RootDirectory, Is.EqualTo(folder));
            Assert.That(handshake.ProgramDirectory, Is.EqualTo(folder));
            Assert.That(folder, Is.Not.EqualTo(Environment.CurrentDirectory));
        });
    }

    [Test]
    public async Task CancelAsync_ThenAnyLifecycleStep_StartsNoNewStep()
    {
        await using var session = await Configured();
        await session.UpAsync(Type, "a", new PropertyMap { ["name"] = "x" });

        await session.CancelAsync();

        Assert.Multiple(() =>
        {
            Assert.ThrowsAsync<OperationCanceledException>(() => session.UpAsync(Type, "b", new PropertyMap { ["name"] = "y" }));
            Assert.ThrowsAsync<OperationCanceledException>(() => session.RefreshAsync(session.Urn(Type, "a")));
            Assert.That(Provider.CallNames.TakeLast(1), Is.EqualTo(new[] { "Cancel" }), "nothing reaches the plugin after Cancel");
        });
    }

    [Test]
    [Platform(Exclude = "Win", Reason = "The stand-in plugin is a POSIX shell script; SIGINT is POSIX too.")]
    public async Task CancelAsync_PluginThatKeepsRunning_IsEndedBySigintAfterTheGracePeriod()
    {
        using var script = FakePluginScript.AnnouncingPortFromEnvironment();
        await using var session = await StartScript(script);
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        await session.CancelAsync(bound.Token);
        await session.Process!.WaitForExitAsync(bound.Token);
        var exit = await session.StopAsync(bound.Token);

        Assert.Multiple(() =>
        {
            Assert.That(exit!.Reason, Is.EqualTo(PluginStopReason.Interrupt));
            Assert.That(exit.ExitCode, Is.EqualTo(7), "the stand-in exits 7 on SIGINT");
            Assert.That(Provider.CallNames.Count(name => name == "Cancel"), Is.EqualTo(1), "Cancel is sent once");
        });
    }

    private Task<ProviderSession> StartScript(FakePluginScript script) => ProviderSession.StartAsync(new ProviderSessionOptions
    {
        PluginPath = script.Path,
        PackageName = "fake",
        Environment = new Dictionary<string, string?> { ["FAKE_PORT"] = Provider.Port.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        CancelGracePeriod = TimeSpan.FromMilliseconds(300),
    });
}
