using Kakao.Reliability.Tests.Support;

namespace Kakao.Reliability.Tests.MalformedInput;

/// <summary>
/// Malformed command lines for the <c>kakao</c> driver process: every one exits 2 (usage error) with a
/// message on stderr, no stack trace, and no echo of the key secret passed on the command line.
/// </summary>
[TestFixture]
[Category("MalformedInput")]
public sealed class DriverArgumentTests
{
    private static readonly string[][] Cases =
    [
        [],
        ["bogus"],
        ["senders"],
        ["senders", "register"],
        ["senders", "register", "@a", "@b"],
        ["senders", "register", "@a", "--unknown-flag"],
        ["senders", "register", "@a", "--endpoint", "http://provisioning.example.com", "--project", "p", "--key-id", "k", "--key-secret", Sentinels.KeySecret],
        ["senders", "register", "@a", "--endpoint", "http://10.0.0.1:8080", "--project", "p", "--key-id", "k", "--key-secret", Sentinels.KeySecret],
        ["senders", "register", "@a", "--endpoint", "not a url", "--project", "p", "--key-id", "k", "--key-secret", Sentinels.KeySecret],
        ["senders", "register", "@a", "--endpoint", "ftp://127.0.0.1", "--project", "p", "--key-id", "k", "--key-secret", Sentinels.KeySecret],
        ["senders", "register", "@a", "--auth-endpoint", "http://auth.example.com", "--project", "p", "--key-id", "k", "--key-secret", Sentinels.KeySecret],
        ["senders", "register", "@a", "--auth-mode", "kerberos", "--project", "p", "--key-id", "k", "--key-secret", Sentinels.KeySecret],
        ["senders", "register", "@a", "--project", "p"],
        ["senders", "categories", "--key-secret", Sentinels.KeySecret],
        ["senders", "verify", "@a", "--otp-from", "carrier-pigeon", "--project", "p", "--key-id", "k", "--key-secret", Sentinels.KeySecret, "--endpoint", "http://127.0.0.1:9"],
        ["senders", "verify", "@a", "--otp-from", "prompt", "--project", "p", "--key-id", "k", "--key-secret", Sentinels.KeySecret, "--endpoint", "http://127.0.0.1:9"],
        ["senders", "verify", "@a", "--otp-from", "env:", "--project", "p", "--key-id", "k", "--key-secret", Sentinels.KeySecret, "--endpoint", "http://127.0.0.1:9"],
        ["verify", "--timeout", "soon"],
        ["verify", "--timeout", "-5m"],
        ["verify", "--timeout"],
        ["status", "--interval", "1 fortnight"],
        ["status", "--stack", "dev", "--project", "p"],
        ["status", "--json", "--json", "--watch", "maybe"],
        ["senders", "activities", "@" + new string('x', 20_000), "--endpoint", "http://" + new string('h', 5000)],
        ["senders", "register", "@a\tb", "--endpoint", "http://example.com\u202e"],
    ];

    [Test]
    public async Task Kakao_MalformedArguments_ExitTwoWithMessageAndNoStackTrace()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var results = new DriverResult[Cases.Length];
        using var gate = new SemaphoreSlim(4);
        await Task.WhenAll(Cases.Select(async (args, index) =>
        {
            await gate.WaitAsync(timeout.Token);
            try
            {
                results[index] = await DriverProcess.RunAsync(args, null, timeout.Token);
            }
            finally
            {
                gate.Release();
            }
        }));

        var problems = new List<string>();
        for (int i = 0; i < Cases.Length; i++)
        {
            var result = results[i];
            var line = "kakao " + string.Join(' ', Cases[i].Select(a => a.Length > 40 ? a[..40] + "…" : a));
            if (result.ExitCode != 2)
            {
                problems.Add($"{line}: exit {result.ExitCode}: {result.StandardError}");
            }

            if (string.IsNullOrWhiteSpace(result.StandardError))
            {
                problems.Add($"{line}: no message on stderr");
            }

            if (result.HasStackTrace)
            {
                problems.Add($"{line}: stack trace: {result.StandardError}");
            }

            if ((result.StandardError + result.StandardOutput).Contains(Sentinels.KeySecret, StringComparison.Ordinal))
            {
                problems.Add($"{line}: echoed the key secret");
            }
        }

        await TestContext.Out.WriteLineAsync($"Driver: {Cases.Length} malformed command lines");
        Assert.That(problems, Is.Empty);
    }
}
