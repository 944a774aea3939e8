using Upstash.Workflow.TestSupport;

namespace Upstash.Workflow.Tests.Docs;

/// <summary>
/// The docs stay true: every relative link and anchor in the repository's Markdown resolves (that every C# block
/// compiles is IntegrationTests' DocBlockTests, which brings the compiler).
/// </summary>
public sealed class DocsTests
{
    public static TheoryData<string> Files => new(Markdown.Files);

    [Fact]
    public void The_docs_are_found() =>
        Assert.Superset(new HashSet<string> { "README.md", "CONTRIBUTING.md", "docs/operations.md", "docs/testing.md", "docs/maintaining/architecture.md" }, Markdown.Files.ToHashSet());

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_relative_link_and_anchor_resolves(string file)
    {
        var text = Markdown.Read(file);
        var broken = new List<string>();
        foreach (var link in Markdown.Links(text).Where(l => !l.Contains("://", StringComparison.Ordinal) && !l.StartsWith("mailto:", StringComparison.Ordinal)))
        {
            var (path, anchor) = link.IndexOf('#') is var hash and >= 0 ? (link[..hash], link[(hash + 1)..]) : (link, null);
            var target = path.Length == 0 ? file : Path.GetRelativePath(Repository.Root, Path.GetFullPath(Path.Combine(Repository.Root, Path.GetDirectoryName(file)!, path))).Replace('\\', '/');
            var full = Path.Combine(Repository.Root, target);
            if (!File.Exists(full) && !Directory.Exists(full))
            {
                broken.Add($"{link}: no {target}");
            }
            else if (anchor is not null && (!target.EndsWith(".md", StringComparison.Ordinal) || !Markdown.Anchors(Markdown.Read(target)).Contains(anchor)))
            {
                broken.Add($"{link}: no heading '#{anchor}' in {target}");
            }
        }
        Assert.True(broken.Count == 0, $"{file}:\n" + string.Join("\n", broken));
    }
}
