using Upstash.Workflow.Release;
using Upstash.Workflow.TestSupport;
using Upstash.Workflow.TestSupport.Generation;

namespace Upstash.Workflow.Generator.Tests.Release;

/// <summary>The release tool's command line, as the workflows' scripts call it.</summary>
public sealed class CommandLineTests
{
    [Fact]
    public async Task A_command_line_it_does_not_understand_is_exit_code_2()
    {
        Assert.Equal(2, await Program.Main([]));
        Assert.Equal(2, await Program.Main(["release", "--now"]));
        Assert.Equal(2, await Program.Main(["update", "--spec"]));
        Assert.Equal(2, await Program.Main(["check-release"]));
    }

    [Fact]
    public async Task Releases_are_listed_newest_first_and_a_missing_one_fails_the_check_rather_than_skipping_it()
    {
        using var copy = new TempDirectory();
        await Repository.CopyTrackedFilesAsync(copy.Path);
        var layout = new Layout(copy.Path);
        await File.WriteAllTextAsync(layout.Changelog, "# Changelog\n\n## [Unreleased]\n\n## [0.1.1] - 2026-12-02\n\n- b\n\n## [0.1.0] - 2026-12-01\n\n- a\n");
        await File.WriteAllTextAsync(layout.VersionProps, UpdateCommand.WithVersion(layout, "0.2.0"));
        using var emptyFeed = new TempDirectory();

        var history = ReleaseHistory.Of(layout);
        Assert.Equal(["0.1.1", "0.1.0"], history.Released.Select(r => r.Version));
        Assert.Equal("0.1.1", history.NewestAtOrBelow("0.2.0"));
        Assert.Equal("0.1.0", history.NewestBelow("0.1.1"));
        Assert.Null(history.NewestBelow("0.1.0"));

        // 0.1.1 is released: its packages must be found, or the check fails (exit 1) instead of saying "skipped".
        Assert.Equal(1, await Program.Main(["check-compat", "--feed", emptyFeed.Path, "--root", copy.Path]));
        var failure = Assert.Throws<UpdateFailedException>(() => Baseline.Find(layout, "0.2.0", below: false, emptyFeed.Path, emptyFeed.Path));
        Assert.Contains("0.1.1 is released", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Upstash.Workflow.0.1.1.nupkg", failure.Message, StringComparison.Ordinal);
        Assert.Contains("no feed", Assert.Throws<UpdateFailedException>(() => Baseline.Find(layout, "0.2.0", below: false, null, emptyFeed.Path)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Before_the_first_release_nothing_is_judged_and_the_report_says_why()
    {
        using var empty = new TempDirectory();
        var layout = new Layout(empty.Path);

        Assert.Null(Baseline.Find(layout, "0.1.0", below: false, empty.Path, empty.Path));
        Assert.Equal("Package validation: no release before this one (CHANGELOG.md has none); nothing to compare with.", ValidationReport.Skipped.ToString());
        Assert.True(ValidationReport.Skipped.Passed);
    }

    [Fact]
    public void A_feed_is_read_in_NuGets_folder_layout_and_side_by_side()
    {
        using var feed = new TempDirectory();
        using var into = new TempDirectory();
        var nested = Path.Combine(feed.Path, "upstash.workflow", "0.1.0");
        Directory.CreateDirectory(nested);
        File.WriteAllText(Path.Combine(nested, "upstash.workflow.0.1.0.nupkg"), "a");
        File.WriteAllText(feed.File("Upstash.Workflow.Testing.0.1.0.nupkg"), "b");

        Assert.Equal(2, PackageFeed.Take(feed.Path, "0.1.0", into.Path));
        Assert.True(File.Exists(into.File("Upstash.Workflow.0.1.0.nupkg")));
        Assert.True(File.Exists(into.File("Upstash.Workflow.Testing.0.1.0.nupkg")));
        Assert.Equal(["0.1.0"], PackageFeed.Versions(feed.Path));
    }
}
