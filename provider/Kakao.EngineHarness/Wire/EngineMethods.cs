using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Kakao.EngineHarness.Wire;

/// <summary>The <c>pulumirpc.Engine</c> calls a plugin makes back to the engine (only Log matters here).</summary>
internal static class EngineMethods
{
    public const string ServiceName = "pulumirpc.Engine";

    public static readonly Method<LogRequest, Empty> Log = new(
        MethodType.Unary, ServiceName, "Log", WireMarshaller.For(LogRequest.Parser), WireMarshaller.For(Empty.Parser));
}
