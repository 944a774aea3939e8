using System.Text.RegularExpressions;

namespace Upstash.Workflow.Release;

/// <summary>
/// A command's public surface, its command line: the options its <c>--help</c> lists, one per line
/// (<c>  --port &lt;port&gt;  The port …</c>). An option that goes or takes another argument breaks the scripts that
/// call the command; one that comes is additive; a description reworded is not a change of the surface.
/// </summary>
public static partial class CommandLines
{
    /// <summary>What the command built at <paramref name="assembly"/> prints for <c>--help</c>.</summary>
    public static async Task<string> UsageOf(string assembly)
    {
        var help = await Dotnet.RunAsync(Path.GetDirectoryName(assembly)!, assembly, "--help");
        return help.Succeeded ? LineEndings.Normalize(help.Output) : throw new InvalidOperationException($"{Path.GetFileName(assembly)} --help failed:\n{help.Output}");
    }

    public static IReadOnlyList<ApiChange> Compare(string command, string before, string after)
    {
        var (was, now) = (Options(before), Options(after));
        var changes = new List<ApiChange>();
        foreach (var (name, usage) in was)
        {
            if (!now.TryGetValue(name, out var current))
            {
                changes.Add(new ApiChange(ApiChangeKind.Removed, command, name, usage, null));
            }
            else if (current != usage)
            {
                changes.Add(new ApiChange(ApiChangeKind.Changed, command, name, usage, current));
            }
        }
        changes.AddRange(now.Where(o => !was.ContainsKey(o.Key)).Select(o => new ApiChange(ApiChangeKind.Added, command, o.Key, null, o.Value)));
        return changes;
    }

    /// <summary>Each option by name, with the argument it takes ("--port &lt;port&gt;").</summary>
    private static Dictionary<string, string> Options(string usage) =>
        Option().Matches(usage).ToDictionary(m => m.Groups["name"].Value, m => m.Groups["usage"].Value.Trim(), StringComparer.Ordinal);

    [GeneratedRegex(@"^\s+(?<usage>(?<name>--[\w-]+)(?: <[^>]*>)?)", RegexOptions.Multiline)]
    private static partial Regex Option();
}
