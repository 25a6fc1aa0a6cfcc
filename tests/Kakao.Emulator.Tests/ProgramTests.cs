using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Kakao.Emulator.Tests.Support;

namespace Kakao.Emulator.Tests;

/// <summary>The command-line host: options reach the emulator, bad options exit with 2.</summary>
[TestFixture]
public sealed partial class ProgramTests
{
    [Test]
    public async Task Main_WithOptions_ServesWithGivenKeyReviewModeAndDataFile()
    {
        string file = Path.Combine(Path.GetTempPath(), $"emu-cli-{Guid.NewGuid():N}.json");
        using var process = Start("--urls", "http://127.0.0.1:0", "--data", file, "--review", "manual", "--key-id", "cli-key", "--key-secret", "cli-secret");
        try
        {
            var baseAddress = await ReadBaseAddressAsync(process);
            using var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(10) };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("cli-key:cli-secret")));

            using var create = await client.PostAsync(EmulatorHarness.Senders("cli"), EmulatorHarness.JsonContent(EmulatorHarness.SampleCreateBody()));
            using var get = await client.GetAsync(EmulatorHarness.Sender("cli"));
            string sender = await get.Content.ReadAsStringAsync();

            Assert.Multiple(() =>
            {
                Assert.That(create.StatusCode, Is.EqualTo(HttpStatusCode.Created));
                Assert.That(sender, Does.Contain("\"IN_PROGRESS\""), "manual review keeps the submission in progress");
                Assert.That(File.ReadAllText(file), Does.Contain("@sinch-demo"));
            });
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            File.Delete(file);
        }
    }

    [Test]
    public async Task DotnetRun_RelativeDataFile_IsWrittenWhereTheCommandRanAndNamedInFull()
    {
        // The documented `dotnet run --project provider/Kakao.Emulator -- --data state.json`, run from the root:
        // the Web SDK's default would run the emulator in its project folder and put state.json there.
        string folder = Directory.CreateTempSubdirectory("emu-run-").FullName;
        using var process = StartDotnetRun(folder, "--urls", "http://127.0.0.1:0", "--data", "state.json");
        try
        {
            var (baseAddress, line) = await ReadListeningLineAsync(process);
            using var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(10) };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("emulator-key:emulator-secret")));
            using var create = await client.PostAsync(EmulatorHarness.Senders("cli"), EmulatorHarness.JsonContent(EmulatorHarness.SampleCreateBody()));

            Assert.Multiple(() =>
            {
                Assert.That(create.StatusCode, Is.EqualTo(HttpStatusCode.Created));
                Assert.That(Path.Combine(folder, "state.json"), Does.Exist);
                Assert.That(line, Does.Contain($"data {Path.Combine(folder, "state.json")})"), "the start-up line names the file in full");
            });
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public async Task Main_DataFileOfAnotherProgram_ExitsWith1SayingWhyAndLeavesItUntouched()
    {
        string file = Path.Combine(Path.GetTempPath(), $"emu-cli-{Guid.NewGuid():N}-package.json");
        const string content = """{"name": "my-app", "version": "1.0.0", "dependencies": {}}""";
        File.WriteAllText(file, content);
        try
        {
            using var process = Start("--urls", "http://127.0.0.1:0", "--data", file);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            string stderr = await process.StandardError.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);

            Assert.Multiple(() =>
            {
                Assert.That(process.ExitCode, Is.EqualTo(1));
                Assert.That(stderr, Does.Contain("is not an emulator state file").And.Not.Contain("   at "));
                Assert.That(File.ReadAllText(file), Is.EqualTo(content));
            });
        }
        finally
        {
            File.Delete(file);
        }
    }

    [TestCase("--review", "sometimes")]
    [TestCase("--unknown", "x")]
    [TestCase("--urls")]
    [TestCase("--review-delay", "-1")]
    [TestCase("--deleted-senders", "sometimes")]
    public async Task Main_BadOptions_ExitsWith2(params string[] args)
    {
        using var process = Start(args);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);

        Assert.That(process.ExitCode, Is.EqualTo(2));
    }

    [Test]
    public async Task Main_Help_ListsEveryOptionWithItsValueAndTheExitCodes()
    {
        using var process = Start("--help");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        string help = await process.StandardOutput.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);

        Assert.Multiple(() =>
        {
            Assert.That(process.ExitCode, Is.EqualTo(0));
            foreach (var option in new[] { "--urls <URLS>", "--data <FILE>", "--key-id <ID>", "--key-secret <SECRET>", "--review <approve|reject|manual>", "--review-delay <SECONDS>", "--review-comment <TEXT>", "--deleted-senders <gone|retained>" })
            {
                Assert.That(help, Does.Contain(option));
            }

            Assert.That(help, Does.Contain("Exit codes: 0 stopped, 1 could not start, 2 bad options, 3 the listen address is already in use."));
        });
    }

    [Test]
    public async Task Main_PortAlreadyInUse_PrintsOneClearLineAndExitsWith3()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        using var process = Start("--urls", $"http://127.0.0.1:{port}");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var reading = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = await process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        var everything = await reading + error;

        Assert.Multiple(() =>
        {
            Assert.That(process.ExitCode, Is.EqualTo(3));
            Assert.That(error.TrimEnd().Split('\n'), Has.Length.EqualTo(1), everything);
            Assert.That(error, Does.Contain($"http://127.0.0.1:{port} is already in use").And.Contain("--urls"));
            Assert.That(everything, Does.Not.Contain("   at ").And.Not.Contain("Exception"), "no stack trace");
        });
    }

    private static Process Start(params string[] args)
    {
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(TestContext.CurrentContext.TestDirectory, "Kakao.Emulator.dll"));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        return Process.Start(info)!;
    }

    // `dotnet run --no-build` of the emulator project (built by this project's reference, same configuration) in folder.
    private static Process StartDotnetRun(string folder, params string[] args)
    {
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = folder,
        };
        string configuration = new DirectoryInfo(TestContext.CurrentContext.TestDirectory).Parent!.Name;
        foreach (var arg in new[] { "run", "--no-build", "-c", configuration, "--project", Path.Combine(Kakao.Testing.RepositoryRoot.Find(), "provider", "Kakao.Emulator"), "--" }.Concat(args))
        {
            info.ArgumentList.Add(arg);
        }

        return Process.Start(info)!;
    }

    private static async Task<Uri> ReadBaseAddressAsync(Process process) => (await ReadListeningLineAsync(process)).BaseAddress;

    private static async Task<(Uri BaseAddress, string Line)> ReadListeningLineAsync(Process process)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (ListeningLine().Match(line) is { Success: true } match)
            {
                return (new Uri(match.Groups[1].Value), line);
            }
        }

        throw new InvalidOperationException("The emulator exited before listening: " + await process.StandardError.ReadToEndAsync(timeout.Token));
    }

    [GeneratedRegex(@"listening on (http://\S+/)")]
    private static partial Regex ListeningLine();
}
