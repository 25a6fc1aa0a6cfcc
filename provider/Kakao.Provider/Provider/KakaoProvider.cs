using Kakao.Provider.Configuration;
using Kakao.Provider.Functions;
using Kakao.Provider.Model;
using Kakao.Provider.Resources.Sender;
using Kakao.Provider.Schema;

namespace Kakao.Provider.Provider;

/// <summary>
/// The provider's domain entry point: configuration, dispatch of resource operations by type token and of
/// functions by token. Knows nothing about protobuf or gRPC. Thread-safe.
/// </summary>
internal sealed class KakaoProvider : IDisposable
{
    private readonly ConfigurationParser _configuration;
    private readonly ConfiguredClients _clients;
    private readonly SenderResource _senders;
    private readonly GetSenderCategoriesFunction _getSenderCategories;
    private readonly GetSenderFunction _getSender;

    public KakaoProvider(ConfigurationParser configuration, ConfiguredClients clients, IEngineDiagnostics diagnostics)
    {
        _configuration = configuration;
        _clients = clients;
        _senders = new SenderResource(clients, diagnostics);
        _getSenderCategories = new GetSenderCategoriesFunction(clients);
        _getSender = new GetSenderFunction(clients);
    }

    public static string Version => PackageSchema.Version;

    public static string GetSchema() => PackageSchema.Json;

    /// <summary>The effective configuration, null before Configure or while it holds unknowns.</summary>
    public ProviderConfiguration? Configuration => _clients.Configuration;

    public CheckResult CheckConfig(PropertyMap news) => _configuration.Check(news);

    public static DiffResult DiffConfig(PropertyMap olds, PropertyMap news, PropertyMap? oldInputs) => ConfigDiff.Diff(olds, news, oldInputs);

    /// <summary>Reads the configuration (no network). Throws for missing keys or malformed values.</summary>
    public void Configure(PropertyMap args) => _clients.Configure(_configuration.Parse(args));

    public CheckResult Check(string type, PropertyMap news) => Sender(type).Check(news);

    public DiffResult Diff(string type, PropertyMap olds, PropertyMap news, PropertyMap? oldInputs, IReadOnlyCollection<string>? ignoreChanges) =>
        Sender(type).Diff(olds, news, oldInputs, ignoreChanges);

    public Task<(string Id, PropertyMap Outputs)> CreateAsync(string type, PropertyMap inputs, bool preview, string? urn, CancellationToken cancellationToken) =>
        Sender(type).CreateAsync(inputs, preview, urn, cancellationToken);

    public Task<(PropertyMap Outputs, PropertyMap Inputs)?> ReadAsync(string type, string id, PropertyMap olds, PropertyMap oldInputs, string? urn, CancellationToken cancellationToken) =>
        Sender(type).ReadAsync(id, olds, oldInputs, urn, cancellationToken);

    public Task<PropertyMap> UpdateAsync(string type, string id, PropertyMap olds, PropertyMap news, bool preview, string? urn, CancellationToken cancellationToken) =>
        Sender(type).UpdateAsync(id, olds, news, preview, urn, cancellationToken);

    public Task DeleteAsync(string type, string id, PropertyMap olds, PropertyMap oldInputs, CancellationToken cancellationToken) =>
        Sender(type).DeleteAsync(id, olds, oldInputs, cancellationToken);

    /// <summary>Runs a function outside a preview: either its result or argument failures.</summary>
    public Task<(PropertyMap? Result, IReadOnlyList<CheckFailure> Failures)> InvokeAsync(string token, PropertyMap args, CancellationToken cancellationToken) =>
        InvokeAsync(token, args, preview: false, cancellationToken);

    /// <summary>Runs a function: either its result or argument failures.</summary>
    /// <param name="token">The function token.</param>
    /// <param name="args">The arguments; one whose value is unknown (preview) arrives missing, the engine drops it.</param>
    /// <param name="preview">The engine runs invokes in previews too, with this set.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<(PropertyMap? Result, IReadOnlyList<CheckFailure> Failures)> InvokeAsync(string token, PropertyMap args, bool preview, CancellationToken cancellationToken)
    {
        switch (token)
        {
            case FunctionTokens.GetSenderCategories:
                return (await _getSenderCategories.InvokeAsync(args, cancellationToken), []);
            case FunctionTokens.GetSender:
                var failures = GetSenderFunction.Validate(args);
                return failures.Count > 0 ? (null, failures) : (await _getSender.InvokeAsync(args, preview, cancellationToken), []);
            default:
                throw new InvalidInputException($"Unknown function {token}; the kakao provider offers {FunctionTokens.GetSenderCategories} and {FunctionTokens.GetSender}.");
        }
    }

    public void Dispose() => _clients.Dispose();

    private SenderResource Sender(string type) => type == SenderProperties.Token
        ? _senders
        : throw new InvalidInputException($"Unknown resource type {type}; the kakao provider manages {SenderProperties.Token}.");
}
