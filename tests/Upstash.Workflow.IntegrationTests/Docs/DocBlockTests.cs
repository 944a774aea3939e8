using Upstash.Workflow.TestSupport;

namespace Upstash.Workflow.IntegrationTests.Docs;

/// <summary>Every C# block of the repository's Markdown compiles against the packages (a block marked <c>csharp fragment</c> is exempt).</summary>
public sealed class DocBlockTests
{
    public static TheoryData<string> Files => new(Markdown.Files);

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_csharp_block_compiles(string file)
    {
        var problems = Markdown.CodeBlocks(Markdown.Read(file))
            .Where(b => b.Info.Split(' ', StringSplitOptions.RemoveEmptyEntries) is ["csharp" or "cs" or "c#", ..] and var words && !words.Contains("fragment"))
            .SelectMany(b => DocBlockCompiler.Problems(b.Code).Select(p => $"{file}, block at line {b.Line}: {p}"))
            .ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
