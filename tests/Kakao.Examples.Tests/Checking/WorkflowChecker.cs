using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Kakao.Examples.Tests.Checking;

/// <summary>
/// Checks a GitHub Actions workflow: its shape (on + jobs with steps), pinned actions, and that every
/// repository path it mentions (project folders, scripts, files) exists, so a renamed project breaks a test
/// instead of a release.
/// </summary>
internal sealed partial class WorkflowChecker(Func<string, bool> repositoryPathExists)
{
    // Path segments that builds and tools create; a path is checked only up to the first of them.
    private static readonly HashSet<string> GeneratedSegments = new(StringComparer.Ordinal)
    {
        "bin", "obj", "artifacts", "TestResults", "sdks",
    };

    public IReadOnlyList<string> Check(YamlMappingNode workflow)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        var problems = new List<string>();
        if (workflow.Child("on") is null)
        {
            problems.Add($"{workflow.Where()}: a workflow needs 'on' (its triggers).");
        }

        if (workflow.Child("jobs") is not YamlMappingNode { Children.Count: > 0 } jobs)
        {
            problems.Add($"{workflow.Where()}: a workflow needs at least one job under 'jobs'.");
            return problems;
        }

        foreach (var (jobName, job) in jobs.Children)
        {
            CheckJob(jobName.KeyText(), job, problems);
        }

        foreach (var scalar in Scalars(workflow))
        {
            foreach (var path in MentionedPaths(scalar.Value ?? ""))
            {
                if (!repositoryPathExists(path))
                {
                    problems.Add($"{scalar.Where()}: '{path}' does not exist in the repository.");
                }
            }
        }

        return problems;
    }

    /// <summary>The repository paths a text mentions, cut before wildcards, variables and generated folders.</summary>
    public static IEnumerable<string> MentionedPaths(string text)
    {
        foreach (Match match in RepositoryPath().Matches(text))
        {
            var kept = new List<string>();
            foreach (var segment in match.Value.Split('/', StringSplitOptions.RemoveEmptyEntries))
            {
                if (GeneratedSegments.Contains(segment) || segment.IndexOfAny(['*', '$', '{', '?']) >= 0)
                {
                    break;
                }

                kept.Add(segment);
            }

            var path = string.Join('/', kept).TrimEnd('.', ',', ';', ':');
            if (path.Length > 0)
            {
                yield return path;
            }
        }
    }

    private void CheckJob(string name, YamlNode job, List<string> problems)
    {
        if (job is not YamlMappingNode body)
        {
            problems.Add($"{job.Where()}: job '{name}' must be a mapping.");
            return;
        }

        if (body.Child("uses") is not null)
        {
            return; // a reusable-workflow call has no steps of its own
        }

        if (body.Child("runs-on") is null)
        {
            problems.Add($"{body.Where()}: job '{name}' has no 'runs-on'.");
        }

        if (body.Child("steps") is not YamlSequenceNode { Children.Count: > 0 } steps)
        {
            problems.Add($"{body.Where()}: job '{name}' has no steps.");
            return;
        }

        foreach (var step in steps.Children.OfType<YamlMappingNode>())
        {
            var uses = step.Scalar("uses");
            var run = step.Scalar("run");
            if ((uses is null) == (run is null))
            {
                problems.Add($"{step.Where()}: a step of job '{name}' needs exactly one of 'uses' and 'run'.");
            }

            if (uses is not null && !uses.StartsWith("./", StringComparison.Ordinal) && !ActionReference().IsMatch(uses))
            {
                problems.Add($"{step.Where()}: action '{uses}' must name a version (owner/repo@ref).");
            }

            CheckRelativePaths(step, problems);
        }
    }

    // `../../provider/x` in a step that runs in examples/csharp means provider/x.
    private void CheckRelativePaths(YamlMappingNode step, List<string> problems)
    {
        if (step.Scalar("working-directory") is not { } directory || directory.Contains('$', StringComparison.Ordinal)
            || step.Child("run") is not YamlScalarNode { Value: { } run } runNode)
        {
            return;
        }

        foreach (Match match in RelativePath().Matches(run))
        {
            var segments = directory.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(segment => segment != ".").ToList();
            foreach (var segment in match.Value.Split('/', StringSplitOptions.RemoveEmptyEntries))
            {
                if (segment == "..")
                {
                    if (segments.Count == 0)
                    {
                        problems.Add($"{runNode.Where()}: '{match.Value}' leaves the repository from '{directory}'.");
                        break;
                    }

                    segments.RemoveAt(segments.Count - 1);
                }
                else
                {
                    segments.Add(segment);
                }
            }

            foreach (var path in MentionedPaths(string.Join('/', segments)))
            {
                if (!repositoryPathExists(path))
                {
                    problems.Add($"{runNode.Where()}: '{match.Value}' (from '{directory}') is '{path}', which does not exist in the repository.");
                }
            }
        }
    }

    private static IEnumerable<YamlScalarNode> Scalars(YamlNode node) => node switch
    {
        YamlScalarNode scalar => [scalar],
        YamlSequenceNode sequence => sequence.Children.SelectMany(Scalars),
        YamlMappingNode mapping => mapping.Children.SelectMany(child => Scalars(child.Value)),
        _ => [],
    };

    // A path starting at one of the repository's top-level folders or files, not inside a longer word or URL.
    [GeneratedRegex(@"(?<![\w.\-/$@])(?:(?:provider|tests|examples|docs|\.ci|\.github)/[\w.\-/*{}$?]+|KakaoPulumi\.sln|global\.json|Pulumi\.yaml)")]
    private static partial Regex RepositoryPath();

    [GeneratedRegex(@"(?<![\w.\-/])(?:\.\./)+[\w.\-/]+")]
    private static partial Regex RelativePath();

    [GeneratedRegex(@"^[\w.\-]+/[\w.\-/]+@[\w.\-]+$")]
    private static partial Regex ActionReference();
}
