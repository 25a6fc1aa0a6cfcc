using System.CommandLine;

namespace Kakao.Cli.Stack;

/// <summary>The direct-API connection options (<c>--project</c>, <c>--endpoint</c>, ...), with environment fallbacks.</summary>
internal sealed class ConnectionOptions
{
    public Option<string?> Project { get; } = new("--project", "-p") { Description = "Sinch project id (env SINCH_PROJECT_ID)." };

    public Option<string?> Endpoint { get; } = new("--endpoint") { Description = "Provisioning API base URL (env KAKAO_ENDPOINT; default Sinch production)." };

    public Option<string?> AuthEndpoint { get; } = new("--auth-endpoint") { Description = "OAuth2 token service base URL (env KAKAO_AUTH_ENDPOINT)." };

    public Option<string?> KeyId { get; } = new("--key-id") { Description = "Access key id (env SINCH_KEY_ID)." };

    public Option<string?> KeySecret { get; } = new("--key-secret") { Description = "Access key secret (prefer env SINCH_KEY_SECRET: arguments are visible to other processes)." };

    public Option<string?> AuthMode { get; } = new("--auth-mode") { Description = "oauth2 (default) or basic (env KAKAO_AUTH_MODE)." };

    public void AddTo(Command command)
    {
        foreach (var option in new[] { Project, Endpoint, AuthEndpoint, KeyId, KeySecret, AuthMode })
        {
            command.Options.Add(option);
        }
    }

    public SinchConnection Resolve(ParseResult result, Func<string, string?> env) => new ConnectionSettings
    {
        ProjectId = result.GetValue(Project),
        Endpoint = result.GetValue(Endpoint),
        AuthEndpoint = result.GetValue(AuthEndpoint),
        KeyId = result.GetValue(KeyId),
        KeySecret = result.GetValue(KeySecret),
        AuthMode = result.GetValue(AuthMode),
        ProjectIdOrigin = "--project",
        KeyIdOrigin = "--key-id",
        KeySecretOrigin = "--key-secret",
    }.WithEnvironmentFallbacks(env).Build("the command line");
}
