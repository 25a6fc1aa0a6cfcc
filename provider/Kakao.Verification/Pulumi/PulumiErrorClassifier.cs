namespace Kakao.Verification.Pulumi;

/// <summary>
/// Turns a failed <c>pulumi</c> run into a <see cref="PulumiCommandException"/>: quotes the CLI's own
/// <c>error:</c> lines and recognises the failures users fix themselves (login, project, stack, passphrase).
/// </summary>
internal static class PulumiErrorClassifier
{
    public static PulumiCommandException Classify(string command, int exitCode, string stderr, string stdout)
    {
        var text = stderr + "\n" + stdout;
        var errorLines = string.Join(" ", stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => l.StartsWith("error:", StringComparison.OrdinalIgnoreCase)).Take(3));
        var detail = errorLines.Length > 0 ? errorLines : LastLines(stderr);
        bool Has(string s) => text.Contains(s, StringComparison.OrdinalIgnoreCase);

        var (kind, advice) =
            Has("PULUMI_ACCESS_TOKEN") || Has("pulumi login") || Has("not logged in") || Has("no credentials")
                ? (PulumiErrorKind.NotLoggedIn, " The pulumi CLI is not logged in: run `pulumi login` (or set PULUMI_ACCESS_TOKEN / PULUMI_BACKEND_URL).")
            : Has("no Pulumi.yaml") || Has("no project file")
                ? (PulumiErrorKind.NoProject, " Run kakao from the Pulumi project directory or pass --cwd.")
            : Has("PULUMI_CONFIG_PASSPHRASE") || Has("incorrect passphrase")
                ? (PulumiErrorKind.PassphraseRequired, " The stack encrypts secrets with a passphrase: set PULUMI_CONFIG_PASSPHRASE or PULUMI_CONFIG_PASSPHRASE_FILE.")
            : Has("no stack named") || Has("no stack selected") || Has("stack not found")
                ? (PulumiErrorKind.StackNotFound, " Pass --stack with an existing stack (see `pulumi stack ls`).")
            : Has("another update is currently in progress") || Has("[409] Conflict")
                ? (PulumiErrorKind.ConcurrentUpdate, " Another update holds the stack; wait for it or run `pulumi cancel`.")
                : (PulumiErrorKind.CommandFailed, "");
        return new PulumiCommandException(kind, command, exitCode, $"`pulumi {command}` failed with exit code {exitCode}: {detail}{advice}".TrimEnd());
    }

    private static string LastLines(string text) =>
        string.Join(" ", text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).TakeLast(3));
}
