using Grpc.AspNetCore.Server.Model;
using Kakao.Provider.Protocol;

namespace Kakao.Provider.Grpc;

/// <summary>
/// Tells gRPC which methods <see cref="ResourceProviderService"/> serves, in place of gRPC's reflection-based
/// binder (see <see cref="ResourceProvider.Bind"/> for why).
/// </summary>
internal sealed class ResourceProviderMethods : IServiceMethodProvider<ResourceProviderService>
{
    public void OnServiceMethodDiscovery(ServiceMethodProviderContext<ResourceProviderService> context) => ResourceProvider.Bind(context);
}
