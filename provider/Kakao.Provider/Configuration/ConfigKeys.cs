using Kakao.Provisioning;

namespace Kakao.Provider.Configuration;

/// <summary>Names of the provider's configuration keys (namespace <c>kakao:</c>) and their environment fallbacks.</summary>
internal static class ConfigKeys
{
    public const string Namespace = "kakao";

    public const string ProjectId = "projectId";
    public const string KeyId = "keyId";
    public const string KeySecret = "keySecret";
    public const string Endpoint = "endpoint";
    public const string AuthEndpoint = "authEndpoint";
    public const string AuthMode = "authMode";
    public const string MaxRetries = "maxRetries";
    public const string RequestTimeout = "requestTimeout";

    // The environment fallbacks: their names belong to the client library, shared with the kakao driver.
    public const string ProjectIdEnv = ProvisioningEnvironment.ProjectId;
    public const string KeyIdEnv = ProvisioningEnvironment.KeyId;
    public const string KeySecretEnv = ProvisioningEnvironment.KeySecret;
    public const string EndpointEnv = ProvisioningEnvironment.Endpoint;
    public const string AuthEndpointEnv = ProvisioningEnvironment.AuthEndpoint;
    public const string AuthModeEnv = ProvisioningEnvironment.AuthMode;

    public const int MaxRetriesLimit = 10;
    public const double RequestTimeoutLimitSeconds = 3600;

    /// <summary>The fully qualified key, as <c>pulumi config set</c> wants it.</summary>
    public static string Qualified(string key) => $"{Namespace}:{key}";
}
