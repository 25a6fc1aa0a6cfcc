using System.Reflection;

namespace Kakao.Provider.Schema;

/// <summary>
/// The package schema (<c>schema.json</c> beside the project, embedded at build time): what GetSchema returns
/// and what <c>pulumi package add</c> generates SDKs from.
/// </summary>
internal static class PackageSchema
{
    private const string ResourceName = "Kakao.Provider.schema.json";

    private static readonly Lazy<string> Text = new(Load);

    /// <summary>The schema JSON text.</summary>
    public static string Json => Text.Value;

    private static string Load()
    {
        using var stream = typeof(PackageSchema).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The plugin's version (the assembly's informational version without build metadata).</summary>
    public static string Version { get; } = ReadVersion();

    private static string ReadVersion()
    {
        var informational = typeof(PackageSchema).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.1.0";
        var plus = informational.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? informational : informational[..plus];
    }
}
