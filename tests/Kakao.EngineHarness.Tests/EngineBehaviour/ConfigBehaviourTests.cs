using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Kakao.EngineHarness.Lifecycle;
using Kakao.EngineHarness.Results;
using Kakao.EngineHarness.Values;
using Kakao.EngineHarness.Wire;
using DiffChanges = Kakao.EngineHarness.Wire.DiffResponse.Types.DiffChanges;

namespace Kakao.EngineHarness.Tests.EngineBehaviour;

/// <summary>engine-behaviour.md §2 rows CheckConfig, DiffConfig, Configure and Handshake's capability flags.</summary>
public class ConfigBehaviourTests : FakeProviderTest
{
    private static PropertyMap StackConfig => new()
    {
        ["projectId"] = "p1",
        ["maxRetries"] = 4,
        ["verbose"] = true,
        ["keySecret"] = PropertyValue.Secret("s3cr3t"),
    };

    [Test]
    public async Task CheckConfig_SecretConfig_SentWithoutSecretWrapperAndSecretnessReapplied()
    {
        await using var session = await Attach();

        var result = await session.ConfigureAsync(StackConfig);

        var request = Provider.Requests<CheckRequest>("CheckConfig").Single();
        Assert.Multiple(() =>
        {
            Assert.That(request.News.Fields["keySecret"].StringValue, Is.EqualTo("s3cr3t"), "plain, no KeepSecrets");
            Assert.That(session.Config!["keySecret"].IsSecret, Is.True, "the engine marks the checked value secret again");
            Assert.That(IsSecretWrapper(Provider.Requests<ConfigureRequest>("Configure").Single().Args.Fields["keySecret"]), Is.True, "Configure keeps secrets");
            Assert.That(result.ConfigurationKnown, Is.True);
        });
    }

    [Test]
    public async Task CheckConfig_StackConfigNumbersAndBools_ArriveAsStrings()
    {
        await using var session = await Attach();

        await session.ConfigureAsync(StackConfig);

        var news = Provider.Requests<CheckRequest>("CheckConfig").Single().News.Fields;
        Assert.Multiple(() =>
        {
            Assert.That(news["maxRetries"].KindCase, Is.EqualTo(Value.KindOneofCase.StringValue));
            Assert.That(news["maxRetries"].StringValue, Is.EqualTo("4"));
            Assert.That(news["verbose"].StringValue, Is.EqualTo("true"));
        });
    }

    [Test]
    public async Task DiffConfig_OldConfig_SentPlainWithOldOutputsOldInputsAndNews()
    {
        await using var session = await Attach();

        await session.ConfigureAsync(StackConfig.With("projectId", "p2"), StackConfig);

        var request = Provider.Requests<DiffRequest>("DiffConfig").Single();
        Assert.Multiple(() =>
        {
            Assert.That(Provider.CallsAfterOpening, Is.EqualTo(new[] { "CheckConfig", "DiffConfig", "Configure" }));
            Assert.That(request.Olds.Fields["keySecret"].StringValue, Is.EqualTo("s3cr3t"));
            Assert.That(request.OldInputs.Fields["keySecret"].StringValue, Is.EqualTo("s3cr3t"));
            Assert.That(request.News.Fields["keySecret"].StringValue, Is.EqualTo("s3cr3t"));
            Assert.That(request.Olds.Fields["maxRetries"].StringValue, Is.EqualTo("4"));
            Assert.That(request.News.Fields["projectId"].StringValue, Is.EqualTo("p2"));
        });
    }

    [Test]
    public async Task Configure_Variables_KeyedPackageConfigKeyWithPlainTextAndNoVersion()
    {
        await using var session = await Attach();

        await session.ConfigureAsync(StackConfig.With("version", "1.2.3"));

        var variables = Provider.Requests<ConfigureRequest>("Configure").Single().Variables;
        Assert.Multiple(() =>
        {
            Assert.That(variables.Keys, Is.EquivalentTo(new[] { "fake:config:projectId", "fake:config:maxRetries", "fake:config:verbose", "fake:config:keySecret" }));
            Assert.That(variables["fake:config:keySecret"], Is.EqualTo("s3cr3t"));
            Assert.That(variables["fake:config:maxRetries"], Is.EqualTo("4"));
        });
    }

    [Test]
    public async Task ConfigureAsync_UnknownConfig_NeverCallsConfigureAndEngineAnswersResourceCallsItself()
    {
        await using var session = await Attach();

        var configure = await session.ConfigureAsync(StackConfig.With("projectId", PropertyValue.Unknown()));
        var preview = await session.PreviewAsync(Type, "a", new PropertyMap { ["name"] = "x" });
        var invoke = await session.InvokeInPreviewAsync("fake:index:get", new PropertyMap { ["name"] = "x" });

        Assert.Multiple(() =>
        {
            Assert.That(configure.ConfigurationKnown, Is.False);
            Assert.That(Provider.CallsAfterOpening, Is.EqualTo(new[] { "CheckConfig" }), "no Configure, Check, Create or Invoke reaches the plugin");
            Assert.That(preview.Check.Inputs, Is.EqualTo(new PropertyMap { ["name"] = "x" }), "Check: the news as they are");
            Assert.That(preview.PlannedOutputs, Is.Empty, "Create(preview): an empty map, every output unknown to the program");
            Assert.That(invoke.Return, Is.Empty, "Invoke: an empty result");
        });
    }

    [Test]
    public async Task ConfigureAsync_UnknownConfig_ExistingResourceDiffUnavailableWarnsAndPlansUpdate()
    {
        await using var session = await Configured();
        await session.UpAsync(Type, "a", new PropertyMap { ["name"] = "x" });
        await session.ConfigureAsync(StackConfig.With("projectId", PropertyValue.Unknown()));
        var callsBefore = Provider.CallNames.Count;

        var preview = await session.PreviewAsync(Type, "a", new PropertyMap { ["name"] = "x" });

        Assert.Multiple(() =>
        {
            Assert.That(preview.Operation, Is.EqualTo(ResourceOperation.Update));
            Assert.That(preview.Warnings.Single(), Does.Contain("not known during preview"));
            Assert.That(Provider.CallNames.Skip(callsBefore), Is.Empty, "neither Diff nor Update(preview) is called");
            Assert.ThrowsAsync<EngineHarnessException>(() => session.UpAsync(Type, "a", new PropertyMap { ["name"] = "x" }), "an up never runs on unknown config");
        });
    }

    [Test]
    public async Task Configure_CapabilityFlagsAfterHandshake_AreIgnored()
    {
        Provider.OnHandshake = _ => Task.FromResult(new ProviderHandshakeResponse { AcceptSecrets = true });
        Provider.OnConfigure = _ => Task.FromResult(new ConfigureResponse { AcceptSecrets = false, SupportsPreview = false });
        await using var session = await Configured();

        await session.PreviewAsync(Type, "a", new PropertyMap { ["phone"] = PropertyValue.Secret("+48777777777") });

        Assert.Multiple(() =>
        {
            Assert.That(session.SupportsPreview, Is.True);
            Assert.That(Provider.Requests<CreateRequest>("Create").Single().Preview, Is.True, "preview Create still called");
            Assert.That(IsSecretWrapper(Provider.Requests<CheckRequest>("Check").Single().News.Fields["phone"]), Is.True, "secrets still sent");
        });
    }

    [Test]
    public async Task Configure_LegacyPluginWithoutHandshakeOrPreviewSupport_PlansFromInputsWithoutCreate()
    {
        Provider.OnHandshake = _ => throw new RpcException(new Status(StatusCode.Unimplemented, "no handshake"));
        Provider.OnConfigure = _ => Task.FromResult(new ConfigureResponse { AcceptSecrets = true, SupportsPreview = false });
        await using var session = await Configured();

        var preview = await session.PreviewAsync(Type, "a", new PropertyMap { ["name"] = "x" });

        Assert.Multiple(() =>
        {
            Assert.That(preview.PlannedOutputs, Is.EqualTo(new PropertyMap { ["name"] = "x" }));
            Assert.That(Provider.CallNames, Does.Not.Contain("Create"));
        });
    }

    [Test]
    public async Task DiffConfigReplaces_EveryResourceReplacedWithoutItsOwnDiff()
    {
        await using var session = await Configured();
        await session.UpAsync(Type, "a", new PropertyMap { ["name"] = "1" });
        await session.UpAsync(Type, "b", new PropertyMap { ["name"] = "2" });
        Provider.OnDiffConfig = _ => Task.FromResult(new DiffResponse { Changes = DiffChanges.DiffSome, Replaces = { "projectId" } });
        var ids = 0;
        Provider.OnCreate = request => Task.FromResult(new CreateResponse { Id = $"new-{Interlocked.Increment(ref ids)}", Properties = request.Properties });
        await session.ConfigureAsync(new PropertyMap { ["projectId"] = "p2" }, new PropertyMap { ["projectId"] = "p1" });
        var callsBefore = Provider.CallNames.Count;

        var a = await session.UpAsync(Type, "a", new PropertyMap { ["name"] = "1" });
        var b = await session.UpAsync(Type, "b", new PropertyMap { ["name"] = "2" });
        var again = await session.UpAsync(Type, "a", new PropertyMap { ["name"] = "1" });

        Assert.Multiple(() =>
        {
            Assert.That(a.Operation, Is.EqualTo(ResourceOperation.Replace));
            Assert.That(b.Operation, Is.EqualTo(ResourceOperation.Replace));
            Assert.That(a.Diff!.Replaces, Is.EqualTo(new[] { "provider" }));
            Assert.That(
                Provider.CallNames.Skip(callsBefore).Take(8),
                Is.EqualTo(new[] { "Check", "Check", "Create", "Delete", "Check", "Check", "Create", "Delete" }),
                "create-before-delete, and no Diff of their own");
            Assert.That(again.Operation, Is.EqualTo(ResourceOperation.Same), "once replaced, the resource diffs normally again");
        });
    }

    [Test]
    public async Task DiffConfigReplaces_ObjectRecordedLaterUnderTheSameUrn_IsNotReplaced()
    {
        await using var session = await Configured();
        await session.UpAsync(Type, "a", new PropertyMap { ["name"] = "1" });
        Provider.OnDiffConfig = _ => Task.FromResult(new DiffResponse { Changes = DiffChanges.DiffSome, Replaces = { "projectId" } });
        await session.ConfigureAsync(new PropertyMap { ["projectId"] = "p2" }, new PropertyMap { ["projectId"] = "p1" });
        session.State.Clear();
        Provider.OnCreate = request => Task.FromResult(new CreateResponse { Id = "fresh", Properties = request.Properties });
        await session.UpAsync(Type, "a", new PropertyMap { ["name"] = "1" });

        var up = await session.UpAsync(Type, "a", new PropertyMap { ["name"] = "1" });

        Assert.That(up.Operation, Is.EqualTo(ResourceOperation.Same), "created by the new provider: diffed as usual");
    }

    [Test]
    public async Task DiffConfigReplaces_DeleteBeforeReplaceOption_DeletesFirst()
    {
        await using var session = await Configured();
        var options = new ResourceOptions { DeleteBeforeReplace = true };
        await session.UpAsync(Type, "a", new PropertyMap { ["name"] = "1" }, options);
        Provider.OnDiffConfig = _ => Task.FromResult(new DiffResponse { Changes = DiffChanges.DiffSome, Replaces = { "projectId" } });
        await session.ConfigureAsync(new PropertyMap { ["projectId"] = "p2" }, new PropertyMap { ["projectId"] = "p1" });

        await session.UpAsync(Type, "a", new PropertyMap { ["name"] = "1" }, options);

        Assert.That(Provider.CallNames.TakeLast(2), Is.EqualTo(new[] { "Delete", "Create" }));
    }

    [Test]
    public async Task DiffConfigWithoutReplaces_ResourcesDiffedAsUsual()
    {
        await using var session = await Configured();
        await session.UpAsync(Type, "a", new PropertyMap { ["name"] = "1" });
        Provider.OnDiffConfig = _ => Task.FromResult(new DiffResponse { Changes = DiffChanges.DiffSome, Diffs = { "projectId" } });
        await session.ConfigureAsync(new PropertyMap { ["projectId"] = "p2" }, new PropertyMap { ["projectId"] = "p1" });

        var up = await session.UpAsync(Type, "a", new PropertyMap { ["name"] = "1" });

        Assert.Multiple(() =>
        {
            Assert.That(up.Operation, Is.EqualTo(ResourceOperation.Same));
            Assert.That(Provider.CallNames.TakeLast(2), Is.EqualTo(new[] { "Check", "Diff" }));
        });
    }
}
