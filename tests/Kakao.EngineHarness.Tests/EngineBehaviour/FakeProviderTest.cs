using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Kakao.EngineHarness.Tests.Fakes;
using Kakao.EngineHarness.Values;

namespace Kakao.EngineHarness.Tests.EngineBehaviour;

/// <summary>
/// Base of the engine-behaviour tests: each test drives a fresh in-process <see cref="FakeResourceProvider"/>
/// through the harness and asserts what arrived on the wire (engine-behaviour.md §2–3, one behaviour per test).
/// </summary>
public abstract class FakeProviderTest
{
    protected const string Type = "fake:index:Thing";

    private protected FakeResourceProvider Provider { get; private set; } = null!;

    [SetUp]
    public async Task StartProvider() => Provider = await FakeResourceProvider.StartAsync();

    [TearDown]
    public async Task StopProvider() => await Provider.DisposeAsync();

    protected Task<ProviderSession> Attach() =>
        ProviderSession.AttachAsync(Provider.Channel.CreateCallInvoker(), new ProviderSessionOptions { PluginPath = "in-process", PackageName = "fake" });

    protected async Task<ProviderSession> Configured()
    {
        var session = await Attach();
        await session.ConfigureAsync(new PropertyMap { ["projectId"] = "p1" });
        return session;
    }

    protected static Struct Fields(params (string Key, Value Value)[] fields)
    {
        var result = new Struct();
        foreach (var (key, value) in fields)
        {
            result.Fields[key] = value;
        }

        return result;
    }

    protected static bool IsSecretWrapper(Value value) =>
        value.KindCase == Value.KindOneofCase.StructValue &&
        value.StructValue.Fields.TryGetValue(WireSentinels.SignatureKey, out var sig) &&
        sig.StringValue == WireSentinels.SecretSignature;

    protected static RpcException RichError(StatusCode code, string message, string typeName, IMessage detail)
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
