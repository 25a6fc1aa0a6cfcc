using Grpc.AspNetCore.Server;
using Kakao.Provider.Hosting;
using Kakao.Provider.Protocol;
using Microsoft.AspNetCore.Routing;

namespace Kakao.Provider.Tests.Grpc;

public class ResourceProviderMethodsTests
{
    [Test]
    public async Task Bind_HostedPlugin_ServesEveryRpcOfTheServiceOnce()
    {
        await using var app = PluginHost.Build(new PluginHost.Options { Environment = _ => null });
        var endpoints = ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints);

        var bound = endpoints
            .Select(e => e.Metadata.GetMetadata<GrpcMethodMetadata>()?.Method)
            .Where(m => m is not null && m.ServiceName == ResourceProvider.Descriptor.FullName && !m.Name.Contains('{', StringComparison.Ordinal))
            .Select(m => m!.Name)
            .ToList();

        Assert.That(bound, Is.EquivalentTo(ResourceProvider.Descriptor.Methods.Select(m => m.Name)));
    }
}
