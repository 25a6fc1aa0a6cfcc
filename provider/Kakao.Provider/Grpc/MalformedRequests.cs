using Google.Protobuf;
using Grpc.Core;

namespace Kakao.Provider.Protocol;

/// <summary>
/// Turns a request that cannot be decoded — nested past protobuf's recursion limit, truncated, wrong wire types —
/// into <c>InvalidArgument</c> saying what was wrong. gRPC decodes the request before any handler (or
/// interceptor) runs, and reports a decoding exception as <c>Unknown</c> ("Exception was thrown by handler")
/// with a stack trace on stderr: the engine would read a provider bug. Wrapping each method's request
/// marshaller is the one place to catch it.
/// </summary>
internal static class MalformedRequests
{
    /// <summary>
    /// The recursion limit requests are decoded with. Protobuf's default (100) allows only about 33 levels of
    /// objects, because each level of a Struct costs three (Value, Struct, map entry): deeper, but still sane,
    /// inputs decode and get the provider's own answer (a check failure naming the property). Past this limit
    /// the request is refused as a whole.
    /// </summary>
    public const int RecursionLimit = 300;

    /// <summary><paramref name="method"/> with a request marshaller that answers undecodable requests with InvalidArgument.</summary>
    public static Method<TRequest, TResponse> Guard<TRequest, TResponse>(Method<TRequest, TResponse> method)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class
    {
        var guarded = new Marshaller<TRequest>(
            method.RequestMarshaller.ContextualSerializer,
            context =>
            {
                try
                {
                    var payload = context.PayloadAsNewBuffer();
                    var input = CodedInputStream.CreateWithLimits(new MemoryStream(payload, writable: false), payload.Length + 1, RecursionLimit);
                    var message = new TRequest();
                    message.MergeFrom(input);
                    return message;
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
            ? $"The {methodName} request is nested too deeply to be decoded: values inside values (objects or lists) may be at most about {RecursionLimit / 3} levels deep (the plugin decodes with a protobuf recursion limit of {RecursionLimit}). Flatten the input value that nests this deep."
            : $"The {methodName} request could not be decoded as pulumirpc protobuf ({exception.GetType().Name}: {exception.Message.Trim()}).";
    }
}
