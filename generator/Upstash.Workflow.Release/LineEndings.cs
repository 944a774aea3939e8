namespace Upstash.Workflow.Release;

/// <summary>
/// Makes text compare the same on every machine: line endings become LF. The generated client carries no tool
/// versions (generator/templates/File.liquid), so nothing else in it changes without the API changing.
/// </summary>
public static class LineEndings
{
    public static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);
}
