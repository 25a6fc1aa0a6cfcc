using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Kakao.EngineHarness.Wire;

/// <summary>
/// The engine's calls into a provider plugin, named by the paths of shared/protocol/pulumirpc-wire.json
/// (<c>/pulumirpc.ResourceProvider/Method</c>). Our message types live in another protobuf package; only the
/// service path and the field numbers travel on the wire.
/// </summary>
internal static class ProviderMethods
{
    public const string ServiceName = "pulumirpc.ResourceProvider";

    public static readonly Method<ProviderHandshakeRequest, ProviderHandshakeResponse> Handshake =
        Unary("Handshake", ProviderHandshakeRequest.Parser, ProviderHandshakeResponse.Parser);

    public static readonly Method<Empty, PluginInfo> GetPluginInfo =
        Unary("GetPluginInfo", Empty.Parser, PluginInfo.Parser);

    public static readonly Method<GetSchemaRequest, GetSchemaResponse> GetSchema =
        Unary("GetSchema", GetSchemaRequest.Parser, GetSchemaResponse.Parser);

    public static readonly Method<CheckRequest, CheckResponse> CheckConfig =
        Unary("CheckConfig", CheckRequest.Parser, CheckResponse.Parser);

    public static readonly Method<DiffRequest, DiffResponse> DiffConfig =
        Unary("DiffConfig", DiffRequest.Parser, DiffResponse.Parser);

    public static readonly Method<ConfigureRequest, ConfigureResponse> Configure =
        Unary("Configure", ConfigureRequest.Parser, ConfigureResponse.Parser);

    public static readonly Method<CheckRequest, CheckResponse> Check =
        Unary("Check", CheckRequest.Parser, CheckResponse.Parser);

    public static readonly Method<DiffRequest, DiffResponse> Diff =
        Unary("Diff", DiffRequest.Parser, DiffResponse.Parser);

    public static readonly Method<CreateRequest, CreateResponse> Create =
        Unary("Create", CreateRequest.Parser, CreateResponse.Parser);

    public static readonly Method<ReadRequest, ReadResponse> Read =
        Unary("Read", ReadRequest.Parser, ReadResponse.Parser);

    public static readonly Method<UpdateRequest, UpdateResponse> Update =
        Unary("Update", UpdateRequest.Parser, UpdateResponse.Parser);

    public static readonly Method<DeleteRequest, Empty> Delete =
        Unary("Delete", DeleteRequest.Parser, Empty.Parser);

    public static readonly Method<InvokeRequest, InvokeResponse> Invoke =
        Unary("Invoke", InvokeRequest.Parser, InvokeResponse.Parser);

    public static readonly Method<Empty, Empty> Cancel =
        Unary("Cancel", Empty.Parser, Empty.Parser);

    public static readonly Method<PluginAttach, Empty> Attach =
        Unary("Attach", PluginAttach.Parser, Empty.Parser);

    private static Method<TRequest, TResponse> Unary<TRequest, TResponse>(
        string name, MessageParser<TRequest> requestParser, MessageParser<TResponse> responseParser)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse> =>
        new(MethodType.Unary, ServiceName, name, WireMarshaller.For(requestParser), WireMarshaller.For(responseParser));
}
