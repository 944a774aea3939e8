using System.Text.RegularExpressions;

namespace Upstash.Workflow.TestSupport;

/// <summary>The repository's Markdown files, and what the docs tests read in them: links, headings and code blocks.</summary>
public static partial class Markdown
{
    private static readonly string[] Skipped = ["node_modules", "bin", "obj", "TestResults", "BenchmarkDotNet.Artifacts", ".git"];

    /// <summary>Every Markdown file of the repository, as a path relative to its root (build output and Node packages not entered).</summary>
    public static IReadOnlyList<string> Files { get; } =
        [.. Find(Repository.Root).Select(f => Path.GetRelativePath(Repository.Root, f).Replace('\\', '/')).Order(StringComparer.Ordinal)];

    private static IEnumerable<string> Find(string directory) =>
        Directory.EnumerateFiles(directory, "*.md")
            .Concat(Directory.EnumerateDirectories(directory).Where(d => !Skipped.Contains(Path.GetFileName(d))).SelectMany(Find));

    public static string Read(string file) => File.ReadAllText(Path.Combine(Repository.Root, file)).Replace("\r\n", "\n", StringComparison.Ordinal);

    /// <summary>The targets of inline links outside code: [text](target).</summary>
    public static IEnumerable<string> Links(string text) =>
        InlineLink().Matches(WithoutCode(text)).Select(m => m.Groups["target"].Value);

    /// <summary>The anchors GitHub makes for the headings: lower case, punctuation dropped, spaces as hyphens.</summary>
    public static IReadOnlySet<string> Anchors(string text) =>
        Heading().Matches(RemoveFences(text))
            .Select(m => Punctuation().Replace(m.Groups["title"].Value.Trim().ToLowerInvariant(), "").Replace(' ', '-'))
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>The fenced code blocks: the info string (language and flags) and the code, unindented.</summary>
    public static IEnumerable<(string Info, string Code, int Line)> CodeBlocks(string text)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var open = Fence().Match(lines[i]);
            if (!open.Success)
            {
                continue;
            }
            var indent = open.Groups["indent"].Value.Length;
            var start = i;
            var code = new List<string>();
            for (i++; i < lines.Length && !Fence().IsMatch(lines[i]); i++)
            {
                code.Add(lines[i].Length >= indent && lines[i][..indent].Trim().Length == 0 ? lines[i][indent..] : lines[i]);
            }
            yield return (open.Groups["info"].Value.Trim(), string.Join('\n', code), start + 1);
        }
    }

    private static string WithoutCode(string text) => InlineCode().Replace(RemoveFences(text), "");

    private static string RemoveFences(string text)
    {
        var kept = new List<string>();
        var inside = false;
        foreach (var line in text.Split('\n'))
        {
            if (Fence().IsMatch(line))
            {
                inside = !inside;
                continue;
            }
            if (!inside)
            {
                kept.Add(line);
            }
        }
        return string.Join('\n', kept);
    }

    [GeneratedRegex(@"^(?<indent>\s*)```(?<info>[^`]*)$")]
    private static partial Regex Fence();

    [GeneratedRegex(@"`[^`\n]*`")]
    private static partial Regex InlineCode();

    [GeneratedRegex(@"\[[^\]\n]*\]\((?<target>[^)\s]+)\)")]
    private static partial Regex InlineLink();

    [GeneratedRegex(@"(?m)^#{1,6} (?<title>.+)$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"[^\p{L}\p{N} _-]")]
    private static partial Regex Punctuation();
}
