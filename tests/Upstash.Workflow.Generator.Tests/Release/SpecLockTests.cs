using Upstash.Workflow.Release;
using Upstash.Workflow.TestSupport;
using Upstash.Workflow.TestSupport.Generation;

namespace Upstash.Workflow.Generator.Tests.Release;

/// <summary>openapi/openapi.lock.json says which spec the packages come from; it must say the truth about the files beside it.</summary>
public sealed class SpecLockTests
{
    [Fact]
    public void The_lock_names_the_committed_spec_and_effective_spec()
    {
        var layout = new Layout(Repository.Root);
        var spec = SpecLock.Read(layout.Lock);

        Assert.NotNull(spec);
        Assert.True(spec.UpstreamSha256 == SpecSource.Sha256(layout.Spec),
            "openapi/openapi.yaml is not the spec the lock names: change it with the update command (docs/maintaining/upstream.md), not by hand");
        Assert.True(spec.EffectiveSha256 == SpecSource.Sha256(layout.EffectiveSpec), "openapi/openapi.effective.json is not the one the lock names");
        // Where upstream publishes its file: the scheduled update reads it from here, not from a setting outside the repository.
        Assert.StartsWith("https://", spec.Upstream, StringComparison.Ordinal);
    }

    [Fact]
    public void The_build_puts_the_lock_into_the_assembly()
    {
        var metadata = typeof(UpstashWorkflowClient).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>().ToDictionary(a => a.Key, a => a.Value);
        var spec = SpecLock.Read(new Layout(Repository.Root).Lock)!;

        Assert.Equal(spec.UpstreamSha256, metadata["UpstashGen.Spec.Sha256"]);
        Assert.Equal(spec.EffectiveSha256, metadata["UpstashGen.Spec.EffectiveSha256"]);
        Assert.Equal(spec.Source, metadata["UpstashGen.Spec.Source"]);
    }
}
