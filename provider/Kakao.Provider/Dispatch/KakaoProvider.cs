using Kakao.Provider.Configuration;
using Kakao.Provider.Functions;
using Kakao.Provider.Models;
using Kakao.Provider.Resources.Sender;
using Kakao.Provider.Resources.Template;
using Kakao.Provider.Resources.Webhook;
using Kakao.Provider.Schema;
using Kakao.Provider.Typed;

namespace Kakao.Provider.Dispatch;

/// <summary>
/// The provider's domain entry point: configuration, and dispatch of resource operations and functions by
/// token through the <see cref="ProviderRegistry"/>. Knows nothing about protobuf or gRPC. Thread-safe.
/// </summary>
internal sealed class KakaoProvider : IDisposable
{
    private readonly ConfigurationParser _configuration;
    private readonly ConfiguredClients _clients;
    private readonly ProviderRegistry _registry;

    public KakaoProvider(ConfigurationParser configuration, ConfiguredClients clients, IEngineDiagnostics diagnostics)
    {
        _configuration = configuration;
        _clients = clients;
        _registry = new ProviderRegistry()
            .Add(new SenderResource(clients, diagnostics))
            .Add(new WebhookResource(clients))
            .Add(new GetSenderCategoriesFunction(clients))
            .Add(new GetSenderFunction(clients))
            .Add(new TemplateResource(clients, diagnostics))
            .Add(new GetTemplateCategoriesFunction(clients))
            .Add(new GetTemplateFunction(clients));
    }

    public static string Version => PackageSchema.Version;

    public static string GetSchema() => PackageSchema.Json;

    /// <summary>The effective configuration, null before Configure or while it holds unknowns.</summary>
    public ProviderConfiguration? Configuration => _clients.Configuration;

    /// <summary>What the provider manages and offers, by token.</summary>
    public ProviderRegistry Registry => _registry;

    public CheckResult CheckConfig(PropertyMap news) => _configuration.Check(news);

    public static DiffResult DiffConfig(PropertyMap olds, PropertyMap news, PropertyMap? oldInputs) => ConfigDiff.Diff(olds, news, oldInputs);

    /// <summary>Reads the configuration (no network). Throws for missing keys or malformed values.</summary>
    public void Configure(PropertyMap args) => _clients.Configure(_configuration.Parse(args));

    public CheckResult Check(string type, PropertyMap news) => _registry.Resource(type).Check(news);

    public DiffResult Diff(string type, DiffCall call) => _registry.Resource(type).Diff(call);

    public Task<(string Id, PropertyMap Outputs)> CreateAsync(string type, CreateCall call, CancellationToken cancellationToken) =>
        _registry.Resource(type).CreateAsync(call, cancellationToken);

    public Task<(PropertyMap Outputs, PropertyMap Inputs)?> ReadAsync(string type, ReadCall call, CancellationToken cancellationToken) =>
        _registry.Resource(type).ReadAsync(call, cancellationToken);

    public Task<PropertyMap> UpdateAsync(string type, UpdateCall call, CancellationToken cancellationToken) =>
        _registry.Resource(type).UpdateAsync(call, cancellationToken);

    public Task DeleteAsync(string type, DeleteCall call, CancellationToken cancellationToken) =>
        _registry.Resource(type).DeleteAsync(call, cancellationToken);

    /// <summary>Runs a function outside a preview: either its result or argument failures.</summary>
    public Task<(PropertyMap? Result, IReadOnlyList<CheckFailure> Failures)> InvokeAsync(string token, PropertyMap args, CancellationToken cancellationToken) =>
        InvokeAsync(token, args, preview: false, cancellationToken);

    /// <summary>Runs a function: either its result or argument failures.</summary>
    /// <param name="token">The function token.</param>
    /// <param name="args">The arguments; one whose value is unknown (preview) arrives missing, the engine drops it.</param>
    /// <param name="preview">The engine runs invokes in previews too, with this set.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<(PropertyMap? Result, IReadOnlyList<CheckFailure> Failures)> InvokeAsync(string token, PropertyMap args, bool preview, CancellationToken cancellationToken) =>
        _registry.Function(token).InvokeAsync(args, preview, cancellationToken);

    public void Dispose() => _clients.Dispose();
}
