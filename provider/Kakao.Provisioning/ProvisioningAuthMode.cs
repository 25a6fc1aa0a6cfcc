namespace Kakao.Provisioning;

/// <summary>How the client authenticates to the Provisioning API.</summary>
public enum ProvisioningAuthMode
{
    /// <summary><c>Authorization: Basic base64(keyId:keySecret)</c> on every request.</summary>
    Basic,

    /// <summary>OAuth2 client credentials: a bearer token from the auth endpoint, cached and renewed.</summary>
    OAuth2,
}
