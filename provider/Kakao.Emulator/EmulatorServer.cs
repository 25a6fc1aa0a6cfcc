using Kakao.Emulator.Control;
using Kakao.Emulator.Domain;
using Kakao.Emulator.Domain.Templates;
using Kakao.Emulator.Endpoints;
using Kakao.Emulator.Http;
using Kakao.Emulator.State;
using Kakao.Emulator.Webhooks;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Kakao.Emulator;

/// <summary>
/// A running emulator of the Sinch Provisioning API (KakaoTalk senders), hosted in-process on Kestrel. The
/// Sinch API lives under <see cref="BaseAddress"/> (<c>/v1/projects/{projectId}/kakaotalk/...</c>: senders, their
/// templates and categories;
/// <c>/v1/projects/{projectId}/webhooks</c>, <c>POST /oauth2/token</c>), the control API under
/// <c>/_emulator</c>. Dispose to stop it.
/// </summary>
public sealed class EmulatorServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly WebhookDispatcher _webhooks;
    private readonly DomainEvents _events;
    private int _disposed;

    private EmulatorServer(WebApplication app, WebhookDispatcher webhooks, DomainEvents events, Uri baseAddress)
    {
        _app = app;
        _webhooks = webhooks;
        _events = events;
        BaseAddress = baseAddress;
    }

    /// <summary>The root of the emulator, with a trailing slash (e.g. <c>http://127.0.0.1:51234/</c>).</summary>
    public Uri BaseAddress { get; }

    /// <summary>Starts an emulator; with the default options: in memory, on a free loopback port, auto-approving.</summary>
    /// <param name="options">Settings; null for the defaults.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    /// <exception cref="InvalidDataException">The data file exists but is not emulator state.</exception>
    /// <exception cref="IOException">The listen address could not be bound (inner <see cref="Microsoft.AspNetCore.Connections.AddressInUseException"/> when it is taken).</exception>
    public static async Task<EmulatorServer> StartAsync(EmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new EmulatorOptions();
        options.Validate();

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(EmulatorServer).Assembly.GetName().Name,

            // Never pick up an appsettings.json (or Kestrel endpoints) from whatever directory the host runs in.
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseUrls(options.Urls);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = 4 * JsonBodyReader.MaxBodyBytes;
        });
        builder.Logging.ClearProviders();
        if (options.ConsoleLogging)
        {
            builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
            builder.Logging.SetMinimumLevel(LogLevel.Information);
            builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);

            // A failed start (the port is taken) reaches the caller as an exception; the host would log it first
            // as a 3,000-character stack trace in front of the caller's one clear line.
            builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);
        }

        if (!options.HandleConsoleSignals)
        {
            // In-process hosts (tests, the CLI) keep their own Ctrl+C handling.
            builder.Services.AddSingleton<IHostLifetime, PassiveHostLifetime>();
        }

        var time = options.TimeProvider;
        var file = options.DataFile is null ? null : new StateFile(options.DataFile);
        var state = file is null ? new EmulatorState() : await file.LoadAsync(cancellationToken) ?? new EmulatorState();

        var services = builder.Services;
        services.AddSingleton(options);
        services.AddSingleton(new EmulatorClock(time));
        services.AddSingleton(new DeletedSendersHolder(options.DeletedSenders));
        services.AddSingleton(new ReviewPolicyHolder(new ReviewPolicy(options.ReviewMode, options.ReviewDelay, options.ReviewComment)));
        services.AddSingleton(sp => new WebhookDispatcher(time, sp.GetRequiredService<ILogger<WebhookDispatcher>>()));
        services.AddSingleton(sp => new DomainEvents(time, sp.GetRequiredService<WebhookDispatcher>(), sp.GetRequiredService<ILogger<DomainEvents>>()));
        services.AddSingleton(sp => new SenderService(time, sp.GetRequiredService<ReviewPolicyHolder>(), sp.GetRequiredService<DomainEvents>(), sp.GetRequiredService<DeletedSendersHolder>(), options.OtpSource));
        services.AddSingleton(new TemplateReviewPolicyHolder(new ReviewPolicy(options.TemplateReviewMode, options.TemplateReviewDelay, options.TemplateReviewComment)));
        services.AddSingleton(sp => new TemplateService(time, sp.GetRequiredService<TemplateReviewPolicyHolder>(), sp.GetRequiredService<DomainEvents>(), sp.GetRequiredService<DeletedSendersHolder>()));
        services.AddSingleton(sp =>
        {
            var senders = sp.GetRequiredService<SenderService>();
            var templates = sp.GetRequiredService<TemplateService>();
            void Maintenance(EmulatorState s)
            {
                senders.RunMaintenance(s);
                templates.RunMaintenance(s);
            }

            var store = new EmulatorStore(state, file, Maintenance, sp.GetRequiredService<ILogger<EmulatorStore>>());
            sp.GetRequiredService<DomainEvents>().Attach(store.RunMaintenanceAsync);
            return store;
        });
        services.AddSingleton(new Credentials(options.KeyId, options.KeySecret, time));
        services.AddSingleton(new FaultInjector());
        services.AddSingleton(new RateLimiter(time));
        services.AddSingleton(new RequestLog());

        var app = builder.Build();
        _ = app.Services.GetRequiredService<EmulatorStore>(); // wires review timers to the store before any request
        app.Services.GetRequiredService<SenderService>().RescheduleReviews(state);
        app.Services.GetRequiredService<TemplateService>().RescheduleReviews(state);
        var webhooks = app.Services.GetRequiredService<WebhookDispatcher>();
        var events = app.Services.GetRequiredService<DomainEvents>();
        app.UseMiddleware<RequestLogMiddleware>();
        app.UseMiddleware<ErrorMiddleware>();
        app.UseMiddleware<RateLimitMiddleware>();
        app.UseMiddleware<FaultMiddleware>();
        app.UseMiddleware<AuthMiddleware>();
        app.UseMiddleware<UnmatchedRouteMiddleware>();
        app.UseRouting();

        SenderEndpoints.Map(app);
        TemplateEndpoints.Map(app);
        WebhookEndpoints.Map(app);
        TokenEndpoint.Map(app);
        ControlEndpoints.Map(app);

        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await events.DisposeAsync();
            await webhooks.DisposeAsync();
            await app.DisposeAsync();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var baseAddress = new Uri(address.Replace("://[::]", "://127.0.0.1", StringComparison.Ordinal).Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal).TrimEnd('/') + "/");
        return new EmulatorServer(app, webhooks, events, baseAddress);
    }

    /// <summary>Completes when the host stops (Ctrl+C / SIGTERM in the command-line host).</summary>
    /// <param name="cancellationToken">Stops waiting.</param>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);

    /// <summary>Stops the server; state already written to the data file stays there.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        try
        {
            // Requests first (they may schedule reviews), then the reviews already running: after this, nothing
            // writes the data file.
            await _app.StopAsync(CancellationToken.None);
        }
        finally
        {
            await _events.DisposeAsync();
            await _webhooks.DisposeAsync();
            await _app.DisposeAsync();
        }
    }
}
