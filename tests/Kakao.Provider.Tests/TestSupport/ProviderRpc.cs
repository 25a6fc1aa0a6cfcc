using Google.Protobuf;
using Grpc.Core;

namespace Kakao.Provider.Tests.TestSupport;

/// <summary>
/// Calls the plugin's <c>pulumirpc.ResourceProvider</c> methods by path, the way the engine does, using the
/// plugin's own message types (the plugin compiles only the server side).
/// </summary>
internal sealed class ProviderRpc(CallInvoker invoker)
{
    private const string Service = "pulumirpc.ResourceProvider";

    public Task<TResponse> CallAsync<TRequest, TResponse>(string method, TRequest request, CancellationToken cancellationToken = default)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new()
    {
        var definition = new Method<TRequest, TResponse>(
            MethodType.Unary,
            Service,
            method,
            Marshallers.Create(m => m.ToByteArray(), new MessageParser<TRequest>(() => new TRequest()).ParseFrom),
            Marshallers.Create(m => m.ToByteArray(), new MessageParser<TResponse>(() => new TResponse()).ParseFrom));
        return invoker.AsyncUnaryCall(definition, null, new CallOptions(cancellationToken: cancellationToken), request).ResponseAsync;
    }
}
