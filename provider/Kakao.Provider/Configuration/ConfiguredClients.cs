using System.Collections.Concurrent;
using Kakao.Provider.Models;
using Kakao.Provisioning;

namespace Kakao.Provider.Configuration;

/// <summary>
/// The plugin's current configuration and the Provisioning clients made from it: one for the configured
/// project, one per project a resource overrides. A client is created on first use, never during Configure, so
/// configuring makes no network call; a new configuration drops them all.
/// </summary>
internal sealed class ConfiguredClients(Func<ProvisioningClientOptions, ProvisioningClient> factory) : IDisposable
{
    private readonly Lock _gate = new();
    private Lazy<ProvisioningClient>? _client;
    private ProviderConfiguration? _configuration;
    private ConcurrentDictionary<string, ProvisioningClient> _perProject = new(StringComparer.Ordinal);

    /// <summary>Creates real clients.</summary>
    public static ConfiguredClients Default() => new(options => new ProvisioningClient(options));

    /// <summary>The effective configuration, or null before Configure (or while it holds unknowns).</summary>
    public ProviderConfiguration? Configuration
    {
        get
        {
            lock (_gate)
            {
                return _configuration;
            }
        }
    }

    /// <summary>Replaces the configuration; clients are created anew on next use.</summary>
    public void Configure(ProviderConfiguration? configuration)
    {
        lock (_gate)
        {
            _configuration = configuration;
            _client = configuration is null ? null : new Lazy<ProvisioningClient>(() => factory(configuration.ToClientOptions()), LazyThreadSafetyMode.ExecutionAndPublication);
            _perProject = new(StringComparer.Ordinal);
        }
    }

    /// <summary>The client for <paramref name="projectId"/> (null = the configured project).</summary>
    public ProvisioningClient GetClient(string? projectId = null)
    {
        Lazy<ProvisioningClient>? lazy;
        ConcurrentDictionary<string, ProvisioningClient> perProject;
        ProviderConfiguration? configuration;
        lock (_gate)
        {
            lazy = _client;
            perProject = _perProject;
            configuration = _configuration;
        }

        if (lazy is null || configuration is null)
        {
            throw new NotConfiguredException("The kakao provider is not configured yet (its configuration is missing or not known until the update runs).");
        }

        ProvisioningClient client;
        try
        {
            client = lazy.Value;
        }
        catch (ArgumentException ex)
        {
            throw new InvalidInputException($"Invalid kakao provider configuration: {ex.Message}");
        }

        if (string.IsNullOrEmpty(projectId) || projectId == configuration.ProjectId)
        {
            return client;
        }

        return perProject.GetOrAdd(projectId, client.ForProject);
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_client is { IsValueCreated: true })
            {
                _client.Value.Dispose();
            }

            _client = null;
        }
    }
}
