using Kakao.Examples.Tests.Checking;

namespace Kakao.Examples.Tests.Docs;

/// <summary>The docs check on made-up documents: each kind of defect is found and named.</summary>
[TestFixture]
public class DocsCommandCheckerTests
{
    private static readonly Lazy<string> Root = new(() => Repository.Root);

    private static IReadOnlyList<string> Check(string markdown)
    {
        var commands = ShellBlocks.Commands("docs/made-up.md", markdown);
        var checker = new DocsCommandChecker(Root.Value, commands);
        return commands.SelectMany(checker.Check).ToList();
    }

    private static string Block(string commands) => $"Text.\n\n```bash\n{commands}\n```\n";

    [Test]
    public void Split_QuotesContinuationsCommentsAndOperators_GiveOneCommandEach()
    {
        var commands = ShellBlocks.Commands("d.md", Block("dotnet run --project provider/Kakao.Cli -- \\\n  status --json  # a comment\nE=x; curl -d '{\"a\": \"b c\"}' \"$E/v1\" && kakao --help | cat > out.txt"));

        Assert.Multiple(() =>
        {
            Assert.That(commands.Select(c => string.Join(' ', c.Words)), Is.EqualTo(new[]
            {
                "dotnet run --project provider/Kakao.Cli -- status --json",
                "E=x",
                "curl -d {\"a\": \"b c\"} $E/v1",
                "kakao --help",
                "cat",
            }));
            Assert.That(commands.Select(c => c.Line), Is.EqualTo(new[] { 4, 6, 6, 6, 6 }));
        });
    }

    [Test]
    public void Split_ConsoleBlock_TakesOnlyPromptLines()
    {
        var commands = ShellBlocks.Commands("d.md", "```console\n$ kakao status\nSTATUS  ACTIVE\n```\n```\nkakao not-a-command\n```\n");

        Assert.That(commands.Select(c => string.Join(' ', c.Words)), Is.EqualTo(new[] { "kakao status" }));
    }

    [Test]
    public void Check_ExistingProjectsPathsAndCommands_FindsNothing()
    {
        var problems = Check(Block(
            "dotnet test KakaoPulumi.sln\n" +
            "dotnet run --project provider/Kakao.Emulator -- --urls http://127.0.0.1:5080 --review manual\n" +
            "dotnet publish provider/Kakao.Provider -c Release -o dist/kakao\n" +
            "tar -C dist/kakao -czf plugin.tar.gz pulumi-resource-kakao\n" +
            "kakao senders register @sinch-demo --project p --json\n" +
            "kakao --version\n" +
            "pulumi up --yes"));

        Assert.That(problems, Is.Empty, string.Join(Environment.NewLine, problems));
    }

    [TestCase("dotnet test tests/Kakao.NoSuch.Tests", "`tests/Kakao.NoSuch.Tests` is not a project")]
    [TestCase("dotnet run --project provider/Kakao.Nope -- --help", "`provider/Kakao.Nope` is not a project")]
    [TestCase("cat docs/no-such-page.md", "`cat` is a program this check does not know")]
    [TestCase("cd examples/no-such-example", "`examples/no-such-example` does not exist in the repository")]
    [TestCase("KAKAO_PLUGIN_PATH=$PWD/artifacts/aot/pulumi-resource-kakao dotnet test tests/Kakao.Provider.Tests", "`artifacts/aot/pulumi-resource-kakao` is used, but no command in README.md or docs/ writes it")]
    [TestCase("kakao senders frobnicate @x", "`kakao senders` has no command `frobnicate`")]
    [TestCase("kakao status --no-such-flag", "`kakao status` has no option `--no-such-flag`")]
    [TestCase("dotnet run --project provider/Kakao.Cli -- verify --stak dev", "`kakao verify` has no option `--stak`")]
    [TestCase("dotnet run --project provider/Kakao.Emulator -- --port 5080", "the emulator has no option `--port`")]
    [TestCase("dotnet tool install --global --add-source nupkg Kakao.Nope", "no project under provider/ has <PackageId>Kakao.Nope</PackageId>")]
    public void Check_Defect_IsNamedWithDocumentAndLine(string command, string expected)
    {
        var problems = Check(Block("dotnet pack provider/Kakao.Cli -o nupkg\n" + command));

        Assert.That(problems, Has.Some.Contain(expected).And.Some.StartWith("docs/made-up.md:5: `"), string.Join(Environment.NewLine, problems));
    }

    [TestCase("dotnet run --project ../../provider/Kakao.Cli -- verify --stak dev", "`kakao verify` has no option `--stak`")]
    [TestCase("dotnet run --project ../../provider/Kakao.Nope -- --help", "`provider/Kakao.Nope` is not a project")]
    [TestCase("cat ../../docs/no-such-page.md", "`docs/no-such-page.md` does not exist in the repository")]
    public void Check_RelativePathAfterCdIntoTheRepository_IsCheckedFromTheRoot(string command, string expected)
    {
        var commands = DocsCommandChecker.FromRoot(ShellBlocks.Commands("docs/made-up.md", Block("cd examples/csharp\n" + command)));
        var checker = new DocsCommandChecker(Root.Value, commands);

        var problems = commands.SelectMany(checker.Check).ToList();

        Assert.That(problems, Has.Some.Contain(expected), string.Join(Environment.NewLine, problems));
    }

    [Test]
    public void FromRoot_WordsLeavingTheRepositoryOrNotRelative_StayAsWritten()
    {
        var commands = DocsCommandChecker.FromRoot(ShellBlocks.Commands("d.md", Block("cd examples/csharp\ncp ../../../elsewhere sdks/kakao ./Program.cs ../import")));

        Assert.That(commands[1].Words, Is.EqualTo(new[] { "cp", "../../../elsewhere", "sdks/kakao", "examples/csharp/Program.cs", "examples/import" }));
    }

    [Test]
    public void CheckOrder_CallRightAfterABackgroundStart_IsNamed()
    {
        var commands = ShellBlocks.Commands("docs/made-up.md", Block(
            "dotnet run --project provider/Kakao.Emulator -- --urls http://127.0.0.1:5080 &\nE=http://127.0.0.1:5080\ncurl -s $E/_emulator/review-policy"));

        var problems = DocsCommandChecker.CheckOrder(commands).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(commands.Select(c => c.Background), Is.EqualTo(new[] { true, false, false }));
            Assert.That(problems, Has.Count.EqualTo(1));
            Assert.That(problems[0], Does.StartWith("docs/made-up.md:6: `curl -s $E/_emulator/review-policy`: runs right after `dotnet run --project provider/Kakao.Emulator"));
        });
    }

    [TestCase("curl -s --retry 30 --retry-connrefused --retry-delay 1 -o /dev/null http://127.0.0.1:5080/_emulator/review-policy\ncurl -s http://127.0.0.1:5080/v1")]
    [TestCase("dotnet publish provider/Kakao.Provider -c Release -o .pulumi-local/plugin\ncurl -s http://127.0.0.1:5080/v1")]
    public void CheckOrder_WaitOrOtherWorkAfterABackgroundStart_FindsNothing(string then)
    {
        var commands = ShellBlocks.Commands("docs/made-up.md", Block("dotnet run --project provider/Kakao.Emulator &\n" + then + "\nsleep 1 && kakao status 2>&1"));

        Assert.That(DocsCommandChecker.CheckOrder(commands), Is.Empty);
    }

    [Test]
    public void GitIgnore_Patterns_MatchFoldersFilesAndAnchors()
    {
        var ignore = new GitIgnore(["dist/", "*.tar.gz", "/Pulumi.quickstart.yaml", ".pulumi-local/"]);

        Assert.Multiple(() =>
        {
            Assert.That(ignore.IsIgnored("dist/kakao/"), Is.True);
            Assert.That(ignore.IsIgnored("examples/yaml/.pulumi-local/plugin/"), Is.True);
            Assert.That(ignore.IsIgnored("x-v0.1.0-linux-amd64.tar.gz"), Is.True);
            Assert.That(ignore.IsIgnored("Pulumi.quickstart.yaml"), Is.True);
            Assert.That(ignore.IsIgnored("examples/Pulumi.quickstart.yaml"), Is.False);
            Assert.That(ignore.IsIgnored("nupkg/"), Is.False);
        });
    }
}
