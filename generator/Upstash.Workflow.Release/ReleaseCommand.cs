using System.Globalization;

namespace Upstash.Workflow.Release;

/// <summary>What a release is asked to do.</summary>
/// <param name="Bump">For a release that no update versioned (changes made by hand): "patch", "minor" or "major".</param>
/// <param name="Date">The date stamped on the release's changelog section (yyyy-mm-dd); null for today (UTC).</param>
/// <param name="Feed">Where the released packages are; null for <see cref="PackageFeed.Variable"/>.</param>
public sealed record ReleaseOptions(string? Bump = null, string? Date = null, string? Feed = null);

/// <summary>The release prepared: its version, or why there is none.</summary>
public sealed record ReleaseResult(string? Version, string? Refusal, ValidationReport Validation)
{
    public string Line => Version is not null
        ? $"Release: {Version} prepared; commit it, merge it, and tag v{Version} on main."
        : $"Release refused: {Refusal}";
}

/// <summary>
/// Prepares a release from what <c>## [Unreleased]</c> holds: the version what is pending deserves from the last release
/// (set by the updates, or by <see cref="ReleaseOptions.Bump"/> for changes made by hand), that section stamped with the
/// version and today's date under a fresh <c>## [Unreleased]</c>, <c>VersionPrefix</c> set, and the packages judged by
/// package validation against the last release as it was shipped: a break in a version that is not breaking refuses the
/// release, a breaking version records each break it accepts with its reason. A version the updates set was judged by
/// them already, so only a version <see cref="ReleaseOptions.Bump"/> asks for is packed here. All or nothing.
/// </summary>
public static class ReleaseCommand
{
    public static async Task<ReleaseResult> RunAsync(Layout layout, ReleaseOptions options, TextWriter log)
    {
        var changelog = File.Exists(layout.Changelog) ? LineEndings.Normalize(await File.ReadAllTextAsync(layout.Changelog)) : "";
        var version = UpdateCommand.CurrentVersion(layout);
        var history = ReleaseHistory.Of(layout);
        var released = history.NewestAtOrBelow(version);
        ReleaseResult Refuse(string why, ValidationReport? validation = null) => new(null, why, validation ?? ValidationReport.Skipped);

        if (!Changelog.HasUnreleased(changelog))
        {
            return Refuse("## [Unreleased] in CHANGELOG.md is empty: say there what the release changes.");
        }
        if (Target(released, version, options.Bump, out var why) is not { } target)
        {
            return Refuse(why!);
        }
        var date = options.Date ?? DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var stamped = Changelog.Stamp(changelog, target, date);

        var scratch = Directory.CreateTempSubdirectory("upstash-release-").FullName;
        try
        {
            using var files = new FileTransaction();
            var baseline = options.Bump is null ? null : Baseline.Find(layout, target, below: true, PackageFeed.Resolve(options.Feed), scratch);
            var validation = ValidationReport.Skipped;
            if (baseline is not null)
            {
                // Files recorded against another release are obsolete; this release is judged against its own baseline anew.
                foreach (var file in Layout.Packages.SelectMany(layout.AllAcceptedBreaks))
                {
                    files.Delete(file);
                }
                log.WriteLine($"Packing {target} against the release {baseline.Version} …");
                var packages = Path.Combine(scratch, "packages");
                validation = await PackageValidation.PackAsync(layout, null, target, packages, baseline);
                if (validation.Breaks.Count > 0)
                {
                    if (VersionRule.Between(baseline.Version, target) != UpdateKind.Breaking)
                    {
                        return Refuse($"{target} is not a breaking version, but package validation finds breaks against {baseline.Version}: release it with --bump {(VersionRule.Parts(baseline.Version)[0] == 0 ? "minor" : "major")} and say each break under ## [Unreleased], or undo them.\n{validation}", validation);
                    }
                    validation = await UpdateCommand.AcceptAsync(layout, files, null, target, packages, baseline, Changelog.Section(stamped, target)!, validation, built: true);
                }
                if (!validation.Passed)
                {
                    return Refuse("the pack failed:\n" + validation.Output, validation);
                }
            }
            files.Write(layout.Changelog, stamped);
            if (target != version)
            {
                files.Write(layout.VersionProps, UpdateCommand.WithVersion(layout, target));
            }
            files.Commit();
            return new ReleaseResult(target, null, validation);
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    /// <summary>
    /// The version a release of <paramref name="pending"/> has: the first release is the project's version; later, the one the
    /// updates gave since <paramref name="released"/>, moved on by <paramref name="bump"/> (patch, minor or major, in SemVer's
    /// places) for changes made by hand. Null, with <paramref name="why"/>, when there is none to give.
    /// </summary>
    public static string? Target(string? released, string pending, string? bump, out string? why)
    {
        if (bump is not (null or "patch" or "minor" or "major"))
        {
            throw new ArgumentException($"--bump takes patch, minor or major, not '{bump}'.");
        }
        why = null;
        if (released is null)
        {
            why = bump is null ? null : $"the first release is the version in the project ({pending}); --bump moves on from a release.";
            return bump is null ? pending : null;
        }
        UpdateKind? kind = bump switch
        {
            null => null,
            "patch" => UpdateKind.Wire,
            "minor" => VersionRule.Parts(released)[0] == 0 ? UpdateKind.Breaking : UpdateKind.Additive,
            _ => UpdateKind.Breaking,
        };
        var target = VersionRule.Pending(released, pending, kind ?? UpdateKind.None);
        if (target == released)
        {
            why = $"{released} is released and nothing since gave a new version: say which with --bump patch or --bump minor.";
            return null;
        }
        return target;
    }
}
