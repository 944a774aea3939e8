using System.Reflection;
using System.Text.RegularExpressions;
using Upstash.Workflow.Diagnostics;
using Upstash.Workflow.TestSupport;

namespace Upstash.Workflow.Tests.Diagnostics;

/// <summary>docs/observability.md's tables name what the client emits: every name there is one of TelemetryNames, and every one of those is there.</summary>
public sealed partial class TelemetryNamesDocsTests
{
    [Fact]
    public void The_docs_tables_and_the_names_the_client_emits_are_the_same()
    {
        var constants = typeof(TelemetryNames).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.Name is not (nameof(TelemetryNames.Prefix) or nameof(TelemetryNames.CountSuffix) or nameof(TelemetryNames.Source)))
            .Select(f => (string)f.GetRawConstantValue()!).ToHashSet(StringComparer.Ordinal);
        var documented = File.ReadLines(Path.Combine(Repository.Root, "docs", "observability.md"))
            .Where(line => line.StartsWith("| `", StringComparison.Ordinal))
            .SelectMany(line => Name().Matches(line).Select(m => m.Groups[1].Value))
            .ToHashSet(StringComparer.Ordinal);

        // Ids in a path and counts of id lists are named from the spec (the prefix and the snake-cased parameter):
        // the generated client must set each one the docs name.
        var generated = File.ReadAllText(Repository.GeneratedClient);
        var fromSpec = documented.Where(n => n.StartsWith(TelemetryNames.Prefix, StringComparison.Ordinal) && !constants.Contains(n)
            && generated.Contains($"\"{n}\"", StringComparison.Ordinal)).ToList();
        Assert.Empty(documented.Except(constants).Except(fromSpec));
        Assert.Empty(constants.Except(documented));
    }

    [GeneratedRegex(@"`([a-z_]+(?:\.[a-z_]+)+)`")]
    private static partial Regex Name();
}
