namespace Upstash.Workflow.Release;

/// <summary>The release a build is judged against: its version, and a folder with its packages as they were shipped.</summary>
public sealed record Baseline(string Version, string Folder)
{
    /// <summary>
    /// The release to judge <paramref name="version"/> against, taken from <paramref name="feed"/>: the newest release at
    /// or below it (<paramref name="below"/>: below it, for the release of <paramref name="version"/> itself). Null before
    /// the first release. The project's own version whose section is stamped but whose packages are not out yet is being
    /// released: the one before it is taken. Any other release missing from the feed is an error, never a skipped check.
    /// </summary>
    /// <exception cref="UpdateFailedException">A release that should be the baseline is not in the feed, or no feed was given.</exception>
    public static Baseline? Find(Layout layout, string version, bool below, string? feed, string scratch)
    {
        var history = ReleaseHistory.Of(layout);
        var candidate = below ? history.NewestBelow(version) : history.NewestAtOrBelow(version);
        if (candidate is null)
        {
            return null;
        }
        if (feed is null)
        {
            throw new UpdateFailedException($"{candidate} is released (CHANGELOG.md), so the packages are judged against it, but no feed holds its packages: pass --feed <folder> or set {PackageFeed.Variable}.");
        }
        var folder = Path.Combine(scratch, "baseline-" + candidate);
        if (PackageFeed.Take(feed, candidate, folder) > 0 && File.Exists(Path.Combine(folder, $"{Layout.Packages[0].Id}.{candidate}.nupkg")))
        {
            return new Baseline(candidate, folder);
        }
        if (!below && candidate == version)
        {
            return Find(layout, version, below: true, feed, scratch);
        }
        throw new UpdateFailedException($"{candidate} is released (CHANGELOG.md), but the feed {feed} does not hold its packages ({Layout.Packages[0].Id}.{candidate}.nupkg): nothing to judge against. Publish it, or fetch it into the feed (.ci/fetch-releases).");
    }
}

/// <summary>The command could not do its work (a download failed, a release is missing from the feed): a failed run, not a verdict.</summary>
public sealed class UpdateFailedException(string message) : Exception(message);
