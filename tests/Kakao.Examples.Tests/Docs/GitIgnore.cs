using System.Text.RegularExpressions;

namespace Kakao.Examples.Tests.Docs;

/// <summary>
/// The repository's .gitignore patterns, enough of git's rules for the paths documented commands write: a
/// pattern ending in '/' matches a folder, a leading '/' anchors it at the root, '*' matches within a segment.
/// </summary>
internal sealed class GitIgnore(IReadOnlyList<string> patterns)
{
    public static GitIgnore Load(string root) =>
        new(File.ReadAllLines(Path.Combine(root, ".gitignore"))
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#') && !line.StartsWith('!'))
            .ToArray());

    /// <summary>True when git ignores the file or folder at <paramref name="relativePath"/> (or a folder above it).</summary>
    public bool IsIgnored(string relativePath)
    {
        var segments = relativePath.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        foreach (var pattern in patterns)
        {
            bool folderOnly = pattern.EndsWith('/');
            var body = pattern.TrimEnd('/');
            bool anchored = body.StartsWith('/') || body.Contains('/', StringComparison.Ordinal);
            var parts = body.TrimStart('/').Split('/');
            var regexes = parts.Select(part => new Regex("^" + Regex.Escape(part).Replace("\\*", "[^/]*", StringComparison.Ordinal).Replace("\\?", "[^/]", StringComparison.Ordinal) + "$")).ToArray();
            for (int start = 0; start + parts.Length <= segments.Length; start++)
            {
                if (anchored && start > 0)
                {
                    break;
                }

                bool isFolder = start + parts.Length < segments.Length; // a folder above the path
                if (folderOnly && !isFolder && !relativePath.EndsWith('/'))
                {
                    continue;
                }

                if (regexes.Select((regex, k) => regex.IsMatch(segments[start + k])).All(matched => matched))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
