namespace Upstash.Workflow.Release;

/// <summary>What a release workflow checks before it builds anything: the tag names the version, and the changelog has its section.</summary>
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
        notes = File.Exists(layout.Changelog) ? Changelog.Section(File.ReadAllText(layout.Changelog), version) : null;
        return notes is null ? $"CHANGELOG.md has no section for {version}" : null;
    }
}
