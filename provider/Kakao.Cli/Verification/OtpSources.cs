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

        throw new Stack.ConfigurationException($"Unknown --otp-from '{text}': use prompt, env:VAR, file:PATH or stdin.");
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

/// <summary>A person types the code at a masked prompt.</summary>
internal sealed class PromptOtpSource(IConsoleIO console) : IOtpSource
{
    public string Description => "the prompt";

    public bool CanRetry => true;

    public bool CanSupplyCodes => true;

    public bool FixedBeforeRun => false;

    public async Task<OtpRead> ReadAsync(string plusFriendId, CancellationToken cancellationToken)
    {
        while (true)
        {
            var answer = await console.PromptSecretAsync($"Code sent to the admin phone of {plusFriendId} (empty to skip):", cancellationToken).ConfigureAwait(false);
            if (answer is null)
            {
                return OtpRead.Missing("no code was entered");
            }

            if (OtpCode.TryParse(answer, out var code))
            {
                return OtpRead.Of(code);
            }

            console.Warn("That is not a 6-digit code; try again.");
        }
    }
}

/// <summary>CI without <c>--otp-from</c>: there is nobody to ask.</summary>
internal sealed class NoOtpSource : IOtpSource
{
    public string Description => "no code source";

    public bool CanRetry => false;

    public bool CanSupplyCodes => false;

    public bool FixedBeforeRun => true;

    public Task<OtpRead> ReadAsync(string plusFriendId, CancellationToken cancellationToken) =>
        Task.FromResult(OtpRead.Missing("no code source: not a terminal, so pass --otp-from env:VAR, file:PATH or stdin"));
}

/// <summary>The code (or <c>id=code</c> pairs) in an environment variable, e.g. mapped from a secret store.</summary>
internal sealed class EnvOtpSource(string variable, Func<string, string?> env) : IOtpSource
{
    public string Description => $"environment variable {variable}";

    public bool CanRetry => false;

    public bool CanSupplyCodes => true;

    public bool FixedBeforeRun => true;

    public Task<OtpRead> ReadAsync(string plusFriendId, CancellationToken cancellationToken) =>
        Task.FromResult(env(variable) is { } value ? OtpSources.Pick(value, plusFriendId, Description) : OtpRead.Missing($"{Description} is not set"));
}

/// <summary>The code (or <c>id=code</c> lines) in a file, e.g. a mounted secret; read when needed.</summary>
internal sealed class FileOtpSource(string path) : IOtpSource
{
    public string Description => $"file {path}";

    public bool CanRetry => false;

    public bool CanSupplyCodes => true;

    public bool FixedBeforeRun => false;

    public async Task<OtpRead> ReadAsync(string plusFriendId, CancellationToken cancellationToken)
    {
        try
        {
            var text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
            return OtpSources.Pick(text, plusFriendId, Description);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return OtpRead.Missing($"{Description} cannot be read ({ex.GetType().Name})");
        }
    }
}

/// <summary>One line per code on standard input (a plain code or <c>id=code</c>), e.g. piped from a tool.</summary>
internal sealed class StdinOtpSource(TextReader stdin) : IOtpSource
{
    public string Description => "standard input";

    public bool CanRetry => false;

    public bool CanSupplyCodes => true;

    public bool FixedBeforeRun => false;

    public async Task<OtpRead> ReadAsync(string plusFriendId, CancellationToken cancellationToken)
    {
        var line = await stdin.ReadLineAsync(cancellationToken).ConfigureAwait(false);
        return line is null ? OtpRead.Missing("standard input ended before a code was read") : OtpSources.Pick(line, plusFriendId, Description);
    }
}
