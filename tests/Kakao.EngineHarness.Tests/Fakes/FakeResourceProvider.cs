using System.Collections.Concurrent;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Net.Client;
using Kakao.EngineHarness.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kakao.EngineHarness.Tests.Fakes;

/// <summary>
/// A tiny in-process resource provider on loopback h2c: records each call (name and the request exactly as it
/// arrived on the wire) and answers with replaceable handlers. Default behaviour: echo inputs, id "id-1", no
/// changes on Diff or DiffConfig.
/// </summary>
internal sealed class FakeResourceProvider : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(string Method, IMessage Request)> _calls = new();

    private FakeResourceProvider(WebApplication app, int port)
    {
        _app = app;
        Port = port;
        Channel = GrpcChannel.ForAddress($"http://127.0.0.1:{port}");
    }

    public int Port { get; }

    public GrpcChannel Channel { get; }

    public IReadOnlyList<string> CallNames => _calls.Select(call => call.Method).ToArray();

    public Func<ProviderHandshakeRequest, Task<ProviderHandshakeResponse>> OnHandshake { get; set; } =
        _ => Task.FromResult(new ProviderHandshakeResponse { AcceptSecrets = true, AcceptResources = true });

    public Func<CheckRequest, Task<CheckResponse>> OnCheckConfig { get; set; } =
        request => Task.FromResult(new CheckResponse { Inputs = request.News });

    public Func<DiffRequest, Task<DiffResponse>> OnDiffConfig { get; set; } =
        _ => Task.FromResult(new DiffResponse { Changes = DiffResponse.Types.DiffChanges.DiffNone });

    public Func<ConfigureRequest, Task<ConfigureResponse>> OnConfigure { get; set; } =
        _ => Task.FromResult(new ConfigureResponse { AcceptSecrets = true, SupportsPreview = true });

    public Func<CheckRequest, Task<CheckResponse>> OnCheck { get; set; } =
        request => Task.FromResult(new CheckResponse { Inputs = request.News });

    public Func<DiffRequest, Task<DiffResponse>> OnDiff { get; set; } =
        _ => Task.FromResult(new DiffResponse { Changes = DiffResponse.Types.DiffChanges.DiffNone });

    public Func<CreateRequest, Task<CreateResponse>> OnCreate { get; set; } =
        request => Task.FromResult(new CreateResponse { Id = request.Preview ? string.Empty : "id-1", Properties = request.Properties });

    public Func<ReadRequest, Task<ReadResponse>> OnRead { get; set; } =
        request => Task.FromResult(new ReadResponse { Id = request.Id, Properties = request.Properties, Inputs = request.Inputs });

    public Func<UpdateRequest, Task<UpdateResponse>> OnUpdate { get; set; } =
        request => Task.FromResult(new UpdateResponse { Properties = request.News });

    public Func<DeleteRequest, Task<Empty>> OnDelete { get; set; } = _ => Task.FromResult(new Empty());

    public Func<InvokeRequest, Task<InvokeResponse>> OnInvoke { get; set; } =
        request => Task.FromResult(new InvokeResponse { Return = request.Args });

    public static async Task<FakeResourceProvider> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(System.Net.IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        var holder = new Holder();
        builder.Services.AddSingleton(_ => new FakeResourceProviderService(holder.Provider!));
        var app = builder.Build();
        app.MapGrpcService<FakeResourceProviderService>();
        await app.StartAsync();
        var port = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First()).Port;
        var provider = new FakeResourceProvider(app, port);
        holder.Provider = provider;
        return provider;
    }

    /// <summary>The calls after the opening Handshake and GetPluginInfo, by name.</summary>
    public IReadOnlyList<string> CallsAfterOpening => CallNames.SkipWhile(name => name is "Handshake" or "GetPluginInfo").ToArray();

    public IReadOnlyList<T> Requests<T>(string method)
        where T : IMessage =>
        _calls.Where(call => call.Method == method).Select(call => (T)call.Request).ToArray();

    public async Task<TResponse> HandleAsync<TRequest, TResponse>(string method, TRequest request, Func<TRequest, Task<TResponse>> handler)
        where TRequest : IMessage
    {
        _calls.Enqueue((method, request));
        return await handler(request);
    }

    /// <summary>Sends a Log call to the engine at <paramref name="engineAddress"/>, as a plugin would.</summary>
    public static async Task LogToEngineAsync(string engineAddress, LogRequest request)
    {
        using var channel = GrpcChannel.ForAddress($"http://{engineAddress}");
        await channel.CreateCallInvoker().AsyncUnaryCall(EngineMethods.Log, null, default, request);
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private sealed class Holder
    {
        public FakeResourceProvider? Provider { get; set; }
    }
}
