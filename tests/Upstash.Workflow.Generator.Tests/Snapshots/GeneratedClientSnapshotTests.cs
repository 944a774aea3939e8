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
        // The build compiles obj/.../UpstashGen/Upstash.Workflow.g.cs: every public method of the library's group
        // classes must stand in that file with the same parameters in the same order, one virtual method per operation.
        var code = File.ReadAllText(Repository.GeneratedClient);
        var methods = UpstashWorkflowClient.Groups.Select(g => g.Service)
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(m => !m.IsSpecialName && m.Name.EndsWith("Async", StringComparison.Ordinal))
            .ToList();
        var operations = Newtonsoft.Json.Linq.JObject.Parse(File.ReadAllText(Repository.EffectiveSpec))["paths"]!.Children<Newtonsoft.Json.Linq.JProperty>()
            .SelectMany(path => ((Newtonsoft.Json.Linq.JObject)path.Value).Properties().Where(p => p.Name is "get" or "put" or "post" or "delete" or "patch" or "head" or "options" or "trace"))
            .Count();
        Assert.Equal(operations, methods.Count(m => m.IsVirtual && !IsWalker(m)));
        var declared = Regex.Matches(code, @"public [^\n(]*? (?<name>\w+Async)\((?<parameters>[^\n]*)\)( =>)?\n")
            .Select(d => (d.Groups["name"].Value, string.Join(",", ParameterNames(d.Groups["parameters"].Value))))
            .ToHashSet();
        foreach (var method in methods)
        {
            Assert.True(declared.Contains((method.Name, string.Join(",", method.GetParameters().Select(p => p.Name)))),
                $"{method.DeclaringType!.Name}.{method.Name}({string.Join(", ", method.GetParameters().Select(p => p.Name))}) is not in {Repository.GeneratedClient}");
        }
    }

    /// <summary>A walking method: it answers every item or batch of a paged call, not one answer.</summary>
    private static bool IsWalker(MethodInfo method) =>
        method.ReturnType.IsGenericType && method.ReturnType.GetGenericTypeDefinition() is var type
        && (type == typeof(UpstashPageable<>) || type == typeof(IAsyncEnumerable<>));

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
