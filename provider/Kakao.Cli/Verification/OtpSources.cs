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

        if (text.Equals("emulator", StringComparison.OrdinalIgnoreCase))
        {
            return new EmulatorOtpSource();
        }

        if (text.StartsWith("env:", StringComparison.OrdinalIgnoreCase) && text.Length > 4)
        {
            return new EnvOtpSource(text[4..], env);
        }

        if (text.StartsWith("file:", StringComparison.OrdinalIgnoreCase) && text.Length > 5)
        {
            return new FileOtpSource(text[5..]);
        }

        throw new Stack.ConfigurationException($"Unknown --otp-from '{text}': use prompt, env:VAR, file:PATH, stdin or emulator.");
    }

    /// <summary>
    /// Picks the code for one sender from a value holding either a single code (every sender) or lines / commas
    /// of <c>plusFriendId=code</c> pairs.
    /// </summary>
    public static OtpRead Pick(string? value, string plusFriendId, string description)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return OtpRead.Missing($"{description} is empty");
        }

        var entries = value.Split(['\n', ',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        string? candidate = null;
        foreach (var entry in entries)
        {
            var eq = entry.IndexOf('=', StringComparison.Ordinal);
            if (eq < 0)
            {
                candidate ??= entry;
            }
            else if (entry[..eq].Trim().Equals(plusFriendId, StringComparison.Ordinal))
            {
                candidate = entry[(eq + 1)..];
                break;
            }
        }

        if (candidate is null)
        {
            return OtpRead.Missing($"{description} holds no code for {plusFriendId}");
        }

        return OtpCode.TryParse(candidate, out var code) ? OtpRead.Of(code) : OtpRead.Missing($"{description} does not hold a 6-digit code");
    }
}
