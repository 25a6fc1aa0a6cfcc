using System.Net;
using Grpc.AspNetCore.Server.Model;
using Kakao.Provider.Configuration;
using Kakao.Provider.Dispatch;
using Kakao.Provider.Grpc;
using Kakao.Provider.Logging;
using Kakao.Provider.Models;
using Kakao.Provisioning;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Kakao.Provider.Hosting;

/// <summary>
/// Hosts the provider: Kestrel on 127.0.0.1 with a free port, cleartext HTTP/2 only, the gRPC adapter, logs on
/// stderr. Stops on Cancel, SIGINT or SIGTERM, cancelling in-flight operations.
/// </summary>
internal static class PluginHost
{
    /// <summary>Largest message accepted or sent (the engine's own limit).</summary>
    public const int MaxMessageSize = 400 * 1024 * 1024;

    /// <summary>Options for building the host; tests swap the client factory and environment.</summary>
    internal sealed record Options
    {
        public PluginArguments Arguments { get; init; } = new(null, 0);

        public Func<ProvisioningClientOptions, ProvisioningClient>? ClientFactory { get; init; }

        public Func<string, string?>? Environment { get; init; }

        /// <summary>Lowest level logged to stderr.</summary>
        public LogLevel MinimumLogLevel { get; init; } = LogLevel.Warning;
    }

    public static WebApplication Build(Options options)
    {
        // The engine starts plugins in the user's program directory: no appsettings.json, ASPNETCORE_* or
        // DOTNET_* setting of theirs may reconfigure the plugin. The empty builder reads no settings at all and
        // brings only what is asked for below (Kestrel without HTTPS or configuration binding, routing, gRPC):
        // every default the plugin does not use is start-up time the engine waits for on each command.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.Sources.Clear();
        builder.WebHost.UseKestrelCore();
        builder.Services.AddRoutingCore();
        builder.Services.Replace(ServiceDescriptor.Singleton<ILoggerFactory>(_ => new StderrLoggerFactory(options.MinimumLogLevel)));
        builder.Services.Configure<ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2);
            kestrel.Limits.MaxRequestBodySize = null;
            kestrel.AddServerHeader = false;
        });

        builder.Services.AddGrpc(grpc =>
        {
            grpc.MaxReceiveMessageSize = MaxMessageSize;
            grpc.MaxSendMessageSize = MaxMessageSize;
        });

        // Our own method binding instead of gRPC's reflection-based one (see ResourceProviderMethods).
        builder.Services.RemoveAll(typeof(IServiceMethodProvider<>));
        builder.Services.AddSingleton<IServiceMethodProvider<ResourceProviderService>, ResourceProviderMethods>();

        builder.Services.AddSingleton<OperationCancellation>();
        builder.Services.AddSingleton<EngineLogSink>();
        builder.Services.AddSingleton<IEngineDiagnostics>(sp => sp.GetRequiredService<EngineLogSink>());
        builder.Services.AddSingleton(_ => new ConfiguredClients(options.ClientFactory ?? (o => new ProvisioningClient(o))));
        builder.Services.AddSingleton(_ => new ConfigurationParser(options.Environment ?? System.Environment.GetEnvironmentVariable));
        builder.Services.AddSingleton<KakaoProvider>();

        var app = builder.Build();
        app.Services.GetRequiredService<EngineLogSink>().SetAddress(options.Arguments.EngineAddress);
        var lifetime = app.Services.GetRequiredService<IHostApplicationLifetime>();
        var cancellation = app.Services.GetRequiredService<OperationCancellation>();
        lifetime.ApplicationStopping.Register(cancellation.Cancel);

        app.MapGrpcService<ResourceProviderService>();
        return app;
    }

    /// <summary>The port Kestrel bound after start.</summary>
    public static int BoundPort(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        foreach (var address in addresses)
        {
            if (Uri.TryCreate(address, UriKind.Absolute, out var uri))
            {
                return uri.Port;
            }
        }

        throw new InvalidOperationException("Kestrel reported no listening address.");
    }

    /// <summary>Runs the plugin as the engine expects: the port and a newline on stdout, then serve until stopped.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var arguments = PluginArguments.Parse(args);
        if (arguments.HelpRequested)
        {
            await Console.Out.WriteLineAsync(PluginArguments.Usage);
            return 0;
        }

        var level = arguments.Verbosity switch
        {
            >= 9 => LogLevel.Trace,
            >= 5 => LogLevel.Debug,
            >= 1 => LogLevel.Information,
            _ => LogLevel.Warning,
        };

        await using var app = Build(new Options { Arguments = arguments, MinimumLogLevel = level });
        await app.StartAsync();

        var stdout = Console.OpenStandardOutput();
        var line = System.Text.Encoding.ASCII.GetBytes($"{BoundPort(app)}\n");
        await stdout.WriteAsync(line);
        await stdout.FlushAsync();

        // Disposing the app disposes the provider (its clients) and the engine connection.
        await app.WaitForShutdownAsync();
        return 0;
    }
}
