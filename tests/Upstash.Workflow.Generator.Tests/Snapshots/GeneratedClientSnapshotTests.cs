using System.Reflection;
using System.Text.RegularExpressions;
using Upstash.Workflow.TestSupport;
using Upstash.Workflow.TestSupport.Generation;
using Upstash.Workflow.TestSupport.Generation.Snapshots;

namespace Upstash.Workflow.Generator.Tests.Snapshots;

/// <summary>The reviewable copy of the generated client: the very file this build compiled.</summary>
[Collection(SnapshotCollection.Name)]
public sealed class GeneratedClientSnapshotTests
{
    public const string Name = "Upstash.Workflow.g";

    [Fact]
    public void Generated_client_matches_its_snapshot()
    {
        // Where the release tool writes it during an update (Layout, the one place the folder is named).
        Assert.Equal(new Upstash.Workflow.Release.Layout(Repository.Root).ClientSnapshot, Snapshot.VerifiedPath(Name, "cs"));
        Snapshot.Match(Name, File.ReadAllText(Repository.GeneratedClient), "cs");
    }

    [Fact]
    public void Snapshot_is_of_the_file_the_library_was_compiled_from()
    {
        // The build compiles obj/.../UpstashGen/Upstash.Workflow.g.cs: every operation method of the
        // library must stand in that file with the same parameters in the same order.
        var code = File.ReadAllText(Repository.GeneratedClient);
        var methods = typeof(DlqClient).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(Core.UpstashClientBase)))
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(m => !m.IsSpecialName && m.Name.EndsWith("Async", StringComparison.Ordinal))
            .ToList();
        Assert.Equal(28, methods.Count);
        foreach (var method in methods)
        {
            var declaration = Regex.Match(code, $@"public [^\n]*? {method.Name}\((?<parameters>[^\n]*)\)( =>)?\n");
            Assert.True(declaration.Success, $"{method.Name} is not in {Repository.GeneratedClient}");
            Assert.Equal(method.GetParameters().Select(p => p.Name), ParameterNames(declaration.Groups["parameters"].Value));
        }
    }

    /// <summary>"IDictionary&lt;string, string&gt;? a = null, int b" → a, b.</summary>
    private static IEnumerable<string> ParameterNames(string parameters)
    {
        var previous = "";
        while (previous != parameters)
        {
            previous = parameters;
            parameters = Regex.Replace(parameters, "<[^<>]*>", "");
        }
        return parameters.Split(", ").Select(p => p.Split(" = ")[0].Split(' ')[^1]);
    }
}
