using Upstash.Workflow.Tests.Support;
using Upstash.Workflow.Tests.Support.Snapshots;

namespace Upstash.Workflow.Tests.Snapshots;

/// <summary>The reviewable copy of the generated client: the very file this build compiled.</summary>
[Collection(SnapshotCollection.Name)]
public sealed class GeneratedClientSnapshotTests
{
    public const string Name = "Upstash.Workflow.g";

    [Fact]
    public void Generated_client_matches_its_snapshot() =>
        Snapshot.Match(Name, File.ReadAllText(Repository.GeneratedClient), "cs");

    [Fact]
    public void Snapshot_is_of_the_file_the_library_was_compiled_from()
    {
        // The build compiles obj/.../UpstashGen/Upstash.Workflow.g.cs; the restart method in the
        // library must be the one in that file, not in some other run's output.
        var code = File.ReadAllText(Repository.GeneratedClient);
        var method = typeof(DlqClient).GetMethod(nameof(DlqClient.RestartWorkflowAsync))!;
        Assert.Contains($"Task<{method.ReturnType.GetGenericArguments()[0].Name}> {method.Name}(", code, StringComparison.Ordinal);
        foreach (var parameter in method.GetParameters())
        {
            Assert.Contains($" {parameter.Name}", code, StringComparison.Ordinal);
        }
    }
}
