using System.CommandLine;
using System.CommandLine.Parsing;
using Kakao.Cli.Stack;
using Kakao.Cli.Verification;

namespace Kakao.Cli.Commands;

/// <summary>Options shared by several commands.</summary>
internal static class CommonOptions
{
    public static Option<string?> Stack() => new("--stack", "-s") { Description = "The Pulumi stack (default: the selected one)." };

    public static Option<string?> Cwd() => new("--cwd", "-C") { Description = "The Pulumi project directory (default: the current directory)." };

    public static Option<string[]> Senders(string description) =>
        new("--sender") { Description = description, AllowMultipleArgumentsPerToken = true, Arity = ArgumentArity.ZeroOrMore };

    public static Option<bool> Json() => new("--json") { Description = "Write machine-readable JSON to standard output (human lines go to standard error)." };

    public static Option<string?> OtpFrom() => new("--otp-from")
    {
        Description = "Where codes come from: prompt (default, terminals only), env:VAR, file:PATH, stdin, or emulator (the local emulator's phone). A value is a code or plusFriendId=code pairs.",
    };

    public static Option<TimeSpan> Duration(string name, TimeSpan defaultValue, string description) => new(name)
    {
        Description = description,
        DefaultValueFactory = _ => defaultValue,
        CustomParser = ParseDuration,
    };

    private static TimeSpan ParseDuration(ArgumentResult result)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : null;
        if (Durations.TryParse(text, out var value))
        {
            return value;
        }

        result.AddError($"'{text}' is not a duration; use e.g. 90s, 30m, 1h30m.");
        return default;
    }
}

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
    }.WithEnvironmentFallbacks(env).Build("the command line");
}
