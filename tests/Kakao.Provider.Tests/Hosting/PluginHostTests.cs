using System.Text.Json.Nodes;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Grpc.Net.Client;
using Kakao.Provider.Dispatch;
using Kakao.Provider.Grpc;
using Kakao.Provider.Hosting;
using Kakao.Provider.Models;
using Kakao.Provider.Protocol;
using Kakao.Provider.Resources.Sender;
using Kakao.Provider.Tests.TestSupport;
using Kakao.Provisioning;
using Kakao.Provisioning.Models;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using Moq;
using Moq.Protected;

namespace Kakao.Provider.Tests.Hosting;

/// <summary>The plugin hosted in-process on a free port and driven over h2c gRPC like the engine does.</summary>
public class PluginHostTests
{
    private WebApplication _app = null!;
    private GrpcChannel _channel = null!;
    private ProviderRpc _rpc = null!;
    private Mock<ProvisioningClient> _client = null!;

    [SetUp]
    public async Task SetUp()
    {
        _client = new Mock<ProvisioningClient>(MockBehavior.Strict);
        _client.SetupGet(c => c.ProjectId).Returns(Samples.ProjectId);
        _client.Protected().Setup("Dispose", ItExpr.IsAny<bool>());
        _app = PluginHost.Build(new PluginHost.Options { ClientFactory = _ => _client.Object, Environment = _ => null });
        await _app.StartAsync();
        _channel = GrpcChannel.ForAddress($"http://127.0.0.1:{PluginHost.BoundPort(_app)}");
        _rpc = new ProviderRpc(_channel.CreateCallInvoker());
    }

    [TearDown]
    public async Task TearDown()
    {
        _channel.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static Struct Config() => PropertyValueConverter.ToStruct(new PropertyMapBuilder()
        .Set("projectId", PropertyValue.Create(Samples.ProjectId))
        .Set("keyId", PropertyValue.Create("key"))
        .Set("keySecret", PropertyValue.Secret(PropertyValue.Create("secret")))
        .Build());

    private Task<ConfigureResponse> ConfigureAsync() =>
        _rpc.CallAsync<ConfigureRequest, ConfigureResponse>("Configure", new ConfigureRequest { Args = Config(), AcceptSecrets = true });

    [Test]
    public async Task Handshake_AcceptsSecretsResourcesAndOutputs()
    {
        var response = await _rpc.CallAsync<ProviderHandshakeRequest, ProviderHandshakeResponse>("Handshake", new ProviderHandshakeRequest { EngineAddress = "127.0.0.1:1" });

        Assert.Multiple(() =>
        {
            Assert.That(response.AcceptSecrets, Is.True);
            Assert.That(response.AcceptResources, Is.True);
            Assert.That(response.AcceptOutputs, Is.True);
        });
    }

    [Test]
    public async Task GetPluginInfoAndGetSchema_AnswerVersionAndSchema()
    {
        var info = await _rpc.CallAsync<Empty, PluginInfo>("GetPluginInfo", new Empty());
        var schema = await _rpc.CallAsync<GetSchemaRequest, GetSchemaResponse>("GetSchema", new GetSchemaRequest());

        Assert.Multiple(() =>
        {
            Assert.That(info.Version, Is.EqualTo("0.1.0"));
            Assert.That(schema.Schema, Is.EqualTo(KakaoProvider.GetSchema()));
            Assert.That(JsonNode.Parse(schema.Schema)!["version"]!.GetValue<string>(), Is.EqualTo(info.Version), "the engine demands exactly the schema's version");
        });
    }

    [Test]
    public async Task Configure_Complete_AnswersCapabilities()
    {
        var response = await ConfigureAsync();

        Assert.Multiple(() =>
        {
            Assert.That(response.AcceptSecrets, Is.True);
            Assert.That(response.SupportsPreview, Is.True);
            Assert.That(response.AcceptResources, Is.True);
            Assert.That(response.AcceptOutputs, Is.True);
        });
    }

    [Test]
    public void Configure_MissingKeys_FailsWithMissingKeysDetail()
    {
        var error = Assert.ThrowsAsync<RpcException>(() =>
            _rpc.CallAsync<ConfigureRequest, ConfigureResponse>("Configure", new ConfigureRequest { Args = new Struct() }));

        var detail = error!.GetRpcStatus()!.GetDetail<ConfigureErrorMissingKeys>();
        Assert.Multiple(() =>
        {
            Assert.That(error.StatusCode, Is.EqualTo(StatusCode.InvalidArgument));
            Assert.That(detail.MissingKeys.Select(k => k.Name), Is.EqualTo(new[] { "kakao:projectId", "kakao:keyId", "kakao:keySecret" }));
        });
    }

    [Test]
    public async Task Check_SampleInputs_ReturnsSecretPhoneOnTheWire()
    {
        var response = await _rpc.CallAsync<CheckRequest, CheckResponse>("Check", new CheckRequest
        {
            Urn = Samples.Urn,
            Olds = new Struct(),
            News = PropertyValueConverter.ToStruct(Samples.RawInputs()),
        });

        var phone = response.Inputs.Fields[SenderProperties.AdminPhoneNo].StructValue;
        Assert.Multiple(() =>
        {
            Assert.That(response.Failures, Is.Empty);
            Assert.That(phone.Fields[WireSignatures.SignatureKey].StringValue, Is.EqualTo(WireSignatures.Secret));
        });
    }

    [Test]
    public async Task Check_BadCategory_ReturnsFailureNotError()
    {
        var response = await _rpc.CallAsync<CheckRequest, CheckResponse>("Check", new CheckRequest
        {
            Type = SenderProperties.Token,
            News = PropertyValueConverter.ToStruct(Samples.RawInputs().With(SenderProperties.TopLevelCategoryCode, Samples.S("19"))),
        });

        Assert.That(response.Failures.Single().Property, Is.EqualTo(SenderProperties.TopLevelCategoryCode));
    }

    [Test]
    public async Task Check_MessageAboveGrpcDefaultLimit_IsAccepted()
    {
        var huge = new string('a', 8 * 1024 * 1024);

        var response = await _rpc.CallAsync<CheckRequest, CheckResponse>("Check", new CheckRequest
        {
            Type = SenderProperties.Token,
            News = PropertyValueConverter.ToStruct(Samples.RawInputs().With(SenderProperties.Name, Samples.S(huge))),
        });

        Assert.That(response.Failures.Single().Property, Is.EqualTo(SenderProperties.Name));
    }

    [Test]
    public async Task Create_Preview_ReturnsEmptyIdAndUnknownSentinels()
    {
        await ConfigureAsync();

        var response = await _rpc.CallAsync<CreateRequest, CreateResponse>("Create", new CreateRequest
        {
            Urn = Samples.Urn,
            Properties = PropertyValueConverter.ToStruct(Samples.CheckedInputs()),
            Preview = true,
        });

        Assert.Multiple(() =>
        {
            Assert.That(response.Id, Is.Empty);
            Assert.That(response.Properties.Fields[SenderProperties.Status].StringValue, Is.EqualTo(WireSignatures.UnknownString));
        });
        _client.Verify(c => c.CreateSenderAsync(It.IsAny<CreateSenderRequest>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task Diff_UnknownName_IsSomeWithDetailedDiff()
    {
        var response = await _rpc.CallAsync<DiffRequest, DiffResponse>("Diff", new DiffRequest
        {
            Urn = Samples.Urn,
            Id = Samples.PlusFriendId,
            Olds = PropertyValueConverter.ToStruct(Samples.CheckedInputs()),
            OldInputs = PropertyValueConverter.ToStruct(Samples.CheckedInputs()),
            News = PropertyValueConverter.ToStruct(Samples.CheckedInputs().With(SenderProperties.Name, PropertyValue.Computed())),
        });

        Assert.Multiple(() =>
        {
            Assert.That(response.Changes, Is.EqualTo(DiffResponse.Types.DiffChanges.DiffSome));
            Assert.That(response.HasDetailedDiff, Is.True);
            Assert.That(response.DetailedDiff[SenderProperties.Name].Kind, Is.EqualTo(Kakao.Provider.Protocol.PropertyDiff.Types.Kind.Update));
            Assert.That(response.DetailedDiff[SenderProperties.Name].InputDiff, Is.True);
        });
    }

    [Test]
    public async Task Create_BeforeConfigure_IsFailedPrecondition()
    {
        var error = Assert.ThrowsAsync<RpcException>(() => _rpc.CallAsync<CreateRequest, CreateResponse>("Create", new CreateRequest
        {
            Urn = Samples.Urn,
            Properties = PropertyValueConverter.ToStruct(Samples.CheckedInputs()),
        }));

        Assert.That(error!.StatusCode, Is.EqualTo(StatusCode.FailedPrecondition));
        await Task.CompletedTask;
    }

    [Test]
    public async Task Cancel_DuringSlowCreate_EndsTheCallAsCancelledAndStopsTheHost()
    {
        await ConfigureAsync();
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _client.Setup(c => c.CreateSenderAsync(It.IsAny<CreateSenderRequest>(), It.IsAny<CancellationToken>()))
            .Returns<CreateSenderRequest, CancellationToken>(async (_, token) =>
            {
                entered.SetResult();
                await Task.Delay(Timeout.Infinite, token);
                throw new AssertionException("unreachable");
            });
        // The interrupted create reads back on a fresh token: the POST never got anywhere, so nothing exists.
        _client.Setup(c => c.DescribeSenderAsync(Samples.PlusFriendId, It.IsAny<CancellationToken>())).ReturnsAsync((SenderSnapshot?)null);

        var create = _rpc.CallAsync<CreateRequest, CreateResponse>("Create", new CreateRequest
        {
            Urn = Samples.Urn,
            Properties = PropertyValueConverter.ToStruct(Samples.CheckedInputs()),
        });
        await entered.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await _rpc.CallAsync<Empty, Empty>("Cancel", new Empty());

        var error = Assert.ThrowsAsync<RpcException>(() => create.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.That(error!.StatusCode, Is.EqualTo(StatusCode.Cancelled));
        Assert.DoesNotThrowAsync(() => _app.WaitForShutdownAsync().WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [TestCase("Handshake")]
    [TestCase("Attach")]
    public async Task Create_AfterEngineAddressGiven_ShowsProgressThroughEngineLog(string how)
    {
        await using var engine = await FakeEngine.StartAsync();
        if (how == "Handshake")
        {
            await _rpc.CallAsync<ProviderHandshakeRequest, ProviderHandshakeResponse>("Handshake", new ProviderHandshakeRequest { EngineAddress = engine.Address });
        }
        else
        {
            await _rpc.CallAsync<PluginAttach, Empty>("Attach", new PluginAttach { Address = engine.Address });
        }

        await ConfigureAsync();
        _client.Setup(c => c.CreateSenderAsync(It.IsAny<CreateSenderRequest>(), It.IsAny<CancellationToken>())).ReturnsAsync(Samples.InReview());
        _client.Setup(c => c.DescribeSenderAsync(Samples.PlusFriendId, It.IsAny<CancellationToken>())).ReturnsAsync(new SenderSnapshot(Samples.InReview(), []));

        var response = await _rpc.CallAsync<CreateRequest, CreateResponse>("Create", new CreateRequest
        {
            Urn = Samples.Urn,
            Properties = PropertyValueConverter.ToStruct(Samples.CheckedInputs()),
        });

        Assert.Multiple(() =>
        {
            Assert.That(response.Id, Is.EqualTo(Samples.PlusFriendId));
            Assert.That(engine.Logs.Any(l => l.Urn == Samples.Urn && l.Message.Contains("waiting for review", StringComparison.Ordinal)), Is.True);
            Assert.That(engine.Logs.All(l => !l.Message.Contains(Samples.AdminPhoneNo, StringComparison.Ordinal)), Is.True);
        });
    }

    [Test]
    public void Construct_NotOffered_IsUnimplemented()
    {
        var error = Assert.ThrowsAsync<RpcException>(() => _rpc.CallAsync<Empty, Empty>("Construct", new Empty()));

        Assert.That(error!.StatusCode, Is.EqualTo(StatusCode.Unimplemented));
    }

    [Test]
    public async Task Invoke_UnknownFunction_IsInvalidArgument()
    {
        await ConfigureAsync();

        var error = Assert.ThrowsAsync<RpcException>(() =>
            _rpc.CallAsync<InvokeRequest, InvokeResponse>("Invoke", new InvokeRequest { Tok = "kakao:index:nope", Args = new Struct() }));

        Assert.That(error!.StatusCode, Is.EqualTo(StatusCode.InvalidArgument));
    }

    [Test]
    public async Task Invoke_GetSenderWithoutId_ReturnsFailures()
    {
        await ConfigureAsync();

        var response = await _rpc.CallAsync<InvokeRequest, InvokeResponse>("Invoke", new InvokeRequest { Tok = "kakao:index:getSender", Args = new Struct() });

        Assert.That(response.Failures.Single().Property, Is.EqualTo(SenderProperties.PlusFriendId));
    }
}
