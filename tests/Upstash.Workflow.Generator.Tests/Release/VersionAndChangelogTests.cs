using Upstash.Workflow.TestSupport;
using Upstash.Workflow.Release;

namespace Upstash.Workflow.Generator.Tests.Release;

/// <summary>The version an update deserves, and the changelog entry it writes.</summary>
public sealed class VersionAndChangelogTests
{
    [Theory]
    [InlineData("0.1.0", UpdateKind.Breaking, "0.2.0")]
    [InlineData("0.1.3", UpdateKind.Breaking, "0.2.0")]
    [InlineData("0.1.0", UpdateKind.Additive, "0.1.1")]
    [InlineData("0.1.0", UpdateKind.Wire, "0.1.1")]
    [InlineData("0.1.0", UpdateKind.None, "0.1.0")]
    [InlineData("0.1.0", UpdateKind.Refused, "0.1.0")]
    [InlineData("1.4.2", UpdateKind.Breaking, "2.0.0")]
    [InlineData("1.4.2", UpdateKind.Additive, "1.5.0")]
    [InlineData("1.4.2", UpdateKind.Wire, "1.4.3")]
    public void The_version_follows_the_kind(string current, UpdateKind kind, string next) => Assert.Equal(next, VersionRule.Next(current, kind));

    private static readonly SpecLock Spec = new("https://example.test/openapi.yaml", "ab12", "2026-12-06", "cd34");

    [Fact]
    public void An_entry_puts_breaking_changes_first_and_says_where_each_member_came_from()
    {
        IReadOnlyList<ApiChange> api =
        [
            new(ApiChangeKind.Added, "Upstash.Workflow.RestartWorkflowOptions", "Priority", null, "public int? Priority { get; set; }"),
            new(ApiChangeKind.Removed, "Upstash.Workflow.DlqClient", "DeleteFailedRunAsync", "System.Threading.Tasks.Task DeleteFailedRunAsync(string dlqId);", null),
            new(ApiChangeKind.Changed, "Upstash.Workflow.RunsClient", "CancelAsync", "Task CancelAsync(string id)", "Task CancelAsync(string id, bool all = false)"),
        ];
        IReadOnlyList<WireChange> wire =
        [
            new("POST /v2/workflows/dlq/restart/{dlqId}", "header parameter `Upstash-Priority` added"),
            new("DELETE /v2/workflows/dlq/{dlqId}", "operation `deleteFailedRun` removed"),
            new("GET /v2/workflows/logs", "response 429 added"),
            new("schema WorkflowRun.workflowState", "enum adds `RUN_PAUSED`"),
            new("schema WorkflowRun", "description rewritten"),
        ];

        var entry = Changelog.Entry("0.2.0", "2026-12-06", Spec, api, wire);

        Assert.Equal("""
            ## [0.2.0] - 2026-12-06

            Generated from https://example.test/openapi.yaml (SHA-256 `ab12`).

            ### Removed

            - **Breaking:** `DlqClient.DeleteFailedRunAsync`: removed with the operation `DELETE /v2/workflows/dlq/{dlqId}`

            ### Changed

            - **Breaking:** `RunsClient.CancelAsync`: now + bool all = false
            - Wire: `GET /v2/workflows/logs`: response 429 added
            - Wire: `schema WorkflowRun.workflowState`: enum adds `RUN_PAUSED`
            - Documentation: 1 description rewritten (the XML docs follow).

            ### Added

            - `RestartWorkflowOptions.Priority`: the new `Upstash-Priority` header of `POST /v2/workflows/dlq/restart/{dlqId}`

            """.Replace("\r\n", "\n", StringComparison.Ordinal), entry);
    }

    [Fact]
    public void Entries_go_newest_first_and_each_section_can_be_read_back()
    {
        var first = Changelog.Prepend(null, Changelog.Entry("0.1.1", "2026-12-06", Spec, [], [new("GET /v2/workflows/logs", "response 429 added")]));
        var both = Changelog.Prepend(first, Changelog.Entry("0.2.0", "2026-12-07", Spec, [new(ApiChangeKind.Removed, "N.C", "M", "void M();", null)], []));

        Assert.StartsWith(Changelog.Title, both, StringComparison.Ordinal);
        Assert.Equal(["0.2.0", "0.1.1"], Changelog.Versions(both));
        Assert.Contains("response 429 added", Changelog.Section(both, "0.1.1"), StringComparison.Ordinal);
        Assert.DoesNotContain("response 429", Changelog.Section(both, "0.2.0"), StringComparison.Ordinal);
        Assert.Null(Changelog.Section(both, "9.9.9"));
    }

    [Fact]
    public void The_repositorys_changelog_has_the_section_of_the_version_in_the_project()
    {
        var layout = new Layout(Repository.Root);
        var version = UpdateCommand.CurrentVersion(layout);

        Assert.Null(ReleaseCheck.Problem(layout, $"v{version}", out var notes));
        Assert.NotNull(notes);
        Assert.Equal($"the tag v9.9.9 is not v{version}, the version in src/Directory.Build.props", ReleaseCheck.Problem(layout, "v9.9.9", out _));
    }
}
