using Upstash.Workflow.TestSupport;
using Upstash.Workflow.TestSupport.Generation;
using Upstash.Workflow.Release;

namespace Upstash.Workflow.Generator.Tests.Release;

/// <summary>The version a change deserves from the last release, the changelog entry an update merges, and the release that stamps it.</summary>
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

    [Theory]
    // Nothing released yet: the version is what the project says, whatever comes.
    [InlineData(null, "0.1.0", UpdateKind.Breaking, "0.1.0")]
    // One step from the release, however many updates come before the next one.
    [InlineData("0.1.0", "0.1.0", UpdateKind.Additive, "0.1.1")]
    [InlineData("0.1.0", "0.1.1", UpdateKind.Additive, "0.1.1")]
    [InlineData("0.1.0", "0.1.1", UpdateKind.Wire, "0.1.1")]
    [InlineData("0.1.0", "0.1.1", UpdateKind.Breaking, "0.2.0")]
    [InlineData("0.1.0", "0.2.0", UpdateKind.Additive, "0.2.0")]
    [InlineData("1.4.2", "1.4.3", UpdateKind.Additive, "1.5.0")]
    [InlineData("1.4.2", "1.5.0", UpdateKind.Wire, "1.5.0")]
    [InlineData("1.4.2", "2.0.0", UpdateKind.None, "2.0.0")]
    public void The_pending_version_is_one_step_from_the_release(string? released, string pending, UpdateKind kind, string next) =>
        Assert.Equal(next, VersionRule.Pending(released, pending, kind));

    [Theory]
    [InlineData("0.1.0", "0.1.0", UpdateKind.None)]
    [InlineData("0.1.0", "0.1.4", UpdateKind.Additive)]
    [InlineData("0.1.0", "0.2.0", UpdateKind.Breaking)]
    [InlineData("1.2.0", "1.2.1", UpdateKind.Wire)]
    [InlineData("1.2.0", "1.3.0", UpdateKind.Additive)]
    [InlineData("1.2.0", "2.0.0", UpdateKind.Breaking)]
    public void The_kind_between_two_versions_is_read_back(string released, string pending, UpdateKind kind) => Assert.Equal(kind, VersionRule.Between(released, pending));

    [Theory]
    // The first release is the project's version; a bump needs a release to move on from.
    [InlineData(null, "0.1.0", null, "0.1.0")]
    [InlineData(null, "0.1.0", "patch", null)]
    // The updates set the version; a bump for changes by hand moves it further only where it asks for more.
    [InlineData("0.1.0", "0.1.1", null, "0.1.1")]
    [InlineData("0.1.0", "0.1.1", "patch", "0.1.1")]
    [InlineData("0.1.0", "0.1.1", "minor", "0.2.0")]
    [InlineData("0.1.0", "0.1.0", "patch", "0.1.1")]
    [InlineData("1.2.3", "1.2.3", "minor", "1.3.0")]
    [InlineData("1.2.3", "1.2.3", "major", "2.0.0")]
    // Released, and nothing since: no version to give without a bump.
    [InlineData("0.1.0", "0.1.0", null, null)]
    public void A_release_has_the_version_the_updates_or_its_bump_give(string? released, string pending, string? bump, string? target) =>
        Assert.Equal(target, ReleaseCommand.Target(released, pending, bump, out _));

    [Fact]
    public async Task A_bump_the_tool_does_not_know_is_a_usage_error() =>
        Assert.Equal(2, await Program.Main(["release", "--bump", "huge", "--root", Repository.Root]));

    private static readonly SpecLock Spec = new("https://example.test/openapi.yaml", "ab12", "cd34", null);

    [Fact]
    public void An_entry_puts_breaking_changes_first_and_says_where_each_member_came_from()
    {
        IReadOnlyList<ApiChange> api =
        [
            new(ApiChangeKind.Added, "Upstash.Workflow.RestartWorkflowOptions", "Priority", null, "public int? Priority { get; set; }"),
            new(ApiChangeKind.Removed, "Upstash.Workflow.DlqClient", "DeleteFailedRunAsync", "System.Threading.Tasks.Task DeleteFailedRunAsync(string dlqId);", null),
            new(ApiChangeKind.Removed, "Upstash.Workflow", "DeleteFailedRunOptions", "public sealed class DeleteFailedRunOptions", null, IsType: true),
            new(ApiChangeKind.Changed, "Upstash.Workflow.RunsClient", "CancelAsync", "Task CancelAsync(string id)", "Task CancelAsync(string id, bool all = false)"),
            new(ApiChangeKind.Added, "upstash-workflow-emulator", "--quiet", null, "--quiet"),
            new(ApiChangeKind.Added, "Upstash.Workflow.WorkflowRun", "Priority", null, "public int? Priority { get; set; }"),
            new(ApiChangeKind.Added, "Upstash.Workflow.TriggerWorkflowOptions", "Priority", null, "public int? Priority { get; set; }"),
        ];
        IReadOnlyList<WireChange> wire =
        [
            new("POST /v2/workflows/dlq/restart/{dlqId}", "header parameter `Upstash-Priority` added"),
            new("POST /v2/trigger/{workflowUrl}", "header parameter `Upstash-Priority` added"),
            new("schema WorkflowRun", "property `priority` added"),
            new("DELETE /v2/workflows/dlq/{dlqId}", "operation `deleteFailedRun` removed"),
            new("GET /v2/workflows/logs", "response 429 added"),
            new("schema WorkflowRun.workflowState", "enum adds `RUN_PAUSED`"),
            new("schema WorkflowRun", "description rewritten"),
        ];

        var entry = Changelog.Entry(Spec, api, wire);

        Assert.Equal("""
            Generated from https://example.test/openapi.yaml (SHA-256 `ab12`).

            ### Removed

            - **Breaking:** `DlqClient.DeleteFailedRunAsync`: removed with the operation `DELETE /v2/workflows/dlq/{dlqId}`
            - **Breaking:** `DeleteFailedRunOptions`: removed

            ### Changed

            - **Breaking:** `RunsClient.CancelAsync`: now + bool all = false
            - Wire: `GET /v2/workflows/logs`: response 429 added
            - Wire: `schema WorkflowRun.workflowState`: enum adds `RUN_PAUSED`
            - Documentation: 1 description rewritten (the XML docs follow).

            ### Added

            - `RestartWorkflowOptions.Priority`: the new `Upstash-Priority` header of `POST /v2/workflows/dlq/restart/{dlqId}` and `POST /v2/trigger/{workflowUrl}`
            - `upstash-workflow-emulator --quiet`: new
            - `WorkflowRun.Priority`: the new field `priority` of schema WorkflowRun
            - `TriggerWorkflowOptions.Priority`: the new `Upstash-Priority` header of `POST /v2/workflows/dlq/restart/{dlqId}` and `POST /v2/trigger/{workflowUrl}`

            """.Replace("\r\n", "\n", StringComparison.Ordinal), entry);
    }

    [Fact]
    public void Entries_merge_into_unreleased_with_what_a_person_wrote_and_a_release_stamps_them()
    {
        var byHand = """
            # Changelog

            Intro.

            ## [Unreleased]

            A note on this release.

            ### Fixed

            - `UpstashSignatureVerifier`: a token a second past its expiry is refused.

            ## [0.1.0] - 2026-11-30

            ### Added

            - Everything.
            """.Replace("\r\n", "\n", StringComparison.Ordinal);
        var additive = Changelog.Entry(Spec, [new(ApiChangeKind.Added, "N.C", "P", null, "public int P { get; set; }")], [new("GET /v2/workflows/logs", "response 429 added")]);
        var other = Spec with { UpstreamSha256 = "ef56" };
        var breaking = Changelog.Entry(other, [new(ApiChangeKind.Removed, "N.C", "M", "void M();", null)], []);

        var merged = Changelog.Merge(Changelog.Merge(byHand, additive), breaking);

        // One pending section: the person's note and bullet kept, both updates' bullets in their categories, the newest spec line.
        Assert.Equal(["0.1.0"], Changelog.Versions(merged));
        var pending = Changelog.Section(merged, Changelog.Unreleased)!;
        Assert.Equal("""
            Generated from https://example.test/openapi.yaml (SHA-256 `ef56`).

            A note on this release.

            ### Removed

            - **Breaking:** `C.M`: removed

            ### Changed

            - Wire: `GET /v2/workflows/logs`: response 429 added

            ### Added

            - `C.P`: new

            ### Fixed

            - `UpstashSignatureVerifier`: a token a second past its expiry is refused.

            """.Replace("\r\n", "\n", StringComparison.Ordinal), pending);
        Assert.Equal(merged, Changelog.Merge(merged, breaking));

        var released = Changelog.Stamp(merged, "0.2.0", "2026-12-07");
        Assert.Equal([("0.2.0", "2026-12-07"), ("0.1.0", "2026-11-30")], Changelog.Released(released));
        Assert.Equal(pending, Changelog.Section(released, "0.2.0"));
        Assert.False(Changelog.HasUnreleased(released));
        Assert.Contains("## [Unreleased]\n\n## [0.2.0] - 2026-12-07\n\nGenerated from", released, StringComparison.Ordinal);
        Assert.StartsWith("# Changelog\n\nIntro.\n\n## [Unreleased]", released, StringComparison.Ordinal);
    }

    [Fact]
    public void A_changelog_made_by_the_first_update_has_an_unreleased_section()
    {
        var first = Changelog.Merge(null, Changelog.Entry(Spec, [], [new("GET /v2/workflows/logs", "response 429 added")]));

        Assert.StartsWith(Changelog.Title, first, StringComparison.Ordinal);
        Assert.True(Changelog.HasUnreleased(first));
        Assert.Empty(Changelog.Versions(first));
        Assert.Contains("response 429 added", Changelog.Section(first, Changelog.Unreleased), StringComparison.Ordinal);
        Assert.Null(Changelog.Section(first, "9.9.9"));
    }

    [Fact]
    public async Task A_release_stamps_the_pending_section_and_only_then_may_its_tag_be_released()
    {
        // A repository before its first release (no package to judge against, so nothing is packed), whatever this one's state.
        using var copy = new TempDirectory();
        await Repository.CopyTrackedFilesAsync(copy.Path);
        var layout = new Layout(copy.Path);
        await File.WriteAllTextAsync(layout.Changelog, "# Changelog\n\n## [Unreleased]\n\n### Added\n\n- Everything.\n");
        var version = UpdateCommand.CurrentVersion(layout);

        Assert.Equal($"CHANGELOG.md has no section for {version}", ReleaseCheck.Problem(layout, $"v{version}", out _));
        Assert.StartsWith("the first release is the version in the project", (await ReleaseCommand.RunAsync(layout, new ReleaseOptions(Bump: "minor"), TextWriter.Null)).Refusal, StringComparison.Ordinal);

        var result = await ReleaseCommand.RunAsync(layout, new ReleaseOptions(Date: "2026-12-07"), TextWriter.Null);

        Assert.Equal(version, result.Version);
        Assert.Equal($"Release: {version} prepared; commit it, merge it, and tag v{version} on main.", result.Line);
        Assert.Null(ReleaseCheck.Problem(layout, $"v{version}", out var notes));
        Assert.Equal("### Added\n\n- Everything.\n", notes);
        Assert.Equal($"the tag v99.0.0 is not v{version}, the version in src/Directory.Build.props", ReleaseCheck.Problem(layout, "v99.0.0", out _));
        // Released, nothing pending: a second release has nothing to say.
        Assert.StartsWith("## [Unreleased] in CHANGELOG.md is empty", (await ReleaseCommand.RunAsync(layout, new ReleaseOptions(), TextWriter.Null)).Refusal, StringComparison.Ordinal);
    }
}
