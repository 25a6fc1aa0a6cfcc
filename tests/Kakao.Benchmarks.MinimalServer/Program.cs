using System.Net;
using Grpc.Core;
using Kakao.Benchmarks.MinimalServer;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;

// The same hosting shape as the plugin (slim builder, loopback h2c on port 0, port line on stdout) with nothing
// else: the start-up floor a .NET gRPC plugin can reach.
var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
builder.Logging.ClearProviders();
builder.WebHost.ConfigureKestrel(kestrel =>
    kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
builder.Services.AddGrpc();

await using var app = builder.Build();
app.MapGrpcService<PingService>();
await app.StartAsync();

var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
var stdout = Console.OpenStandardOutput();
await stdout.WriteAsync(System.Text.Encoding.ASCII.GetBytes($"{new Uri(address).Port}\n"));
await stdout.FlushAsync();
await app.WaitForShutdownAsync();

internal sealed class PingService : Ping.PingBase
{
    public override Task<PingMessage> Echo(PingMessage request, ServerCallContext context) => Task.FromResult(request);
}
