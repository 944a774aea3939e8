using Newtonsoft.Json.Linq;
using Upstash.Workflow.Generator.Documents;
using Upstash.Workflow.TestSupport;
using Upstash.Workflow.TestSupport.Generation;
using Upstash.Workflow.TestSupport.Generation.Snapshots;

namespace Upstash.Workflow.Generator.Tests.Snapshots;

/// <summary>
/// openapi/openapi.effective.json is what teams in other languages generate from: the spec with the
/// overlay applied, names filled in and titles as components. It is the build's own output, committed.
/// </summary>
[Collection(SnapshotCollection.Name)]
public sealed class EffectiveSpecSnapshotTests
{
    private static string Committed => Repository.CommittedEffectiveSpec;

    [Fact]
    public void Committed_effective_spec_is_the_one_this_build_generated()
    {
        Snapshot.MatchFile(Committed, File.ReadAllText(Repository.EffectiveSpec));
        // An overlay change moves the effective spec and nothing upstream: accepting it accepts its hash in the lock.
        var layout = new Upstash.Workflow.Release.Layout(Repository.Root);
        if (SnapshotPolicy.FromEnvironment() is { Update: true, InCi: false } && Upstash.Workflow.Release.SpecLock.Read(layout.Lock) is { } spec
            && Upstash.Workflow.Release.SpecSource.Sha256(Committed) is var sha && sha != spec.EffectiveSha256)
        {
            File.WriteAllText(layout.Lock, (spec with { EffectiveSha256 = sha }).ToJson());
        }
    }

    /// <summary>The C# configuration is applied after the effective spec is written: none of its keys is in it.</summary>
    [Fact]
    public void Effective_spec_carries_none_of_the_csharp_configuration()
    {
        var configuration = (JObject)YamlDocument.Load(Toolchain.CSharpOverlay);
        var keys = configuration["actions"]!.Select(a => a["update"]).OfType<JObject>()
            .SelectMany(u => u.DescendantsAndSelf().OfType<JObject>().SelectMany(o => o.Properties()))
            .Select(p => p.Name)
            .Where(name => name.StartsWith("x-", StringComparison.Ordinal))
            .ToHashSet(StringComparer.Ordinal);
        Assert.Superset(new HashSet<string> { "x-options", "x-options-member", "x-options-type", "x-options-part", "x-name" }, keys);

        var found = JObject.Parse(File.ReadAllText(Committed)).Descendants().OfType<JProperty>().Where(p => keys.Contains(p.Name)).Select(p => p.Path).ToList();
        Assert.True(found.Count == 0, $"{found.Count} C#-only keys in the effective spec: {string.Join(", ", found.Take(10))}");
    }
}
