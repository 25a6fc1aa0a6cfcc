using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Kakao.Provisioning.Internal;

namespace Kakao.Provisioning;

/// <summary>
/// Client of the Sinch Provisioning API for KakaoTalk senders, bound to one project. Thread-safe; reuse one
/// instance. Members are virtual so callers can mock them.
/// </summary>
/// <remarks>
/// Reads and deletes are retried on 429, 502, 503, 504, transport failures and attempt timeouts, honouring
/// <c>Retry-After</c>. Writes (create, update, register, verify, comment, webhook) are retried only on 429; after
/// an ambiguous failure the client reads the current state and reports the write as done when it is visible, so
/// nothing is applied twice. Every failure surfaces as <see cref="ProvisioningApiException"/>, except the caller's
/// cancellation (<see cref="OperationCanceledException"/>) and invalid arguments (<see cref="ArgumentException"/>).
/// </remarks>
public partial class ProvisioningClient : IDisposable
{
    private readonly ProvisioningTransport _transport = null!;
    private readonly ReconcilingWriter _writer = null!;
    private readonly string _projectId = "";
    private readonly bool _ownsTransport;

    /// <summary>Creates a client with its own HTTP stack.</summary>
    /// <param name="options">Validated settings.</param>
    public ProvisioningClient(ProvisioningClientOptions options)
        : this(options, CreateDefaultHandler(), disposeHandler: true)
    {
    }

    /// <summary>Creates a client over a caller-supplied handler (tests, proxies).</summary>
    /// <param name="options">Validated settings.</param>
    /// <param name="handler">The innermost HTTP handler.</param>
    /// <param name="disposeHandler">Whether disposing the client disposes the handler.</param>
    public ProvisioningClient(ProvisioningClientOptions options, HttpMessageHandler handler, bool disposeHandler = false)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(handler);

        // A private copy: later changes to the caller's options object cannot alter a live client.
        var snapshot = options.WithProjectId(options.ProjectId);
        try
        {
            snapshot.Validate();
        }
        catch (ArgumentException) when (disposeHandler)
        {
            handler.Dispose();
            throw;
        }

        _transport = new ProvisioningTransport(snapshot, handler, disposeHandler);
        _writer = new ReconcilingWriter(_transport);
        _projectId = snapshot.ProjectId;
        _ownsTransport = true;
    }

    private ProvisioningClient(ProvisioningTransport transport, ReconcilingWriter writer, string projectId)
    {
        _transport = transport;
        _writer = writer;
        _projectId = projectId;
        _ownsTransport = false;
    }

    /// <summary>The request budget shared by this client's connection group (tests observe and prime it).</summary>
    internal RequestBudget Budget => _transport.Budget;

    /// <summary>For mocking frameworks.</summary>
    protected ProvisioningClient() { }

    /// <summary>The project this client addresses.</summary>
    public virtual string ProjectId => _projectId;

    /// <summary>
    /// A client for another project that shares this one's connections and token cache. It does not own them:
    /// dispose only the original client, after the ones derived from it are no longer used.
    /// </summary>
    /// <param name="projectId">The project id.</param>
    public virtual ProvisioningClient ForProject(string projectId)
    {
        InputChecks.ProjectId(projectId, nameof(projectId));
        return new ProvisioningClient(_transport, _writer, projectId);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the HTTP stack when <paramref name="disposing"/>.</summary>
    /// <param name="disposing">True when called from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing && _ownsTransport)
        {
            _transport?.Dispose();
        }
    }

    private static SocketsHttpHandler CreateDefaultHandler() => new()
    {
        // Recycle connections so DNS changes of the service are picked up by long-lived processes.
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
        AutomaticDecompression = DecompressionMethods.All,
        ConnectTimeout = TimeSpan.FromSeconds(15),
        AllowAutoRedirect = false,
    };

    private Task<T> GetAsync<T>(string path, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken) =>
        _transport.RunAsync(token => SendForJsonAsync(new ApiRequest(HttpMethod.Get, path, RetryMode.Idempotent), typeInfo, token), cancellationToken);

    private async Task<T> SendForJsonAsync<T>(ApiRequest request, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        using var response = await _transport.SendAsync(request, cancellationToken);
        try
        {
            return await response.Content.ReadFromJsonAsync(typeInfo, cancellationToken)
                ?? throw InvalidAnswer(response, "the body is empty or null", null);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException)
        {
            throw InvalidAnswer(response, ex.Message, ex);
        }
    }

    private static ProvisioningApiException InvalidAnswer(HttpResponseMessage response, string reason, Exception? inner) =>
        new((int)response.StatusCode, ProvisioningApiException.InvalidResponseErrorCode, $"The API's answer could not be read ({reason}).", innerException: inner);

    private async Task SendForNoContentAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        using var response = await _transport.SendAsync(request, cancellationToken);
    }

    private static byte[] Json<T>(T value, JsonTypeInfo<T> typeInfo) => JsonSerializer.SerializeToUtf8Bytes(value, typeInfo);

    private static ProvisioningJsonContext Wire => ProvisioningJsonContext.Wire;
}
