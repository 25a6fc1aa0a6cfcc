using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Kakao.EngineHarness.Lifecycle;
using Kakao.EngineHarness.Results;
using Kakao.EngineHarness.Tests.Fakes;
using Kakao.EngineHarness.Values;
using Kakao.EngineHarness.Wire;
using DiffChanges = Kakao.EngineHarness.Wire.DiffResponse.Types.DiffChanges;
using WireCheckFailure = Kakao.EngineHarness.Wire.CheckFailure;
using WireLogSeverity = Kakao.EngineHarness.Wire.LogSeverity;

namespace Kakao.EngineHarness.Tests;

public class ProviderSessionTests
{
    private const string Type = "fake:index:Thing";

    private FakeResourceProvider _provider = null!;

    [SetUp]
    public async Task StartProvider() => _provider = await FakeResourceProvider.StartAsync();

    [TearDown]
    public async Task StopProvider() => await _provider.DisposeAsync();

    [Test]
    public async Task AttachAsync_ThenConfigure_CallsInEngineOrderWithEngineAddress()
    {
        await using var session = await Attach();

        await session.ConfigureAsync(new PropertyMap { ["projectId"] = "p1" });

        Assert.Multiple(() =>
        {
            Assert.That(_provider.CallNames, Is.EqualTo(new[] { "Handshake", "GetPluginInfo", "CheckConfig", "Configure" }));
            Assert.That(_provider.Requests<ProviderHandshakeRequest>("Handshake")[0].EngineAddress, Is.EqualTo(session.Engine.Address));
            Assert.That(session.PluginVersion, Is.EqualTo("1.2.3"));
        });
    }

    [Test]
    public async Task AttachAsync_HandshakeUnimplemented_FallsBackToLegacyOpening()
    {
        _provider.OnHandshake = _ => throw new RpcException(new Status(StatusCode.Unimplemented, "no handshake"));

        await using var session = await Attach();

        Assert.Multiple(() =>
        {
            Assert.That(session.Handshake, Is.Null);
            Assert.That(session.PluginVersion, Is.EqualTo("1.2.3"));
        });
    }

    [Test]
    public async Task AttachAsync_HandshakeUnavailableOnce_Retries()
    {
        var calls = 0;
        _provider.OnHandshake = _ => Interlocked.Increment(ref calls) == 1
            ? throw new RpcException(new Status(StatusCode.Unavailable, "starting"))
            : Task.FromResult(new ProviderHandshakeResponse { AcceptSecrets = true });

        await using var session = await Attach();

        Assert.Multiple(() =>
        {
            Assert.That(calls, Is.EqualTo(2));
            Assert.That(session.Handshake!.AcceptSecrets, Is.True);
        });
    }

    [Test]
    public async Task ConfigureAsync_OldConfig_CallsDiffConfigBeforeConfigure()
    {
        await using var session = await Attach();

        await session.ConfigureAsync(new PropertyMap { ["projectId"] = "p2" }, new PropertyMap { ["projectId"] = "p1" });

        Assert.That(_provider.CallNames.Skip(2), Is.EqualTo(new[] { "CheckConfig", "DiffConfig", "Configure" }));
    }

    [Test]
    public async Task ConfigureAsync_Config_SendsArgsAndPrefixedVariables()
    {
        await using var session = await Attach();

        await session.ConfigureAsync(new PropertyMap
        {
            ["projectId"] = "p1",
            ["maxRetries"] = 3,
            ["keySecret"] = PropertyValue.Secret("s3cr3t"),
        });

        var request = _provider.Requests<ConfigureRequest>("Configure")[0];
        Assert.Multiple(() =>
        {
            Assert.That(request.Variables["fake:config:projectId"], Is.EqualTo("p1"));
            Assert.That(request.Variables["fake:config:maxRetries"], Is.EqualTo("3"));
            Assert.That(request.Variables["fake:config:keySecret"], Is.EqualTo("s3cr3t"));
            Assert.That(request.Args.Fields["keySecret"].StructValue.Fields[WireSentinels.SignatureKey].StringValue, Is.EqualTo(WireSentinels.SecretSignature));
            Assert.That(request.AcceptSecrets, Is.True);
            Assert.That(request.Urn, Is.EqualTo("urn:pulumi:test::harness::pulumi:providers:fake::default"));
        });
    }

    [TestCase(ConfigEncoding.VariablesOnly, false, true)]
    [TestCase(ConfigEncoding.ArgsOnly, true, false)]
    public async Task ConfigureAsync_Encoding_SendsOnlyTheChosenFields(ConfigEncoding encoding, bool args, bool variables)
    {
        await using var session = await ProviderSession.AttachAsync(
            _provider.Channel.CreateCallInvoker(),
            new ProviderSessionOptions { PluginPath = "in-process", PackageName = "fake", ConfigEncoding = encoding });

        await session.ConfigureAsync(new PropertyMap { ["projectId"] = "p1" });

        var request = _provider.Requests<ConfigureRequest>("Configure")[0];
        Assert.Multiple(() =>
        {
            Assert.That(request.Args is not null, Is.EqualTo(args));
            Assert.That(request.Variables.ContainsKey("fake:config:projectId"), Is.EqualTo(variables));
        });
    }

    [Test]
    public async Task ConfigureAsync_CheckConfigFailures_ThrowsWithoutConfigure()
    {
        _provider.OnCheckConfig = _ => Task.FromResult(new CheckResponse
        {
            Failures = { new WireCheckFailure { Property = "endpoint", Reason = "must be https" } },
        });
        await using var session = await Attach();

        var error = Assert.ThrowsAsync<CheckFailedException>(() => session.ConfigureAsync(new PropertyMap { ["endpoint"] = "http://x" }));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Failures, Is.EqualTo(new[] { new Results.CheckFailure("endpoint", "must be https") }));
            Assert.That(_provider.CallNames, Does.Not.Contain("Configure"));
        });
    }

    [Test]
    public async Task ConfigureAsync_MissingKeysDetail_IsDecoded()
    {
        _provider.OnConfigure = _ => throw RichError(
            StatusCode.InvalidArgument,
            "missing config",
            "pulumirpc.ConfigureErrorMissingKeys",
            new ConfigureErrorMissingKeys { MissingKeys = { new ConfigureErrorMissingKeys.Types.MissingKey { Name = "fake:projectId", Description = "The project" } } });
        await using var session = await Attach();

        var error = Assert.ThrowsAsync<ProviderRpcException>(() => session.ConfigureAsync(PropertyMap.Empty));

        Assert.Multiple(() =>
        {
            Assert.That(error!.StatusCode, Is.EqualTo(StatusCode.InvalidArgument));
            Assert.That(error.MissingKeys, Is.EqualTo(new[] { new MissingConfigKey("fake:projectId", "The project") }));
            Assert.That(error.Method, Is.EqualTo("Configure"));
        });
    }

    [Test]
    public async Task PreviewAsync_NewResource_ChecksThenCreatesInPreviewAndRecordsNothing()
    {
        await using var session = await Configured();

        var preview = await session.PreviewAsync(Type, "a", new PropertyMap { ["name"] = "x", ["id"] = PropertyValue.Unknown() });

        var create = _provider.Requests<CreateRequest>("Create").Single();
        Assert.Multiple(() =>
        {
            Assert.That(preview.Operation, Is.EqualTo(ResourceOperation.Create));
            Assert.That(create.Preview, Is.True);
            Assert.That(create.Properties.Fields["id"].StringValue, Is.EqualTo(WireSentinels.UnknownString));
            Assert.That(_provider.Requests<CheckRequest>("Check").Single().Olds.Fields, Is.Empty);
            Assert.That(session.State.Resources, Is.Empty);
        });
    }

    [Test]
    public async Task PreviewAsync_ExistingResourceWithChanges_CallsUpdateInPreviewAndKeepsState()
    {
        await using var session = await Configured();
        var created = await session.UpAsync(Type, "a", new PropertyMap { ["name"] = "1" });
        _provider.OnDiff = _ => Task.FromResult(new DiffResponse { Changes = DiffChanges.DiffSome });

        var preview = await session.PreviewAsync(Type, "a", new PropertyMap { ["name"] = "2" });

        Assert.Multiple(() =>
        {
            Assert.That(preview.Operation, Is.EqualTo(ResourceOperation.Update));
            Assert.That(_provider.Requests<UpdateRequest>("Update").Single().Preview, Is.True);
            Assert.That(session.State.Get(session.Urn(Type, "a")), Is.EqualTo(created.State));
        });
    }

    [Test]
    public async Task UpAsync_NewResource_CreatesAndRecordsIdInputsOutputs()
    {
        await using var session = await Configured();

        var up = await session.UpAsync(Type, "a", new PropertyMap { ["name"] = "x" });

        Assert.Multiple(() =>
        {
            Assert.That(up.Operation, Is.EqualTo(ResourceOperation.Create));
            Assert.That(session.State.Get(session.Urn(Type, "a")).Id, Is.EqualTo("id-1"));
            Assert.That(_provider.Requests<CreateRequest>("Create").Single().Preview, Is.False);
        });
    }

    [Test]
    public async Task UpAsync_DiffWithReplaces_CreatesNewThenDeletesOld()
    {
        await using var session = await Configured();
        await session.UpAsync(Type, "a", new PropertyMap { ["key"] = "1" });
        _provider.OnDiff = _ => Task.FromResult(new DiffResponse { Changes = DiffChanges.DiffSome, Replaces = { "key" } });
        _provider.OnCreate = request => Task.FromResult(new CreateResponse { Id = "id-2", Properties = request.Properties });

        var up = await session.UpAsync(Type, "a", new PropertyMap { ["key"] = "2" });

        Assert.Multiple(() =>
        {
            Assert.That(up.Operation, Is.EqualTo(ResourceOperation.Replace));
            Assert.That(_provider.CallNames.TakeLast(5), Is.EqualTo(new[] { "Check", "Diff", "Check", "Create", "Delete" }));
            Assert.That(_provider.Requests<DeleteRequest>("Delete").Single().Id, Is.EqualTo("id-1"));
            Assert.That(up.State.Id, Is.EqualTo("id-2"));
        });
    }

    [Test]
    public async Task UpAsync_DeleteBeforeReplace_DeletesFirst()
    {
        await using var session = await Configured();
        await session.UpAsync(Type, "a", new PropertyMap { ["key"] = "1" });
        _provider.OnDiff = _ => Task.FromResult(new DiffResponse { Changes = DiffChanges.DiffSome, Replaces = { "key" }, DeleteBeforeReplace = true });

        await session.UpAsync(Type, "a", new PropertyMap { ["key"] = "2" });

        Assert.That(_provider.CallNames.TakeLast(4), Is.EqualTo(new[] { "Diff", "Check", "Delete", "Create" }));
    }

    [Test]
    public async Task UpAsync_DiffSomeWithoutReplaces_UpdatesWithOldOutputsAndInputs()
    {
        await using var session = await Configured();
        await session.UpAsync(Type, "a", new PropertyMap { ["name"] = "1" });
        _provider.OnDiff = _ => Task.FromResult(new DiffResponse { Changes = DiffChanges.DiffSome });

        var up = await session.UpAsync(Type, "a", new PropertyMap { ["name"] = "2" });

        var update = _provider.Requests<UpdateRequest>("Update").Single();
        Assert.Multiple(() =>
        {
            Assert.That(up.Operation, Is.EqualTo(ResourceOperation.Update));
            Assert.That(update.OldInputs.Fields["name"].StringValue, Is.EqualTo("1"));
            Assert.That(update.News.Fields["name"].StringValue, Is.EqualTo("2"));
            Assert.That(up.State.Outputs["name"], Is.EqualTo(PropertyValue.String("2")));
        });
    }

    [Test]
    public async Task UpAsync_DiffUnknownAndSameInputs_DoesNothing()
    {
        await using var session = await Configured();
        await session.UpAsync(Type, "a", new PropertyMap { ["name"] = "1" });
        _provider.OnDiff = _ => Task.FromResult(new DiffResponse { Changes = DiffChanges.DiffUnknown });

        var up = await session.UpAsync(Type, "a", new PropertyMap { ["name"] = "1" });

        Assert.That(up.Operation, Is.EqualTo(ResourceOperation.Same));
    }

    [Test]
    public async Task UpAsync_InitFailedDetail_RecordsObjectAndRethrows()
    {
        await using var session = await Configured();
        _provider.OnCreate = _ => throw RichError(
            StatusCode.Unavailable,
            "read-back failed",
            "pulumirpc.ErrorResourceInitFailed",
            new ErrorResourceInitFailed { Id = "id-9", Reasons = { "read-back failed" }, Properties = new Struct { Fields = { ["name"] = Value.ForString("x") } } });

        var error = Assert.ThrowsAsync<ProviderRpcException>(() => session.UpAsync(Type, "a", new PropertyMap { ["name"] = "x" }));

        Assert.Multiple(() =>
        {
            Assert.That(error!.InitFailure!.Id, Is.EqualTo("id-9"));
            Assert.That(error.InitFailure.Reasons, Is.EqualTo(new[] { "read-back failed" }));
            Assert.That(error.DetailTypeUrls, Is.EqualTo(new[] { "type.googleapis.com/pulumirpc.ErrorResourceInitFailed" }));
            Assert.That(session.State.Get(session.Urn(Type, "a")).Id, Is.EqualTo("id-9"));
        });
    }

    [Test]
    public async Task RefreshAsync_ReadReturnsEmptyId_DropsResource()
    {
        await using var session = await Configured();
        await session.UpAsync(Type, "a", new PropertyMap { ["name"] = "x" });
        _provider.OnRead = _ => Task.FromResult(new ReadResponse());

        var refresh = await session.RefreshAsync(session.Urn(Type, "a"));

        Assert.Multiple(() =>
        {
            Assert.That(refresh.Dropped, Is.True);
            Assert.That(session.State.Resources, Is.Empty);
        });
    }

    [Test]
    public async Task RefreshAsync_OutputChanged_ReportsDriftAndSendsOldState()
    {
        await using var session = await Configured();
        await session.UpAsync(Type, "a", new PropertyMap { ["name"] = "x" });
        _provider.OnRead = request => Task.FromResult(new ReadResponse
        {
            Id = request.Id,
            Properties = new Struct { Fields = { ["name"] = Value.ForString("x"), ["status"] = Value.ForString("ACTIVE") } },
            Inputs = request.Inputs,
        });

        var refresh = await session.RefreshAsync(session.Urn(Type, "a"));

        var read = _provider.Requests<ReadRequest>("Read").Single();
        Assert.Multiple(() =>
        {
            Assert.That(refresh.ChangedOutputs, Is.EqualTo(new[] { "status" }));
            Assert.That(refresh.ChangedInputs, Is.Empty);
            Assert.That(read.Id, Is.EqualTo("id-1"));
            Assert.That(read.Inputs.Fields["name"].StringValue, Is.EqualTo("x"));
        });
    }

    [Test]
    public async Task DestroyAsync_Recorded_DeletesWithOutputsAndOldInputs()
    {
        await using var session = await Configured();
        await session.UpAsync(Type, "a", new PropertyMap { ["name"] = "x" });

        await session.DestroyAsync(session.Urn(Type, "a"));

        var delete = _provider.Requests<DeleteRequest>("Delete").Single();
        Assert.Multiple(() =>
        {
            Assert.That(delete.Id, Is.EqualTo("id-1"));
            Assert.That(delete.OldInputs.Fields["name"].StringValue, Is.EqualTo("x"));
            Assert.That(session.State.Resources, Is.Empty);
        });
    }

    [Test]
    public async Task UpAsync_PluginRejectsSecrets_SendsPlainValues()
    {
        _provider.OnHandshake = _ => Task.FromResult(new ProviderHandshakeResponse());
        _provider.OnConfigure = _ => Task.FromResult(new ConfigureResponse { AcceptSecrets = false });
        await using var session = await Configured();

        await session.UpAsync(Type, "a", new PropertyMap { ["phone"] = PropertyValue.Secret("+48777777777") });

        Assert.That(_provider.Requests<CheckRequest>("Check").Single().News.Fields["phone"].StringValue, Is.EqualTo("+48777777777"));
    }

    [Test]
    public async Task Log_SentByProviderToHandshakeAddress_ReachesEngine()
    {
        await using var session = await Configured();
        var address = _provider.Requests<ProviderHandshakeRequest>("Handshake")[0].EngineAddress;

        await FakeResourceProvider.LogToEngineAsync(address, new LogRequest { Message = "hello", Severity = WireLogSeverity.Info });

        Assert.That(session.Engine.Logs.Select(log => log.Message), Is.EqualTo(new[] { "hello" }));
    }

    [Test]
    public async Task StartAsync_PluginExecutable_HandshakesThroughProcess()
    {
        using var script = FakePluginScript.AnnouncingPortFromEnvironment();
        await using var session = await ProviderSession.StartAsync(new ProviderSessionOptions
        {
            PluginPath = script.Path,
            PackageName = "fake",
            Environment = new Dictionary<string, string?> { ["FAKE_PORT"] = _provider.Port.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            CancelGracePeriod = TimeSpan.FromMilliseconds(300),
        });

        var exit = await session.StopAsync();

        Assert.Multiple(() =>
        {
            Assert.That(exit!.StandardError, Does.Contain("args: " + session.Engine.Address));
            Assert.That(_provider.CallNames, Is.EqualTo(new[] { "Handshake", "GetPluginInfo", "Cancel" }));
        });
    }

    private Task<ProviderSession> Attach() =>
        ProviderSession.AttachAsync(_provider.Channel.CreateCallInvoker(), new ProviderSessionOptions { PluginPath = "in-process", PackageName = "fake" });

    private async Task<ProviderSession> Configured()
    {
        var session = await Attach();
        await session.ConfigureAsync(new PropertyMap { ["projectId"] = "p1" });
        return session;
    }

    private static RpcException RichError(StatusCode code, string message, string typeName, IMessage detail)
    {
        var status = new Google.Rpc.Status
        {
            Code = (int)code,
            Message = message,
            Details = { new Any { TypeUrl = "type.googleapis.com/" + typeName, Value = detail.ToByteString() } },
        };
        return status.ToRpcException();
    }
}
