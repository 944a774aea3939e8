using System.Text.RegularExpressions;

namespace Upstash.Workflow.Release;

/// <summary>What the SDK's package validation said of the new packages against the last release's.</summary>
/// <param name="Baseline">The version of the release compared with; null when there is none (before the first release).</param>
/// <param name="Passed">Whether the pack succeeded (its exit code, never whether a file was written).</param>
/// <param name="Breaks">The compatibility errors it reported (CP0002, …), one per line.</param>
/// <param name="Output">What failed, when it did not pass.</param>
/// <param name="Accepted">Whether the breaks were accepted (a breaking version records them, each with its reason).</param>
public sealed record ValidationReport(string? Baseline, bool Passed, IReadOnlyList<string> Breaks, string Output, bool Accepted = false)
{
    public static ValidationReport Skipped { get; } = new(null, true, [], "");

    public override string ToString() => Baseline is null
        ? "Package validation: no release before this one (CHANGELOG.md has none); nothing to compare with."
        : (Breaks.Count, Passed) switch
        {
            (0, true) => $"Package validation against {Baseline}: compatible.",
            (_, false) when Breaks.Count == 0 || Accepted => $"Package validation against {Baseline}: the pack failed:\n{Output}",
            _ => $"Package validation against {Baseline}: {Breaks.Count} break{(Breaks.Count == 1 ? "" : "s")}{(Accepted ? ", each accepted with its reason" : "")}\n" + string.Join("\n", Breaks.Select(b => "  " + b)),
        };
}

/// <summary>
/// Packs the shipped packages as a release would, with the SDK's package validation against a release's packages as
/// they were shipped (<see cref="Baseline"/>): the second, independent judge of what the update classified.
/// </summary>
public static partial class PackageValidation
{
    /// <summary>
    /// Packs version <paramref name="version"/> of the packages generated from <paramref name="spec"/> into
    /// <paramref name="output"/>, with <paramref name="provenance"/> (the lock file and effective spec they say they
    /// came from) when they are not yet the committed ones.
    /// </summary>
    /// <param name="baseline">The release to compare with; null packs without comparing.</param>
    /// <param name="acceptBreaks">Writes the breaks found as accepted (each package's AcceptedBreaks.&lt;release&gt;.xml) instead of failing on them.</param>
    /// <param name="built">The packages are built already (the update's build): pack what it built, versioned <paramref name="version"/>, to be judged.</param>
    public static async Task<ValidationReport> PackAsync(Layout layout, string? spec, string version, string output, Baseline? baseline, bool acceptBreaks = false, (string Lock, string EffectiveSpec)? provenance = null, bool built = false)
    {
        List<string> arguments = built
            ? ["pack", layout.PackagesFilter, "-c", "Release", "-o", output, "-nologo", "-v", "q", "--no-build", $"-p:PackageVersion={version}"]
            : ["pack", layout.PackagesFilter, "-c", "Release", "-o", output, "-nologo", "-v", "q", $"-p:VersionPrefix={version}"];
        if (spec is not null)
        {
            arguments.Add($"-p:UpstashGenSpec={spec}");
        }
        if (provenance is var (lockFile, effectiveSpec))
        {
            arguments.Add($"-p:UpstashGenLockFile={lockFile}");
            arguments.Add($"-p:UpstashGenEffectiveSpecFile={effectiveSpec}");
        }
        if (baseline is not null)
        {
            arguments.Add($"-p:UpstashGenBaseline={Path.GetFullPath(baseline.Folder)}");
            arguments.Add($"-p:UpstashGenBaselineVersion={baseline.Version}");
        }
        if (acceptBreaks)
        {
            arguments.Add("-p:ApiCompatGenerateSuppressionFile=true");
        }
        var outcome = await Dotnet.RunAsync(layout.Root, [.. arguments]);
        var breaks = Break().Matches(outcome.Output).Select(m => m.Groups["text"].Value.Trim()).Distinct().ToList();
        return new ValidationReport(baseline?.Version, outcome.Succeeded, breaks, outcome.Succeeded ? "" : outcome.Errors);
    }

    // "error CP0002: Member '…' exists on [Baseline] … but not on …"
    [GeneratedRegex(@"error (?<text>CP\d{4}: [^\[\n]*(?:\[Baseline\][^\n\[]*)?)")]
    private static partial Regex Break();
}
