using System.Reflection;
using System.Text.Json;

namespace Kakao.Provider.Schema;

/// <summary>
/// The package schema: what GetSchema returns and what <c>pulumi package add</c> generates SDKs from. It is
/// generated from the records at build time (<see cref="KakaoPackage.SchemaJson"/>; the checked-in
/// <c>schema.json</c> is that text, and a test fails when they differ), stamped with the build's own
/// <c>version</c> and <c>pluginDownloadURL</c>: the engine demands exactly the schema's version of the plugin at
/// run time, so the two must be one value for every build (<c>-p:Version=…</c>). The generated text carries
/// no version for that reason.
/// </summary>
internal static class PackageSchema
{
    /// <summary>The auto-install source written in the checked-in file (the project's own releases).</summary>
    public const string CheckedInDownloadUrl = "github://api.github.com/kakaopulumi/kakaopulumi";

    private const string NameMember = "\"name\": \"kakao\",";
    private const string DownloadUrlMember = "\"pluginDownloadURL\": ";

    /// <summary>The schema JSON text, stamped with this build's version and download URL.</summary>
    public static string Json => Text.Value;

    /// <summary>The plugin's version: MSBuild's <c>$(Version)</c> for this build.</summary>
    public static string Version { get; } = Metadata("PluginVersion") ?? InformationalVersion();

    /// <summary>Where the engine auto-installs the plugin from (<c>$(PluginDownloadUrl)</c>).</summary>
    public static string DownloadUrl { get; } = Metadata("PluginDownloadURL") ?? CheckedInDownloadUrl;

    // Declared after Version and DownloadUrl: static initialisers run in textual order.
    private static readonly Lazy<string> Text = new(() => Stamp(KakaoPackage.SchemaJson, Version, DownloadUrl));

    /// <summary>
    /// The generated schema with <c>version</c> added after <c>name</c> and <c>pluginDownloadURL</c> replaced;
    /// text edits rather than a parse and re-serialise keep the layout byte for byte (and need no reflection).
    /// </summary>
    internal static string Stamp(string checkedIn, string version, string downloadUrl)
    {
        int name = checkedIn.IndexOf(NameMember, StringComparison.Ordinal);
        if (name < 0 || checkedIn.Contains("\n  \"version\":", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("schema.json must start with \"name\": \"kakao\" and carry no version (the build stamps it).");
        }

        int lineEnd = name + NameMember.Length;
        var newline = checkedIn.AsSpan(lineEnd).StartsWith("\r\n") ? "\r\n" : "\n";
        var stamped = checkedIn[..lineEnd] + newline + "  \"version\": " + Quote(version) + "," + checkedIn[lineEnd..];
        return stamped.Replace(DownloadUrlMember + Quote(CheckedInDownloadUrl), DownloadUrlMember + Quote(downloadUrl), StringComparison.Ordinal);
    }

    private static string Quote(string value) => "\"" + JsonEncodedText.Encode(value).Value + "\"";

    private static string? Metadata(string key) => typeof(PackageSchema).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .FirstOrDefault(a => a.Key == key && !string.IsNullOrWhiteSpace(a.Value))?.Value;

    private static string InformationalVersion()
    {
        var informational = typeof(PackageSchema).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.1.0";
        var plus = informational.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? informational : informational[..plus];
    }
}
