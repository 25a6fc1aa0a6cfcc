using Kakao.Provisioning;

namespace Kakao.Verification.Stack;

/// <summary>Where and how to reach the Provisioning API. The secret never shows in <see cref="ToString"/>.</summary>
internal sealed record SinchConnection(
    string ProjectId,
    Uri Endpoint,
    Uri? AuthEndpoint,
    string KeyId,
    string KeySecret,
    ProvisioningAuthMode AuthMode)
{
    /// <summary>Senders sharing a provider share one client: same endpoint, credentials and project.</summary>
    /// <summary>Where the key id and secret came from, e.g. "the key id (from stack config kakao:keyId) and the key secret (from environment variable SINCH_KEY_SECRET)".</summary>
    public string CredentialOrigin { get; init; } = "the key id and key secret";

    /// <summary>Where the project id came from, e.g. "--project" or "environment variable SINCH_PROJECT_ID".</summary>
    public string ProjectOrigin { get; init; } = "projectId";

    public string ClientKey => $"{Endpoint}|{AuthEndpoint}|{KeyId}|{AuthMode}|{ProjectId}";

    public ProvisioningClientOptions ToOptions(TimeProvider timeProvider)
    {
        var options = new ProvisioningClientOptions
        {
            ProjectId = ProjectId,
            Endpoint = Endpoint,
            KeyId = KeyId,
            KeySecret = KeySecret,
            AuthMode = AuthMode,
            TimeProvider = timeProvider,
        };
        if (AuthEndpoint is not null)
        {
            options.AuthEndpoint = AuthEndpoint;
        }

        return options;
    }

    public override string ToString() =>
        $"SinchConnection {{ ProjectId = {ProjectId}, Endpoint = {Endpoint}, KeyId = {KeyId}, KeySecret = ***, AuthMode = {AuthMode} }}";
}

/// <summary>A setting that is missing or unusable: a usage/configuration error (exit 2).</summary>
/// <param name="message">What is missing or wrong, and where to set it (never a secret value).</param>
public sealed class ConfigurationException(string message) : Exception(message);
