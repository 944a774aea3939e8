using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using Upstash.Workflow.Generator;

namespace Upstash.Workflow.Release;

/// <summary>What one update is asked to do.</summary>
/// <param name="Spec">Upstream's file: a path, or an https URL; null for the address the lock records (<see cref="SpecLock.Upstream"/>).</param>
/// <param name="DryRun">Decide and print the verdict, write nothing.</param>
/// <param name="PullRequestBody">Where to write the pull request's body; null for nowhere.</param>
/// <param name="Feed">Where the released packages are (<see cref="PackageFeed"/>); null for <see cref="PackageFeed.Variable"/>.</param>
/// <param name="OpenSpec">The spec an open pull request already proposes (accepted or refused): the same file again is nothing to do.</param>
public sealed record UpdateOptions(string? Spec, bool DryRun = false, string? PullRequestBody = null, string? Feed = null, string? OpenSpec = null)
{
    /// <summary>Called with each file just before the update writes it (a test fails one to see the rollback).</summary>
    public Action<string>? BeforeWrite { get; init; }
}

/// <summary>The verdict: what the update is for users, the versions, and everything a reviewer reads.</summary>
public sealed record UpdateResult(
    UpdateKind Kind, string OldVersion, string NewVersion, IReadOnlyList<ApiChange> Api, IReadOnlyList<WireChange> Wire,
    IReadOnlyList<string> ToDo, ValidationReport Validation, string? ChangelogEntry, string? Refusal)
{
    public string Line => $"Update: {Kind.ToString().ToLowerInvariant()}, {OldVersion} -> {NewVersion}";

    /// <summary>Whether package validation found no break the versions do not call breaking.</summary>
    public bool ValidationAgrees { get; init; } = true;
}

/// <summary>
/// Upstream's file in, a reviewed change out: replaces the spec as it is, regenerates and builds, classifies the change
/// for users (each package's public API, member by member, and the wire), gives the pending version what the change
/// deserves from the last release (<see cref="VersionRule.Pending"/>), merges its changelog entry into
/// <c>## [Unreleased]</c>, writes the lock file and the snapshots, and has package validation judge the result against
/// the last release as it was shipped. All or nothing: a refusal, a failed build or a crash leaves the working tree as it
/// was. The date is the release's to stamp (<see cref="ReleaseCommand"/>), so the same file gives the same change.
/// </summary>
public static partial class UpdateCommand
{
    /// <exception cref="UpdateFailedException">Upstream's file could not be read, or the last release is not in the feed.</exception>
    public static async Task<UpdateResult> RunAsync(Layout layout, UpdateOptions options, TextWriter log)
    {
        var version = CurrentVersion(layout);
        UpdateResult Refuse(string why, IReadOnlyList<string>? todo = null, ValidationReport? validation = null, IReadOnlyList<ApiChange>? api = null, IReadOnlyList<WireChange>? wire = null) =>
            new(UpdateKind.Refused, version, version, api ?? [], wire ?? [], todo ?? [], validation ?? ValidationReport.Skipped, null, why);

        var recorded = SpecLock.Read(layout.Lock);
        var spec = options.Spec ?? recorded?.Upstream
            ?? throw new UpdateFailedException($"No spec given, and {Path.GetFileName(layout.Lock)} records no upstream address: pass --spec.");
        var bytes = await SpecSource.ReadAsync(spec);
        var sha = SpecSource.Sha256(bytes);
        if (recorded?.UpstreamSha256 == sha || (options.OpenSpec is { } open && File.Exists(open) && SpecSource.Sha256(open) == sha))
        {
            log.WriteLine(recorded?.UpstreamSha256 == sha
                ? $"The spec is the one recorded in {Path.GetFileName(layout.Lock)} (SHA-256 {sha}): nothing to do."
                : $"The spec is the one the open pull request proposes (SHA-256 {sha}): nothing to do.");
            return new(UpdateKind.None, version, version, [], [], [], ValidationReport.Skipped, null, null);
        }

        // Named by the spec, so that building the same candidate again (a dry run, then the update) finds it unchanged.
        var scratch = Path.Combine(Path.GetTempPath(), $"upstash-update-{sha[..16]}");
        if (Directory.Exists(scratch))
        {
            Directory.Delete(scratch, recursive: true);
        }
        Directory.CreateDirectory(scratch);
        try
        {
            var candidate = Path.Combine(scratch, "openapi.yaml");
            await File.WriteAllBytesAsync(candidate, bytes);

            // The generator's own findings: errors stop the update, the warnings a person must act on are its to-do list.
            log.WriteLine("Generating from the new spec …");
            var findings = new DiagnosticBag();
            GeneratorCommand.Plan(new GeneratorOptions(candidate, layout.Overlay, layout.NSwagDocument, "", Path.Combine(scratch, "generated"), Path.Combine(scratch, "client.g.cs"), layout.CSharpOverlay), findings);
            var todo = findings.Items.Where(d => d.Severity == Severity.Warning).Select(d => d.ToString().Replace(scratch + Path.DirectorySeparatorChar, "", StringComparison.Ordinal).Replace(layout.Root + Path.DirectorySeparatorChar, "", StringComparison.Ordinal)).ToList();
            if (findings.HasErrors)
            {
                return Refuse("the generator stopped on these findings; each names the overlay action that fixes it:\n" + string.Join("\n", findings.Items.Where(d => d.Severity == Severity.Error)), todo);
            }

            log.WriteLine("Building the packages …");
            var build = await Dotnet.RunAsync(layout.Root, "build", layout.PackagesFilter, "-c", "Release", "-nologo", "-v", "q", $"-p:UpstashGenSpec={candidate}");
            if (!build.Succeeded)
            {
                return Refuse("the build failed:\n" + build.Errors, todo);
            }

            var listings = new Dictionary<ShippedPackage, string>();
            foreach (var package in Layout.Packages)
            {
                listings[package] = package.IsCommand ? await CommandLines.UsageOf(layout.BuiltAssembly(package)) : PublicApis.Of(layout.BuiltAssembly(package));
            }
            var api = Layout.Packages.SelectMany(p => Compare(p, Read(layout.ApiSnapshot(p)), listings[p])).ToList();
            var effective = await File.ReadAllTextAsync(layout.BuiltEffectiveSpec);
            var wire = WireChanges.Compare(JObject.Parse(Read(layout.EffectiveSpec)), JObject.Parse(effective));
            var kind = api.Any(c => c.Breaking) ? UpdateKind.Breaking : api.Count > 0 ? UpdateKind.Additive : wire.Count > 0 ? UpdateKind.Wire : UpdateKind.None;
            var released = ReleaseHistory.Of(layout).NewestAtOrBelow(version);
            var next = VersionRule.Pending(released, version, kind);

            // What the new packages will say they came from, before any of it is committed.
            var source = new SpecLock(spec, sha, SpecSource.Sha256(System.Text.Encoding.UTF8.GetBytes(LineEndings.Normalize(effective))), recorded?.Upstream);
            var provenance = (Path.Combine(scratch, "openapi.lock.json"), Path.Combine(scratch, "openapi.effective.json"));
            await File.WriteAllTextAsync(provenance.Item1, source.ToJson());
            await File.WriteAllTextAsync(provenance.Item2, LineEndings.Normalize(effective));

            var entry = kind == UpdateKind.None ? null : Changelog.Entry(source, api, wire);
            var changelog = entry is null ? null : Changelog.Merge(File.Exists(layout.Changelog) ? Read(layout.Changelog) : null, entry);
            using var files = new FileTransaction { BeforeWrite = options.BeforeWrite };
            var validation = ValidationReport.Skipped;
            var agrees = true;
            if (kind != UpdateKind.None)
            {
                var baseline = Baseline.Find(layout, version, below: false, PackageFeed.Resolve(options.Feed), scratch);
                // What was just built, packed to be judged (the release packs its own, once, from the merged tree).
                var packages = Path.Combine(scratch, "packages");
                log.WriteLine(baseline is not null ? $"Packing {next} against the release {baseline.Version} …" : $"Packing {next} …");
                if (baseline is not null)
                {
                    // Every break against the release is found again (an earlier update's too), and accepted anew or refused.
                    foreach (var package in Layout.Packages)
                    {
                        foreach (var file in layout.AllAcceptedBreaks(package))
                        {
                            files.Delete(file);
                        }
                    }
                }
                validation = await PackageValidation.PackAsync(layout, candidate, next, packages, baseline, provenance: provenance, built: true);
                var breaking = baseline is not null && VersionRule.Between(baseline.Version, next) == UpdateKind.Breaking;
                agrees = validation.Breaks.Count == 0 || breaking;
                if (!agrees)
                {
                    return Refuse($"package validation found breaks against {baseline!.Version}, which {next} does not call breaking (the classification said {kind.ToString().ToLowerInvariant()}); both reports follow, and a person decides.\n{ApiChanges.Describe(api)}\n{validation}", todo, validation, api, wire) with { ValidationAgrees = false };
                }
                if (validation.Breaks.Count > 0)
                {
                    // A breaking version: the breaks are accepted, each with the changelog bullet that says why, so its own pack passes.
                    validation = await AcceptAsync(layout, files, candidate, next, packages, baseline!, Changelog.Section(changelog!, Changelog.Unreleased)!, validation, provenance, built: true);
                    if (!validation.Passed)
                    {
                        return Refuse("the breaks could not be recorded as accepted:\n" + validation.Output, todo, validation, api, wire);
                    }
                }
                else if (!validation.Passed)
                {
                    return Refuse("the pack failed:\n" + validation.Output, todo, validation, api, wire);
                }
            }

            var result = new UpdateResult(kind, version, next, api, wire, [.. todo, .. EmulatorWork(wire)], validation, entry, null) { ValidationAgrees = agrees };
            if (options.DryRun)
            {
                return result;
            }

            files.Write(layout.Spec, bytes);
            files.Write(layout.Lock, source.ToJson());
            files.Write(layout.EffectiveSpec, LineEndings.Normalize(effective));
            foreach (var package in Layout.Packages)
            {
                files.Write(layout.ApiSnapshot(package), LineEndings.Normalize(listings[package]));
            }
            files.Write(layout.ClientSnapshot, LineEndings.Normalize(await File.ReadAllTextAsync(layout.BuiltClient)));
            if (next != version)
            {
                files.Write(layout.VersionProps, VersionPrefix().Replace(Read(layout.VersionProps), $"<VersionPrefix>{next}</VersionPrefix>", 1));
            }
            if (changelog is not null)
            {
                files.Write(layout.Changelog, changelog);
            }
            files.Commit();
            return result;
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    /// <summary>The version in src/Directory.Build.props.</summary>
    public static string CurrentVersion(Layout layout) =>
        VersionPrefix().Match(Read(layout.VersionProps)) is { Success: true } m ? m.Groups["version"].Value
            : throw new InvalidOperationException($"No <VersionPrefix> in {layout.VersionProps}.");

    /// <summary>Writes <c>VersionPrefix</c>, the one place of the version.</summary>
    public static string WithVersion(Layout layout, string version) => VersionPrefix().Replace(Read(layout.VersionProps), $"<VersionPrefix>{version}</VersionPrefix>", 1);

    /// <summary>
    /// Records the breaks <paramref name="found"/> of <paramref name="version"/> against <paramref name="baseline"/> as
    /// accepted (package validation writes them), each with the bullet of <paramref name="section"/> that names its member:
    /// what a breaking version's own pack reads, in CI and at its release.
    /// </summary>
    public static async Task<ValidationReport> AcceptAsync(Layout layout, FileTransaction files, string? spec, string version, string packages, Baseline baseline, string section, ValidationReport found,
        (string, string)? provenance = null, bool built = false)
    {
        foreach (var package in Layout.Packages)
        {
            files.Keep(layout.AcceptedBreaks(package, baseline.Version));
        }
        var written = await PackageValidation.PackAsync(layout, spec, version, packages, baseline, acceptBreaks: true, provenance: provenance, built: built);
        var recorded = Layout.Packages.Select(p => layout.AcceptedBreaks(p, baseline.Version)).Where(File.Exists).ToList();
        foreach (var file in recorded)
        {
            AcceptedBreaks.Annotate(file, version, baseline.Version, section);
        }
        var ok = written.Passed && recorded.Count > 0;
        return found with { Passed = ok, Accepted = true, Output = ok ? "" : written.Output + "\nNo accepted-breaks file was written." };
    }

    /// <summary>
    /// What the emulator must learn of the new spec (the generated client follows by itself; the emulator is handwritten):
    /// each operation that came, and each field that came, which its answers must carry. Its tests name both until then.
    /// </summary>
    public static IEnumerable<string> EmulatorWork(IReadOnlyList<WireChange> wire)
    {
        foreach (var change in wire)
        {
            if (change.What.StartsWith("operation `", StringComparison.Ordinal) && change.What.EndsWith(" added", StringComparison.Ordinal))
            {
                yield return $"The emulator does not answer `{change.Place}` ({change.What[..^6]}): teach it (src/Upstash.Workflow.Testing, EmulatorApi.*.cs), then call it in the emulator session (tests/Upstash.Workflow.TestSupport/Emulator/EmulatorSession.cs) and add its operation case (tests/Upstash.Workflow.TestSupport/Operations/OperationCases.cs).";
            }
            else if (change.Place.StartsWith("schema ", StringComparison.Ordinal) && change.What.StartsWith("property `", StringComparison.Ordinal) && change.What.EndsWith(" added", StringComparison.Ordinal))
            {
                yield return $"Where the emulator answers with `{change.Place["schema ".Length..]}`, it should send the new {change.What[..^6]} (Emulator/EmulatorCoverageTests names each field no answer carried).";
            }
        }
    }

    /// <summary>A package's surface against its snapshot: a library's public API, a command's command line.</summary>
    public static IReadOnlyList<ApiChange> Compare(ShippedPackage package, string before, string after) =>
        package.IsCommand ? CommandLines.Compare(package.Id, before, after) : ApiChanges.Compare(before, after);

    private static string Read(string path) => LineEndings.Normalize(File.ReadAllText(path));

    [GeneratedRegex(@"<VersionPrefix>(?<version>\d+\.\d+\.\d+)</VersionPrefix>")]
    private static partial Regex VersionPrefix();
}
