using Google.Protobuf;
using Grpc.Core;

namespace Kakao.Provider.Grpc;

/// <summary>
/// Turns a request that cannot be decoded — nested past protobuf's recursion limit, truncated, wrong wire types —
/// into <c>InvalidArgument</c> saying what was wrong. gRPC decodes the request before any handler (or
/// interceptor) runs, and reports a decoding exception as <c>Unknown</c> ("Exception was thrown by handler")
/// with a stack trace on stderr: the engine would read a provider bug. Wrapping each method's request
/// marshaller is the one place to catch it.
/// </summary>
internal static class MalformedRequests
{
    /// <summary>Protobuf's default recursion limit: each object level of a Struct costs three (Value, Struct, map entry).</summary>
    public const int ProtobufRecursionLimit = 100;

    /// <summary><paramref name="method"/> with a request marshaller that answers undecodable requests with InvalidArgument.</summary>
    public static Method<TRequest, TResponse> Guard<TRequest, TResponse>(Method<TRequest, TResponse> method)
        where TRequest : class
        where TResponse : class
    {
        var inner = method.RequestMarshaller;
        var guarded = new Marshaller<TRequest>(
            inner.ContextualSerializer,
            context =>
            {
                try
                {
                    return inner.ContextualDeserializer(context);
                }
                catch (Exception ex) when (ex is InvalidProtocolBufferException or InvalidOperationException or ArgumentException or IOException)
                {
                    throw new RpcException(new Status(StatusCode.InvalidArgument, Describe(method.Name, ex)));
                }
            });
        return new Method<TRequest, TResponse>(method.Type, method.ServiceName, method.Name, guarded, method.ResponseMarshaller);
    }

    /// <summary>The status message for a request of <paramref name="methodName"/> that failed to decode.</summary>
    internal static string Describe(string methodName, Exception exception)
    {
        bool tooDeep = exception.Message.Contains("nesting", StringComparison.OrdinalIgnoreCase)
            || exception.Message.Contains("recursion", StringComparison.OrdinalIgnoreCase);
        return tooDeep
            ? $"The {methodName} request is nested too deeply to be decoded: values inside values (objects or lists) may be at most about {ProtobufRecursionLimit / 3} levels deep (protobuf's recursion limit of {ProtobufRecursionLimit}). Flatten the input value that nests this deep."
            : $"The {methodName} request could not be decoded as pulumirpc protobuf ({exception.GetType().Name}: {exception.Message.Trim()}).";
    }
}
