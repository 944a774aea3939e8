namespace Upstash.Workflow.Release;

/// <summary>What a release workflow checks before it builds anything: the tag names the version, and the changelog has its stamped section.</summary>
public static class ReleaseCheck
{
    /// <summary>Null when <paramref name="tag"/> may be released; otherwise why not.</summary>
    public static string? Problem(Layout layout, string tag, out string? notes)
    {
        notes = null;
        var version = UpdateCommand.CurrentVersion(layout);
        if (tag != $"v{version}")
        {
            return $"the tag {tag} is not v{version}, the version in {Path.GetRelativePath(layout.Root, layout.VersionProps)}";
        }
        var changelog = File.Exists(layout.Changelog) ? File.ReadAllText(layout.Changelog) : "";
        notes = Changelog.Section(changelog, version);
        if (notes is null)
        {
            return $"CHANGELOG.md has no section for {version}";
        }
        return ReleaseHistory.Of(layout).IsReleased(version) ? null
            : $"CHANGELOG.md's section for {version} has no release date: prepare the release with the release command (docs/maintaining/upstream.md#releasing)";
    }
}
