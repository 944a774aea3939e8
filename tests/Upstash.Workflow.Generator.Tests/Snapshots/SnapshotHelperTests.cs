using Upstash.Workflow.TestSupport;
using Upstash.Workflow.TestSupport.Generation;
using Upstash.Workflow.TestSupport.Generation.Snapshots;
using Upstash.Workflow.Release;

namespace Upstash.Workflow.Generator.Tests.Snapshots;

/// <summary>The snapshot helper's rules, each on a scratch directory.</summary>
public sealed class SnapshotHelperTests
{
    private static readonly SnapshotPolicy Strict = new(Update: false, InCi: false);

    [Fact]
    public void Missing_snapshot_fails_and_leaves_a_received_file()
    {
        using var dir = new TempDirectory();
        var outcome = Snapshot.Compare(dir.Path, "Thing", "txt", "hello\n", Strict);
        Assert.False(outcome.Passed);
        Assert.Contains("missing", outcome.Message, StringComparison.Ordinal);
        Assert.Equal("hello\n", File.ReadAllText(dir.File("Thing.received.txt")));
        Assert.False(File.Exists(dir.File("Thing.verified.txt")));
    }

    [Fact]
    public void Difference_fails_showing_the_first_differing_lines_numbered()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("Thing.verified.txt"), "a\nb\nc\nd\n");
        var outcome = Snapshot.Compare(dir.Path, "Thing", "txt", "a\nb\nX\nd\n", Strict);
        Assert.False(outcome.Passed);
        Assert.Contains("-     3: c", outcome.Message, StringComparison.Ordinal);
        Assert.Contains("+     3: X", outcome.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(": a", outcome.Message, StringComparison.Ordinal);
        Assert.True(File.Exists(dir.File("Thing.received.txt")));
    }

    [Fact]
    public void Update_variable_accepts_and_removes_the_received_file()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("Thing.verified.txt"), "old\n");
        File.WriteAllText(dir.File("Thing.received.txt"), "stale\n");
        var outcome = Snapshot.Compare(dir.Path, "Thing", "txt", "new\n", new SnapshotPolicy(Update: true, InCi: false));
        Assert.True(outcome.Passed, outcome.Message);
        Assert.Equal("new\n", File.ReadAllText(dir.File("Thing.verified.txt")));
        Assert.False(File.Exists(dir.File("Thing.received.txt")));
        Assert.True(Snapshot.Compare(dir.Path, "Thing", "txt", "new\n", Strict).Passed);
    }

    [Fact]
    public void Update_variable_is_refused_in_ci()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("Thing.verified.txt"), "old\n");
        var outcome = Snapshot.Compare(dir.Path, "Thing", "txt", "new\n", new SnapshotPolicy(Update: true, InCi: true));
        Assert.False(outcome.Passed);
        Assert.Contains("CI=true", outcome.Message, StringComparison.Ordinal);
        Assert.Equal("old\n", File.ReadAllText(dir.File("Thing.verified.txt")));
    }

    [Fact]
    public void Line_endings_are_normalized()
    {
        Assert.Equal("namespace A\n{\n}\n", LineEndings.Normalize("namespace A\r\n{\r\n}\n"));
    }

    [Fact]
    public void Matching_snapshot_passes_and_removes_a_stale_received_file()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("Thing.verified.txt"), "same\n");
        File.WriteAllText(dir.File("Thing.received.txt"), "stale\n");
        Assert.True(Snapshot.Compare(dir.Path, "Thing", "txt", "same\r\n", Strict).Passed);
        Assert.False(File.Exists(dir.File("Thing.received.txt")));
    }
}
