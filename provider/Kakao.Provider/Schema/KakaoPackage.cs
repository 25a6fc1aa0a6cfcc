using Kakao.Provider.Typed;

namespace Kakao.Provider.Schema;

/// <summary>
/// The package facts and the provider configuration as the schema documents them (the generator adds
/// <c>SchemaJson</c>, the whole schema). Parsing the configuration is <c>Configuration.ConfigurationParser</c>'s job;
/// this record only describes it.
/// </summary>
[Package(
    "kakao",
    DisplayName = "Sinch KakaoTalk",
    Description = "Manage Sinch KakaoTalk senders (channels) as code with Pulumi.",
    Keywords = ["pulumi", "kakao", "kakaotalk", "sinch", "category/utility", "kind/native"],
    Homepage = "https://github.com/kakaopulumi/kakaopulumi",
    Repository = "https://github.com/kakaopulumi/kakaopulumi",
    License = "Apache-2.0",
    Publisher = "KakaoPulumi",
    PluginDownloadUrl = PackageSchema.CheckedInDownloadUrl,
    ProviderDescription = "The provider for Sinch KakaoTalk senders. Configure it with `kakao:` stack config or the `SINCH_*` environment variables.",
    CSharpRootNamespace = "Pulumi",
    CSharpNamespace = "Kakao",
    CSharpPackageReferences = ["Pulumi=3.*"])]
internal sealed partial record KakaoPackage
{
    [Property("The Sinch project id (Sinch Build dashboard). Falls back to the `SINCH_PROJECT_ID` environment variable.", Example = "pulumi config set kakao:projectId 6bf3a9c2-0d1e-4a5b-9c7d-8e9f0a1b2c3d", Environment = "SINCH_PROJECT_ID")]
    public string? ProjectId { get; init; }

    [Property("The Sinch access key id. Falls back to the `SINCH_KEY_ID` environment variable.", Example = "pulumi config set kakao:keyId 1a2b3c4d-...", Environment = "SINCH_KEY_ID")]
    public string? KeyId { get; init; }

    [Property("The Sinch access key secret. Falls back to the `SINCH_KEY_SECRET` environment variable. Always stored as a secret.", Example = "pulumi config set --secret kakao:keySecret <secret>", Secret = true, Environment = "SINCH_KEY_SECRET")]
    public string? KeySecret { get; init; }

    [Property("Base URL of the Provisioning API. `http://` is accepted only for loopback hosts (the local emulator). Falls back to the `KAKAO_ENDPOINT` environment variable, then to `https://provisioning.api.sinch.com`.", Example = "pulumi config set kakao:endpoint http://127.0.0.1:5005", Environment = "KAKAO_ENDPOINT")]
    public string? Endpoint { get; init; }

    [Property("Base URL of the OAuth2 token service used when `authMode` is `oauth2` (default `https://auth.sinch.com`).", Example = "pulumi config set kakao:authEndpoint https://auth.sinch.com")]
    public string? AuthEndpoint { get; init; }

    [Property("How to authenticate: `oauth2` (the default, as Sinch recommends: a cached bearer token from the auth endpoint) or `basic` (the access key on every request; heavily rate limited by Sinch).", Example = "pulumi config set kakao:authMode basic")]
    public string? AuthMode { get; init; }

    [Property("How many times a failed API call that is safe to repeat (429, 5xx, network failures) is retried with exponential back-off, 0 to 10 (default 4).", Example = "pulumi config set kakao:maxRetries 6")]
    public int? MaxRetries { get; init; }

    [Property("Timeout of one API call including retries, in seconds, at most 3600 (default 120).", Example = "pulumi config set kakao:requestTimeout 60")]
    public double? RequestTimeout { get; init; }
}
