namespace Upstash.Workflow.Release;

/// <summary>
/// The released packages, as they were shipped: a folder that a release pushed them to (NuGet's folder layout,
/// <c>id/version/id.version.nupkg</c>) or that holds them side by side (a GitHub release's assets, downloaded by
/// <c>.ci/fetch-releases</c>). A baseline is taken from here, never rebuilt from a tag with today's SDK.
/// </summary>
public static class PackageFeed
{
    /// <summary>The environment variable that names the feed when the command line does not.</summary>
    public const string Variable = "UPSTASHGEN_FEED";

    /// <summary>The feed the command line names, else <see cref="Variable"/>'s; null for none.</summary>
    public static string? Resolve(string? given) => given ?? (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } folder ? folder : null);

    /// <summary>
    /// Copies the packages of <paramref name="version"/> that the feed holds into <paramref name="into"/>, as
    /// <c>Id.Version.nupkg</c> (the form package validation reads), and returns how many of the shipped packages it found.
    /// </summary>
    public static int Take(string feed, string version, string into)
    {
        Directory.CreateDirectory(into);
        var found = 0;
        foreach (var package in Layout.Packages)
        {
            var file = $"{package.Id}.{version}.nupkg";
            var candidates = new[]
            {
                Path.Combine(feed, file),
                Path.Combine(feed, package.Id.ToLowerInvariant(), version, file.ToLowerInvariant()),
                Path.Combine(feed, package.Id, version, file),
            };
            if (candidates.FirstOrDefault(File.Exists) is { } path)
            {
                File.Copy(path, Path.Combine(into, file), overwrite: true);
                found++;
            }
        }
        return found;
    }

    /// <summary>The versions of the main package the feed holds, oldest first.</summary>
    public static IReadOnlyList<string> Versions(string feed)
    {
        var id = Layout.Packages[0].Id;
        var hierarchical = Path.Combine(feed, id.ToLowerInvariant());
        var versions = Directory.Exists(hierarchical)
            ? Directory.GetDirectories(hierarchical).Select(Path.GetFileName).OfType<string>()
            : Directory.Exists(feed)
                ? Directory.GetFiles(feed, $"{id}.*.nupkg").Select(f => Path.GetFileNameWithoutExtension(f)[(id.Length + 1)..]).Where(v => v.Count(c => c == '.') == 2 && v.All(c => char.IsAsciiDigit(c) || c == '.'))
                : [];
        return versions.Order(Comparer<string>.Create(VersionRule.Compare)).ToList();
    }
}
