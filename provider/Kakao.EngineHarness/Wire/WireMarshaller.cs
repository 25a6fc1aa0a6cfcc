using Google.Protobuf;
using Grpc.Core;

namespace Kakao.EngineHarness.Wire;

/// <summary>Protobuf binary marshallers for hand-built <see cref="Method{TRequest, TResponse}"/> objects.</summary>
internal static class WireMarshaller
{
    public static Marshaller<T> For<T>(MessageParser<T> parser)
        where T : class, IMessage<T> =>
        Marshallers.Create(message => message.ToByteArray(), parser.ParseFrom);
}
