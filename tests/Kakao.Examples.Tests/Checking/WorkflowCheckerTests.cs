namespace Kakao.Examples.Tests.Checking;

[TestFixture]
public class WorkflowCheckerTests
{
    private static readonly HashSet<string> ExistingPaths = new(StringComparer.Ordinal)
    {
        "provider", "provider/Kakao.Cli", "provider/Kakao.Quickstart", "provider/Kakao.Provider", ".ci", ".ci/run", "examples", "examples/csharp",
        "KakaoPulumi.sln",
    };

    private const string ValidWorkflow = """
        name: sample
        on:
          push:
            paths: ["provider/**"]
        jobs:
          build:
            runs-on: ubuntu-latest
            steps:
              - uses: actions/checkout@v4
              - run: bash .ci/run
              - run: dotnet run --project provider/Kakao.Quickstart
              - run: dotnet publish provider/Kakao.Provider -o provider/Kakao.Provider/bin/out
              - working-directory: examples/csharp
                run: ls sdks/kakao && dotnet test KakaoPulumi.sln
        """;

    private static IReadOnlyList<string> Check(string workflow) =>
        new WorkflowChecker(ExistingPaths.Contains).Check(YamlFile.ParseMapping(workflow));

    [Test]
    public void Check_WorkflowMentioningExistingPaths_ReportsNothing()
    {
        Assert.That(Check(ValidWorkflow), Is.Empty);
    }

    [Test]
    public void Check_MissingProjectPath_ReportsPathAndLine()
    {
        var problems = Check(ValidWorkflow.Replace("provider/Kakao.Quickstart", "provider/Kakao.Driver", StringComparison.Ordinal));

        Assert.That(problems, Has.Count.EqualTo(1));
        Assert.That(problems[0], Does.Contain("'provider/Kakao.Driver'").And.StartWith("line 11"));
    }

    [Test]
    public void Check_MissingScript_ReportsIt()
    {
        Assert.That(Check(ValidWorkflow.Replace(".ci/run", ".ci/build", StringComparison.Ordinal)), Has.One.Contains("'.ci/build'"));
    }

    [Test]
    public void Check_UnpinnedAction_ReportsIt()
    {
        Assert.That(Check(ValidWorkflow.Replace("actions/checkout@v4", "actions/checkout", StringComparison.Ordinal)),
            Has.One.Contains("must name a version"));
    }

    [Test]
    public void Check_StepWithBothUsesAndRun_ReportsIt()
    {
        var workflow = ValidWorkflow.Replace("- uses: actions/checkout@v4", "- uses: actions/checkout@v4\n        run: echo", StringComparison.Ordinal);

        Assert.That(Check(workflow), Has.One.Contains("exactly one of 'uses' and 'run'"));
    }

    [Test]
    public void Check_NoJobs_ReportsIt()
    {
        Assert.That(Check("on: push\njobs: {}\n"), Has.One.Contains("at least one job"));
    }

    [Test]
    public void Check_RelativePathFromWorkingDirectory_ResolvedAgainstRepositoryRoot()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Check(ValidWorkflow.Replace("ls sdks/kakao", "ls ../../provider/Kakao.Cli", StringComparison.Ordinal)), Is.Empty);
            Assert.That(Check(ValidWorkflow.Replace("ls sdks/kakao", "ls ../../provider/Kakao.Driver", StringComparison.Ordinal)),
                Has.One.Contains("'provider/Kakao.Driver'"));
        });
    }

    [TestCase("dotnet test tests/Kakao.Cli.Tests/", "tests/Kakao.Cli.Tests")]
    [TestCase("cp provider/Kakao.Provider/bin/Release/x .", "provider/Kakao.Provider")]
    [TestCase("tar -C artifacts/plugin-${{ matrix.rid }} .", "")]
    [TestCase("see https://github.com/owner/repo/provider/x", "")]
    [TestCase("files: examples/*.yml", "examples")]
    [TestCase("run KakaoPulumi.sln.", "KakaoPulumi.sln")]
    public void MentionedPaths_Text_YieldsCheckablePrefix(string text, string expected)
    {
        var paths = WorkflowChecker.MentionedPaths(text).ToList();

        Assert.That(paths, expected.Length == 0 ? Is.Empty : Is.EqualTo(new[] { expected }));
    }
}
