using Kakao.Cli.Terminal;

namespace Kakao.Cli.Verification;

/// <summary>Parses <c>--otp-from</c> and builds the matching source.</summary>
internal static class OtpSources
{
    public static IOtpSource Create(string? spec, IConsoleIO console, Func<string, string?> env, TextReader stdin)
    {
        var text = (spec ?? "prompt").Trim();
        if (text.Equals("prompt", StringComparison.OrdinalIgnoreCase))
        {
            return console.IsInteractive ? new PromptOtpSource(console) : new NoOtpSource();
        }

        if (text.Equals("stdin", StringComparison.OrdinalIgnoreCase))
        {
            return new StdinOtpSource(stdin);
        }

        if (text.StartsWith("env:", StringComparison.OrdinalIgnoreCase) && text.Length > 4)
        {
            return new EnvOtpSource(text[4..], env);
        }

        if (text.StartsWith("file:", StringComparison.OrdinalIgnoreCase) && text.Length > 5)
        {
            return new FileOtpSource(text[5..]);
        }

        throw new ConfigurationException($"Unknown --otp-from '{text}': use prompt, env:VAR, file:PATH or stdin.");
    }
}
