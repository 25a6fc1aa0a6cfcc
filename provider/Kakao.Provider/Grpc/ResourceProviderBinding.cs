using System.Diagnostics.CodeAnalysis;
using Grpc.AspNetCore.Server.Model;

namespace Kakao.Provider.Protocol;

/// <summary>
/// Binds the provider's RPCs to the service (<c>Grpc.ResourceProviderService</c>) with statically typed handlers. This is a
/// part of the generated <c>ResourceProvider</c> class so that it can use the generated method descriptors
/// (<c>__Method_*</c>: wire names and marshallers stay the generator's).
/// </summary>
/// <remarks>
/// gRPC's default binding finds <c>BindService</c> by reflection and builds every method's handler types at run
/// time; under Native AOT that runtime type building was the largest single cost before the port line (about a
/// third of the start-up samples for 15 methods). A missing method here answers Unimplemented, like one the
/// service does not override; <c>ResourceProviderBindingTests</c> checks that every RPC of the service is bound.
/// Every method goes through <c>MalformedRequests.Guard</c>: a request that cannot be decoded is answered
/// InvalidArgument instead of gRPC's Unknown.
/// </remarks>
internal static partial class ResourceProvider
{
    // What gRPC's method model keeps of the service type under trimming (the context's own annotation).
    private const DynamicallyAccessedMemberTypes BoundMembers =
        DynamicallyAccessedMemberTypes.PublicConstructors | DynamicallyAccessedMemberTypes.PublicMethods | DynamicallyAccessedMemberTypes.NonPublicMethods;

    /// <summary>Adds every RPC of <c>pulumirpc.ResourceProvider</c> to <paramref name="context"/>.</summary>
    /// <remarks>Generic over the service, so that the generated protocol does not depend on the adapter that implements it.</remarks>
    public static void Bind<[DynamicallyAccessedMembers(BoundMembers)] TService>(ServiceMethodProviderContext<TService> context)
        where TService : ResourceProviderBase
    {
        context.AddUnaryMethod(MalformedRequests.Guard(__Method_Handshake), [], static (service, request, call) => service.Handshake(request, call));
        context.AddUnaryMethod(MalformedRequests.Guard(__Method_GetSchema), [], static (service, request, call) => service.GetSchema(request, call));
        context.AddUnaryMethod(MalformedRequests.Guard(__Method_CheckConfig), [], static (service, request, call) => service.CheckConfig(request, call));
        context.AddUnaryMethod(MalformedRequests.Guard(__Method_DiffConfig), [], static (service, request, call) => service.DiffConfig(request, call));
        context.AddUnaryMethod(MalformedRequests.Guard(__Method_Configure), [], static (service, request, call) => service.Configure(request, call));
        context.AddUnaryMethod(MalformedRequests.Guard(__Method_Invoke), [], static (service, request, call) => service.Invoke(request, call));
        context.AddUnaryMethod(MalformedRequests.Guard(__Method_Check), [], static (service, request, call) => service.Check(request, call));
        context.AddUnaryMethod(MalformedRequests.Guard(__Method_Diff), [], static (service, request, call) => service.Diff(request, call));
        context.AddUnaryMethod(MalformedRequests.Guard(__Method_Create), [], static (service, request, call) => service.Create(request, call));
        context.AddUnaryMethod(MalformedRequests.Guard(__Method_Read), [], static (service, request, call) => service.Read(request, call));
        context.AddUnaryMethod(MalformedRequests.Guard(__Method_Update), [], static (service, request, call) => service.Update(request, call));
        context.AddUnaryMethod(MalformedRequests.Guard(__Method_Delete), [], static (service, request, call) => service.Delete(request, call));
        context.AddUnaryMethod(MalformedRequests.Guard(__Method_Cancel), [], static (service, request, call) => service.Cancel(request, call));
        context.AddUnaryMethod(MalformedRequests.Guard(__Method_GetPluginInfo), [], static (service, request, call) => service.GetPluginInfo(request, call));
        context.AddUnaryMethod(MalformedRequests.Guard(__Method_Attach), [], static (service, request, call) => service.Attach(request, call));
    }
}
