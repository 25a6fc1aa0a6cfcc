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
        Description = "Where codes come from: prompt (default, terminals only), env:VAR, file:PATH or stdin. A value is a code or plusFriendId=code pairs.",
    };

    public static Option<DurationValue> Duration(string name, TimeSpan defaultValue, string description) => new(name)
    {
        Description = description,
        DefaultValueFactory = _ => new DurationValue(defaultValue),
        CustomParser = ParseDuration,
    };

    private static DurationValue ParseDuration(ArgumentResult result)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : null;
        if (Durations.TryParse(text, out var value))
        {
            return new DurationValue(value);
        }

        result.AddError($"'{text}' is not a duration; use e.g. 90s, 30m, 1h30m.");
        return default;
    }
}
