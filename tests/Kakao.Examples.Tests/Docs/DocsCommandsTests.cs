using Kakao.Examples.Tests.Checking;

namespace Kakao.Examples.Tests.Docs;

/// <summary>
/// Every shell command in README.md, docs/*.md and examples/*/README.md, checked as far as it can be here (see
/// <see cref="DocsCommandChecker"/>): the docs must run as written.
/// </summary>
[TestFixture]
public class DocsCommandsTests
{
    private static readonly Lazy<string> Root = new(() => Repository.Root);

    private static readonly Lazy<IReadOnlyList<ShellCommand>> AllCommands = new(() =>
        DocumentPaths().SelectMany(path => DocsCommandChecker.FromRoot(ShellBlocks.Commands(path, File.ReadAllText(Path.Combine(Root.Value, path))))).ToArray());

    private static readonly Lazy<DocsCommandChecker> Checker = new(() => new DocsCommandChecker(Root.Value, AllCommands.Value));

    public static IEnumerable<TestCaseData> Documents() =>
        DocumentPaths().Select(path => new TestCaseData(path).SetArgDisplayNames(path));

    private static IEnumerable<string> DocumentPaths() =>
        new[] { "README.md" }
            .Concat(Directory.EnumerateFiles(Path.Combine(Root.Value, "docs"), "*.md")
                .Select(path => "docs/" + Path.GetFileName(path))
                .Order(StringComparer.Ordinal))
            .Concat(Directory.EnumerateDirectories(Path.Combine(Root.Value, "examples"))
                .Where(folder => File.Exists(Path.Combine(folder, "README.md")))
                .Select(folder => $"examples/{Path.GetFileName(folder)}/README.md")
                .Order(StringComparer.Ordinal));

    [TestCaseSource(nameof(Documents))]
    public void Document_ShellCommands_NameProjectsPathsCommandsAndOptionsThatExist(string document)
    {
        var commands = AllCommands.Value.Where(command => command.Document == document).ToList();
        var problems = commands.SelectMany(Checker.Value.Check).Concat(DocsCommandChecker.CheckOrder(commands)).ToList();

        Assert.That(problems, Is.Empty, string.Join(Environment.NewLine, problems));
    }

    [Test]
    public void Documents_Together_HaveCommandsForTheCheckToCheck()
    {
        Assert.Multiple(() =>
        {
            Assert.That(AllCommands.Value.Where(c => c.Words[0] == "kakao"), Is.Not.Empty);
            Assert.That(AllCommands.Value.Where(c => c.Words.Take(2).SequenceEqual(["dotnet", "run"])), Is.Not.Empty);
        });
    }

    [Test]
    public void OutputsOfDocumentedCommands_EveryOne_IsIgnoredByGit()
    {
        var ignore = GitIgnore.Load(Root.Value);

        var tracked = AllCommands.Value
            .SelectMany(command => DocsCommandChecker.OutputsOf(command).Select(output => (command, output)))
            .Where(pair => pair.output.IndexOfAny(['$', '<']) < 0 && !pair.output.StartsWith("../", StringComparison.Ordinal) && !pair.output.StartsWith('/'))
            .Where(pair => !ignore.IsIgnored(pair.output.Contains('.', StringComparison.Ordinal) && !pair.output.StartsWith('.') ? pair.output : pair.output + "/"))
            .Select(pair => $"{pair.command.Where}: writes `{pair.output}`, which .gitignore does not ignore.")
            .ToList();

        Assert.That(tracked, Is.Empty, string.Join(Environment.NewLine, tracked));
    }

    [Test]
    public void AllowList_EveryProgram_IsUsedByADocument()
    {
        var used = AllCommands.Value.SelectMany(command => command.Words.Where(word => !word.Contains('=', StringComparison.Ordinal)).Take(2)).ToHashSet(StringComparer.Ordinal);

        Assert.That(DocsCommandChecker.AllowList.Keys.Where(program => !used.Contains(program)), Is.Empty, "allow-list entries no document needs");
    }
}
