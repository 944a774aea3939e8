namespace Upstash.Workflow.Release;

/// <summary>
/// What a pull request must bring with a change of a public surface: a word for users under <c>## [Unreleased]</c> (or a
/// release's section, for a release being prepared). The API snapshots are the surfaces; a change they show that the
/// changelog does not is a change users would learn of by surprise.
/// </summary>
public static class ChangelogCheck
{
    /// <summary>Null when the change from <paramref name="base"/> to the working tree is fine; otherwise what is missing.</summary>
    public static async Task<string?> ProblemAsync(Layout layout, string @base)
    {
        var changed = await Dotnet.RunProgramAsync("git", layout.Root, "diff", "--name-only", @base, "--", ".");
        if (!changed.Succeeded)
        {
            throw new UpdateFailedException($"git diff against {@base} failed:\n{changed.Output}");
        }
        var files = changed.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(f => Path.GetFullPath(Path.Combine(layout.Root, f))).ToHashSet(StringComparer.Ordinal);
        var surfaces = Layout.Packages.Where(p => files.Contains(Path.GetFullPath(layout.ApiSnapshot(p)))).Select(p => p.Id).ToList();
        if (surfaces.Count == 0)
        {
            return null;
        }
        var before = await Dotnet.RunProgramAsync("git", layout.Root, "show", $"{@base}:CHANGELOG.md");
        var now = File.Exists(layout.Changelog) ? LineEndings.Normalize(await File.ReadAllTextAsync(layout.Changelog)) : "";
        var then = before.Succeeded ? LineEndings.Normalize(before.Output) : "";
        var said = Changelog.Section(now, Changelog.Unreleased) != Changelog.Section(then, Changelog.Unreleased)
            || Changelog.Released(now).Count > Changelog.Released(then).Count;
        return said ? null
            : $"the public surface of {string.Join(", ", surfaces)} changed (its snapshot in {Path.GetRelativePath(layout.Root, layout.Snapshots)}), but CHANGELOG.md's ## [Unreleased] did not: add a bullet for each member that changed, breaking ones marked **Breaking:**";
    }
}
