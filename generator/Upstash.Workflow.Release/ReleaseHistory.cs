namespace Upstash.Workflow.Release;

/// <summary>
/// The releases so far, as CHANGELOG.md records them (a section with the date its release stamped), and the one each
/// check compares with: the newest released version at or below the version in the project.
/// </summary>
public sealed class ReleaseHistory(IReadOnlyList<(string Version, string Date)> released)
{
    public static ReleaseHistory Of(Layout layout) =>
        new(File.Exists(layout.Changelog) ? Changelog.Released(File.ReadAllText(layout.Changelog)) : []);

    /// <summary>Every release, newest first.</summary>
    public IReadOnlyList<(string Version, string Date)> Released { get; } = released;

    /// <summary>The newest release at or below <paramref name="version"/>; null before the first.</summary>
    public string? NewestAtOrBelow(string version) =>
        Released.Select(r => r.Version).Where(v => VersionRule.Compare(v, version) <= 0).OrderByDescending(v => v, Comparer<string>.Create(VersionRule.Compare)).FirstOrDefault();

    /// <summary>The newest release below <paramref name="version"/> (what the release of <paramref name="version"/> is judged against).</summary>
    public string? NewestBelow(string version) =>
        Released.Select(r => r.Version).Where(v => VersionRule.Compare(v, version) < 0).OrderByDescending(v => v, Comparer<string>.Create(VersionRule.Compare)).FirstOrDefault();

    public bool IsReleased(string version) => Released.Any(r => r.Version == version);
}
