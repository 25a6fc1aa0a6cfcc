namespace Kakao.Provider.Models;

/// <summary>Input the provider cannot act on (bad token, bad function arguments). Maps to InvalidArgument.</summary>
internal sealed class InvalidInputException(string message) : Exception(message);

/// <summary>A resource call arrived before a successful Configure. Maps to FailedPrecondition.</summary>
internal sealed class NotConfiguredException(string message) : Exception(message);

/// <summary>A required object does not exist. Maps to NotFound.</summary>
internal sealed class ObjectNotFoundException(string message) : Exception(message);

/// <summary>The object to create exists already (e.g. a taken plusFriendId). Maps to AlreadyExists.</summary>
internal sealed class ObjectAlreadyExistsException(string message, Exception? innerException = null) : Exception(message, innerException);

/// <summary>The object cannot take this change in its current state. Maps to FailedPrecondition.</summary>
internal sealed class ObjectNotUpdatableException(string message, Exception? innerException = null) : Exception(message, innerException);

/// <summary>Required provider configuration is missing; carries the keys for the CLI's hints.</summary>
internal sealed class MissingConfigurationException(IReadOnlyList<MissingConfigurationKey> keys)
    : Exception("Missing required configuration: " + string.Join(", ", keys.Select(k => k.Name)))
{
    public IReadOnlyList<MissingConfigurationKey> Keys { get; } = keys;
}

/// <summary>A missing configuration key: its fully qualified name (e.g. <c>kakao:keyId</c>) and what it is.</summary>
/// <param name="Name">Qualified key name.</param>
/// <param name="Description">What the key is and where to get it.</param>
internal sealed record MissingConfigurationKey(string Name, string Description);

/// <summary>
/// The object was created but a later step failed: the engine must record <see cref="Id"/> with these
/// properties instead of losing it. The status code follows <see cref="Exception.InnerException"/>.
/// </summary>
internal sealed class ResourceInitFailedException(string id, PropertyMap properties, PropertyMap inputs, IReadOnlyList<string> reasons, Exception innerException)
    : Exception(string.Join("; ", reasons), innerException)
{
    public string Id { get; } = id;

    public PropertyMap Properties { get; } = properties;

    public PropertyMap Inputs { get; } = inputs;

    public IReadOnlyList<string> Reasons { get; } = reasons;
}
