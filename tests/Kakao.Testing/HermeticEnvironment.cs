using System.Diagnostics;
using Kakao.Provisioning;

namespace Kakao.Testing;

/// <summary>
/// Starting the plugin or the driver with no ambient Sinch settings: every variable the tools fall back to
/// (<see cref="ProvisioningEnvironment.All"/>) is removed, so only what a test passes (Configure, arguments) counts.
/// </summary>
public static class HermeticEnvironment
{
    /// <summary>An environment overlay clearing every Sinch setting (a null value removes the variable).</summary>
    public static Dictionary<string, string?> NoAmbientSettings() =>
        ProvisioningEnvironment.All.ToDictionary(name => name, string? (_) => null, StringComparer.Ordinal);

    /// <summary>Removes every Sinch setting from <paramref name="info"/>'s environment.</summary>
    public static void Clear(ProcessStartInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        foreach (var name in ProvisioningEnvironment.All)
        {
            info.Environment.Remove(name);
        }
    }
}
