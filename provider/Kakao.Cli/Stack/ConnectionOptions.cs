using System.CommandLine;
using Kakao.Provisioning;

namespace Kakao.Cli.Stack;

/// <summary>The direct-API connection options (<c>--project</c>, <c>--endpoint</c>, ...), with environment fallbacks.</summary>
internal sealed class ConnectionOptions
{
    public Option<string?> Project { get; } = new("--project", "-p") { Description = $"Sinch project id (env {ProvisioningEnvironment.ProjectId})." };

    public Option<string?> Endpoint { get; } = new("--endpoint") { Description = $"Provisioning API base URL (env {ProvisioningEnvironment.Endpoint}; default Sinch production)." };

    public Option<string?> AuthEndpoint { get; } = new("--auth-endpoint") { Description = $"OAuth2 token service base URL (env {ProvisioningEnvironment.AuthEndpoint})." };

    public Option<string?> KeyId { get; } = new("--key-id") { Description = $"Access key id (env {ProvisioningEnvironment.KeyId})." };

    public Option<string?> KeySecret { get; } = new("--key-secret") { Description = $"Access key secret (prefer env {ProvisioningEnvironment.KeySecret}: arguments are visible to other processes)." };

    public Option<string?> AuthMode { get; } = new("--auth-mode") { Description = $"oauth2 (default) or basic (env {ProvisioningEnvironment.AuthMode})." };

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
