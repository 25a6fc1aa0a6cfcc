using System.Collections.Concurrent;
using Kakao.EngineHarness.Results;

namespace Kakao.EngineHarness.Lifecycle;

/// <summary>The harness's tiny in-memory stack state: URN to recorded resource. Thread-safe.</summary>
public sealed class StackState
{
    private readonly ConcurrentDictionary<string, ResourceState> _resources = new(StringComparer.Ordinal);

    /// <summary>Every recorded resource.</summary>
    public IReadOnlyCollection<ResourceState> Resources => _resources.Values.ToArray();

    /// <summary>The recorded resource for <paramref name="urn"/>, or null.</summary>
    public ResourceState? Find(ResourceUrn urn)
    {
        ArgumentNullException.ThrowIfNull(urn);
        return _resources.GetValueOrDefault(urn.ToString());
    }

    /// <summary>The recorded resource for <paramref name="urn"/>.</summary>
    /// <exception cref="KeyNotFoundException">Nothing is recorded under that URN.</exception>
    public ResourceState Get(ResourceUrn urn) =>
        Find(urn) ?? throw new KeyNotFoundException($"No resource {urn} in the stack state.");

    /// <summary>Records (or replaces) a resource.</summary>
    public void Put(ResourceState resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        _resources[resource.Urn.ToString()] = resource;
    }

    /// <summary>Forgets every resource (a fresh stack).</summary>
    public void Clear() => _resources.Clear();

    /// <summary>Forgets a resource.</summary>
    public bool Remove(ResourceUrn urn)
    {
        ArgumentNullException.ThrowIfNull(urn);
        return _resources.TryRemove(urn.ToString(), out _);
    }
}
