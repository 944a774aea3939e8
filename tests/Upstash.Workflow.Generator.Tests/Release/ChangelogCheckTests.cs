using Upstash.Workflow.Release;
using Upstash.Workflow.TestSupport;

namespace Upstash.Workflow.Generator.Tests.Release;

/// <summary>What CI asks of a pull request: a changed public surface comes with its words under ## [Unreleased].</summary>
public sealed class ChangelogCheckTests
{
    [Fact]
    public async Task A_changed_api_snapshot_needs_a_changelog_entry_and_other_changes_do_not()
    {
        using var repository = new TempDirectory();
        var layout = new Layout(repository.Path);
        var snapshot = layout.ApiSnapshot(Layout.Packages[0]);
        Directory.CreateDirectory(Path.GetDirectoryName(snapshot)!);
        await File.WriteAllTextAsync(snapshot, "namespace Upstash.Workflow\n{\n}\n");
        await File.WriteAllTextAsync(layout.Changelog, "# Changelog\n\n## [Unreleased]\n\n## [0.1.0] - 2026-12-01\n\n- First.\n");
        await File.WriteAllTextAsync(Path.Combine(repository.Path, "notes.md"), "A note.\n");
        await Git(repository.Path, "init", "-q", "-b", "main");
        await Git(repository.Path, "add", "-A");
        await Git(repository.Path, "commit", "-q", "-m", "base");

        // Nothing public changed: fine.
        await File.AppendAllTextAsync(Path.Combine(repository.Path, "notes.md"), "Another.\n");
        Assert.Null(await ChangelogCheck.ProblemAsync(layout, "HEAD"));

        // The surface changed, the changelog did not: refused, naming the package.
        await File.WriteAllTextAsync(snapshot, "namespace Upstash.Workflow\n{\n    public class Added { }\n}\n");
        Assert.Contains("the public surface of Upstash.Workflow changed", await ChangelogCheck.ProblemAsync(layout, "HEAD"), StringComparison.Ordinal);

        // Its bullet under ## [Unreleased]: fine.
        await File.WriteAllTextAsync(layout.Changelog, "# Changelog\n\n## [Unreleased]\n\n### Added\n\n- `Added`: new.\n\n## [0.1.0] - 2026-12-01\n\n- First.\n");
        Assert.Null(await ChangelogCheck.ProblemAsync(layout, "HEAD"));
    }

    [Fact]
    public void Each_accepted_break_is_given_the_bullet_that_names_its_member()
    {
        IReadOnlyList<string> bullets =
        [
            "**Breaking:** `DlqClient.DeleteFailedRunAsync`: removed with the operation `DELETE /v2/workflows/dlq/{dlqId}`",
            "**Breaking:** `DeleteFailedRunOptions`: removed",
            "**Breaking:** `WorkflowRun.Priority`: removed",
        ];

        Assert.Equal(bullets[0], AcceptedBreaks.Reason("M:Upstash.Workflow.DlqClient.DeleteFailedRunAsync(System.String,System.Threading.CancellationToken)", bullets));
        Assert.Equal(bullets[1], AcceptedBreaks.Reason("T:Upstash.Workflow.DeleteFailedRunOptions", bullets));
        Assert.Equal(bullets[1], AcceptedBreaks.Reason("M:Upstash.Workflow.DeleteFailedRunOptions.#ctor", bullets));
        Assert.Equal(bullets[2], AcceptedBreaks.Reason("M:Upstash.Workflow.WorkflowRun.get_Priority", bullets));
        Assert.Null(AcceptedBreaks.Reason("M:Upstash.Workflow.RunsClient.CancelWorkflowRunAsync(System.String)", bullets));
    }

    private static async Task Git(string directory, params string[] arguments)
    {
        var (code, output) = await Processes.RunAsync("git", directory, new Dictionary<string, string?> { ["GIT_AUTHOR_NAME"] = "t", ["GIT_AUTHOR_EMAIL"] = "t@example.test", ["GIT_COMMITTER_NAME"] = "t", ["GIT_COMMITTER_EMAIL"] = "t@example.test" }, arguments);
        Assert.True(code == 0, output);
    }
}
