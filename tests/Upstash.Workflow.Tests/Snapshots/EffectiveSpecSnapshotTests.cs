using Upstash.Workflow.Tests.Support;
using Upstash.Workflow.Tests.Support.Snapshots;

namespace Upstash.Workflow.Tests.Snapshots;

/// <summary>
/// openapi/openapi.effective.json is what teams in other languages generate from: the spec with the
/// overlay applied, names filled in and titles as components. It is the build's own output, committed.
/// </summary>
[Collection(SnapshotCollection.Name)]
public sealed class EffectiveSpecSnapshotTests
{
    public static string Committed => Path.Combine(Repository.Root, "openapi", "openapi.effective.json");

    [Fact]
    public void Committed_effective_spec_is_the_one_this_build_generated() =>
        Snapshot.MatchFile(Committed, File.ReadAllText(Repository.EffectiveSpec));
}
