namespace Kakao.Provisioning;

/// <summary>
/// The environment variables every Kakao tool (the Pulumi plugin and the <c>kakao</c> driver) reads as fallbacks
/// for settings it was not given. This is the one place their names are spelled.
/// </summary>
public static class ProvisioningEnvironment
{
    /// <summary>The Sinch project id.</summary>
    public const string ProjectId = "SINCH_PROJECT_ID";

    /// <summary>The access key id.</summary>
    public const string KeyId = "SINCH_KEY_ID";

    /// <summary>The access key secret.</summary>
    public const string KeySecret = "SINCH_KEY_SECRET";

    /// <summary>The Provisioning API base address (see <see cref="ProvisioningEndpoint"/>).</summary>
    public const string Endpoint = "KAKAO_ENDPOINT";

    /// <summary>The OAuth2 token service base address (see <see cref="ProvisioningEndpoint"/>).</summary>
    public const string AuthEndpoint = "KAKAO_AUTH_ENDPOINT";

    /// <summary>The authentication mode, <c>oauth2</c> or <c>basic</c> (see <see cref="ProvisioningAuthModes"/>).</summary>
    public const string AuthMode = "KAKAO_AUTH_MODE";

    /// <summary>Every name above: what a process must clear to start a tool with no ambient Sinch settings.</summary>
    public static IReadOnlyList<string> All { get; } = [ProjectId, KeyId, KeySecret, Endpoint, AuthEndpoint, AuthMode];
}
