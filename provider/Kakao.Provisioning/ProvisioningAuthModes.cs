namespace Kakao.Provisioning;

/// <summary>
/// The text form of <see cref="ProvisioningAuthMode"/> in configuration, options and environment variables:
/// <c>oauth2</c> or <c>basic</c>, case-insensitive.
/// </summary>
public static class ProvisioningAuthModes
{
    /// <summary>The accepted spellings, for messages.</summary>
    public const string Choices = "\"oauth2\" or \"basic\"";

    /// <summary>Reads <paramref name="text"/> (trimmed, any case) as an auth mode.</summary>
    /// <param name="text">The text as the user wrote it.</param>
    /// <param name="mode">The mode, when the text names one.</param>
    public static bool TryParse(string? text, out ProvisioningAuthMode mode)
    {
        switch (text?.Trim().ToUpperInvariant())
        {
            case "OAUTH2":
                mode = ProvisioningAuthMode.OAuth2;
                return true;
            case "BASIC":
                mode = ProvisioningAuthMode.Basic;
                return true;
            default:
                mode = default;
                return false;
        }
    }

    /// <summary>The canonical text of <paramref name="mode"/> (<c>oauth2</c> or <c>basic</c>).</summary>
    /// <param name="mode">The mode.</param>
    public static string ToText(ProvisioningAuthMode mode) => mode switch
    {
        ProvisioningAuthMode.Basic => "basic",
        ProvisioningAuthMode.OAuth2 => "oauth2",
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown auth mode."),
    };
}
