namespace Upstash.Workflow.Generator.Tests.Snapshots;

/// <summary>
/// Tests that read or accept the committed snapshot of the generated client run one at a time, so
/// accepting it (UPDATE_SNAPSHOTS=1) never races a test comparing against it.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SnapshotCollection
{
    public const string Name = "Committed snapshots";
}
