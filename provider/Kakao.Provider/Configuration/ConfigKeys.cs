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

    public const string ProjectIdEnv = "SINCH_PROJECT_ID";
    public const string KeyIdEnv = "SINCH_KEY_ID";
    public const string KeySecretEnv = "SINCH_KEY_SECRET";
    public const string EndpointEnv = "KAKAO_ENDPOINT";

    public const int MaxRetriesLimit = 10;
    public const double RequestTimeoutLimitSeconds = 3600;

    /// <summary>The fully qualified key, as <c>pulumi config set</c> wants it.</summary>
    public static string Qualified(string key) => $"{Namespace}:{key}";
}
