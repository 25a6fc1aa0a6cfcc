using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Kakao.Provider.Grpc;
using Kakao.Provider.Protocol;

namespace Kakao.Provider.Tests.Grpc;

public class MalformedRequestsTests
{
    private static Struct Nested(int depth)
    {
        var value = Value.ForString("leaf");
        for (int i = 0; i < depth; i++)
        {
            var inner = new Struct();
            inner.Fields["n"] = value;
            value = Value.ForStruct(inner);
        }

        var root = new Struct();
        root.Fields["name"] = value;
        return root;
    }

    private static CheckRequest Decode(byte[] bytes) => GuardedCheckMarshaller().ContextualDeserializer(new BytesContext(bytes));

    private static Marshaller<CheckRequest> GuardedCheckMarshaller() =>
        MalformedRequests.Guard(new Method<CheckRequest, CheckResponse>(
            MethodType.Unary,
            "pulumirpc.ResourceProvider",
            "Check",
            Marshallers.Create(r => r.ToByteArray(), CheckRequest.Parser.ParseFrom),
            Marshallers.Create(r => r.ToByteArray(), CheckResponse.Parser.ParseFrom))).RequestMarshaller;

    [TestCase(101)]
    [TestCase(200)]
    [TestCase(5000)]
    public void Deserializer_NestedPastTheRecursionLimit_IsInvalidArgumentSayingSo(int depth)
    {
        var bytes = new CheckRequest { Urn = "urn:x", News = Nested(depth) }.ToByteArray();

        var ex = Assert.Throws<RpcException>(() => Decode(bytes));
        Assert.Multiple(() =>
        {
            Assert.That(ex!.StatusCode, Is.EqualTo(StatusCode.InvalidArgument));
            Assert.That(ex.Status.Detail, Does.Contain("Check request").And.Contain("nested too deeply"));
        });
    }

    [Test]
    public void Deserializer_TruncatedOrGarbageBytes_IsInvalidArgument()
    {
        var bytes = new CheckRequest { Urn = "urn:pulumi:s::p::t::n", News = Nested(3) }.ToByteArray();
        Assert.Multiple(() =>
        {
            Assert.That(Assert.Throws<RpcException>(() => Decode(bytes[..^3]))!.StatusCode, Is.EqualTo(StatusCode.InvalidArgument));
            Assert.That(Assert.Throws<RpcException>(() => Decode([0xFF, 0xFF, 0xFF, 0xFF, 0x0F]))!.StatusCode, Is.EqualTo(StatusCode.InvalidArgument));
        });
    }

    [TestCase(25)]
    [TestCase(40)]
    [TestCase(95)]
    public void Deserializer_NestedPastProtobufsDefaultButWithinOurLimit_Decodes(int depth)
    {
        var request = new CheckRequest { Urn = "urn:x", News = Nested(depth) };
        Assert.That(Decode(request.ToByteArray()), Is.EqualTo(request));
    }

    private sealed class BytesContext(byte[] payload) : DeserializationContext
    {
        public override int PayloadLength => payload.Length;

        public override byte[] PayloadAsNewBuffer() => (byte[])payload.Clone();
    }
}
