using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Kakao.EngineHarness.Wire;

namespace Kakao.EngineHarness.Engine;

/// <summary>
/// The <c>pulumirpc.Engine</c> service as gRPC for ASP.NET Core binds it: a method per RPC named like the RPC,
/// registered by <see cref="BindService"/> under the engine's service name. Only Log is served; the other
/// engine RPCs answer Unimplemented, which plugins tolerate. gRPC for ASP.NET Core only dispatches to virtual
/// methods declared on the type carrying the attribute, hence the unsealed class and virtual method.
/// </summary>
[BindServiceMethod(typeof(EngineLogService), nameof(BindService))]
internal class EngineLogService
{
    private readonly LogCollector _collector;

    public EngineLogService(LogCollector collector)
    {
        _collector = collector;
    }

    public static void BindService(ServiceBinderBase binder, EngineLogService? service)
    {
        // With gRPC for ASP.NET Core the instance is null here: calls are dispatched by method name to the
        // instance resolved from DI, so the delegate only describes the signature.
        binder.AddMethod(EngineMethods.Log, service is null ? null : service.Log);
    }

    public virtual Task<Empty> Log(LogRequest request, ServerCallContext context)
    {
        _collector.Add(new LogEntry(
            (LogSeverity)(int)request.Severity, request.Message, request.Urn, request.Ephemeral, request.StreamId));
        return Task.FromResult(new Empty());
    }
}
