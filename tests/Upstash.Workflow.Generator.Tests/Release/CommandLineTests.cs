using Upstash.Workflow.Release;
using Upstash.Workflow.TestSupport;
using Upstash.Workflow.TestSupport.Generation;

namespace Upstash.Workflow.Generator.Tests.Release;

/// <summary>The release tool's command line, as the release workflow calls it.</summary>
public sealed class CommandLineTests
{
    [Fact]
    public async Task Check_release_passes_the_projects_version_with_its_notes_and_refuses_another()
    {
        using var dir = new TempDirectory();
        var version = UpdateCommand.CurrentVersion(new Layout(Repository.Root));

        Assert.Equal(0, await Program.Main(["check-release", "--tag", $"v{version}", "--notes", dir.File("notes.md"), "--root", Repository.Root]));
        Assert.Equal(Changelog.Section(await File.ReadAllTextAsync(Path.Combine(Repository.Root, "CHANGELOG.md")), version), await File.ReadAllTextAsync(dir.File("notes.md")));
        Assert.Equal(1, await Program.Main(["check-release", "--tag", "v99.0.0", "--root", Repository.Root]));
        Assert.Equal(2, await Program.Main(["release", "--now"]));
        Assert.Equal(2, await Program.Main(["update", "--spec"]));
    }

    [Fact]
    public void The_first_release_has_no_baseline_and_says_the_check_was_skipped()
    {
        using var empty = new TempDirectory();

        Assert.False(PackageValidation.HasBaseline(null, "0.1.0"));
        Assert.False(PackageValidation.HasBaseline(empty.Path, "0.1.0"));
        Assert.Equal("Package validation: no earlier release to compare with (the first release); skipped.", ValidationReport.Skipped.ToString());
        Assert.True(ValidationReport.Skipped.Passed);
    }
}
