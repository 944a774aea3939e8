using Upstash.Workflow.Generator.Tests.Snapshots;
using Upstash.Workflow.Release;
using Upstash.Workflow.TestSupport;
using Upstash.Workflow.TestSupport.Generation;
using Upstash.Workflow.TestSupport.Generation.Snapshots;

namespace Upstash.Workflow.Generator.Tests.Generation;

/// <summary>
/// The loop a spec change goes through: edit the spec, regenerate with the build's own generator, see
/// the client change and the snapshot comparison fail on exactly that change.
/// </summary>
[Collection(SnapshotCollection.Name)]
public sealed class RegenerationLoopTests
{
    /// <summary>The library's client file name, so the regenerated code is named as the snapshot's is.</summary>
    private const string LibraryClient = "Upstash.Workflow.g.cs";

    private static readonly string SnapshotDirectory = new Layout(Repository.Root).Snapshots;

    [Fact]
    public void Unchanged_spec_regenerates_the_committed_snapshot_exactly()
    {
        using var run = new GeneratorRun(SpecEdits.Spec(), clientFile: LibraryClient);
        Assert.False(run.Result.HasErrors, run.Findings);
        var outcome = CompareWithCommittedSnapshot(run);
        Assert.True(outcome.Passed, outcome.Message);
    }

    [Fact]
    public void New_header_on_restart_reaches_the_client_and_turns_the_snapshot_red()
    {
        var spec = SpecEdits.AddRestartParameter(SpecEdits.Header("Upstash-Growth-Probe", description: "A header no version of upstream's file has."));
        using var run = new GeneratorRun(spec, clientFile: LibraryClient);
        Assert.False(run.Result.HasErrors, run.Findings);

        // It joins restart's options object as a member (no method signature changes) and is sent from there.
        var code = run.ClientCode;
        Assert.Contains("RestartWorkflowAsync(string dlqId, RestartWorkflowOptions? options = null, System.Threading.CancellationToken cancellationToken", code, StringComparison.Ordinal);
        Assert.Contains("        /// <summary>A header no version of upstream's file has.</summary>\n", code, StringComparison.Ordinal);
        Assert.Contains("public string? GrowthProbe { get; set; }", code, StringComparison.Ordinal);
        Assert.Contains("request_.Headers.TryAddWithoutValidation(\"Upstash-Growth-Probe\", Upstash.Workflow.Core.RequestGuard.HeaderValue(growthProbeValue_, \"options.GrowthProbe\"));", code, StringComparison.Ordinal);
        // Restart alone takes it, so only restart's type has it: no other call's options can carry it.
        Assert.Single(code.Split('\n'), l => l.Contains("public string? GrowthProbe { get; set; }", StringComparison.Ordinal));

        var outcome = CompareWithCommittedSnapshot(run);
        Assert.False(outcome.Passed);
        var firstChange = outcome.Message.Split('\n').First(l => l.TrimStart().StartsWith('+'));
        Assert.Contains("A header no version of upstream's file has.", firstChange, StringComparison.Ordinal);
    }

    /// <summary>Compares with a copy of the committed snapshot, so no received file lands in the repository.</summary>
    private static SnapshotOutcome CompareWithCommittedSnapshot(GeneratorRun run)
    {
        var name = GeneratedClientSnapshotTests.Name;
        File.Copy(Path.Combine(SnapshotDirectory, $"{name}.verified.cs"), Path.Combine(run.Scratch, $"{name}.verified.cs"));
        return Snapshot.Compare(run.Scratch, name, "cs", run.ClientCode, new SnapshotPolicy(Update: false, InCi: false));
    }
}
