using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using Upstash.Workflow.Generator;

namespace Upstash.Workflow.Release;

/// <summary>What one update is asked to do.</summary>
/// <param name="Spec">Upstream's file: a path, or an https URL.</param>
/// <param name="DryRun">Decide and print the verdict, write nothing.</param>
/// <param name="PullRequestBody">Where to write the pull request's body; null for nowhere.</param>
/// <param name="Baseline">A folder with the last release's packages; null packs them from its tag (v{version}), if there is one.</param>
/// <param name="Packages">Where to leave the new version's packages; null for nowhere.</param>
/// <param name="Date">The release date written to the lock file and the changelog.</param>
public sealed record UpdateOptions(string Spec, bool DryRun = false, string? PullRequestBody = null, string? Baseline = null, string? Packages = null, string? Date = null)
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

    /// <summary>Whether package validation found no break the classification did not call breaking.</summary>
    public bool ValidationAgrees => Validation.Breaks.Count == 0 || Kind == UpdateKind.Breaking;
}

/// <summary>
/// Upstream's file in, a reviewed release out: replaces the spec as it is, regenerates and builds, classifies the
/// change for users (each package's public API, member by member, and the wire), bumps the version by
/// <see cref="VersionRule"/>, writes the changelog entry, the lock file and the snapshots, and has package
/// validation judge the result against the last release. All or nothing: a refusal, a failed build or a crash
/// leaves the working tree as it was.
/// </summary>
public static partial class UpdateCommand
{
    public static async Task<UpdateResult> RunAsync(Layout layout, UpdateOptions options, TextWriter log)
    {
        var version = CurrentVersion(layout);
        var date = options.Date ?? DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        UpdateResult Refuse(string why, IReadOnlyList<string>? todo = null, ValidationReport? validation = null, IReadOnlyList<ApiChange>? api = null, IReadOnlyList<WireChange>? wire = null) =>
            new(UpdateKind.Refused, version, version, api ?? [], wire ?? [], todo ?? [], validation ?? ValidationReport.Skipped, null, why);

        byte[] bytes;
        try
        {
            bytes = await SpecSource.ReadAsync(options.Spec);
        }
        catch (UpdateRefusedException e)
        {
            return Refuse(e.Message);
        }
        var sha = SpecSource.Sha256(bytes);
        var recorded = SpecLock.Read(layout.Lock);
        if (recorded?.UpstreamSha256 == sha)
        {
            log.WriteLine($"The spec is the one recorded in {Path.GetFileName(layout.Lock)} (SHA-256 {sha}): nothing to do.");
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

            var listings = Layout.Packages.ToDictionary(p => p, p => PublicApis.Of(layout.BuiltAssembly(p)));
            var api = Layout.Packages.SelectMany(p => ApiChanges.Compare(Read(layout.ApiSnapshot(p)), listings[p])).ToList();
            var effective = await File.ReadAllTextAsync(layout.BuiltEffectiveSpec);
            var wire = WireChanges.Compare(JObject.Parse(Read(layout.EffectiveSpec)), JObject.Parse(effective));
            var kind = api.Any(c => c.Breaking) ? UpdateKind.Breaking : api.Count > 0 ? UpdateKind.Additive : wire.Count > 0 ? UpdateKind.Wire : UpdateKind.None;
            var next = VersionRule.Next(version, kind);

            // What the new packages will say they came from, before any of it is committed.
            var source = new SpecLock(options.Spec, sha, date, SpecSource.Sha256(System.Text.Encoding.UTF8.GetBytes(Scrubber.Scrub(effective))));
            var provenance = (Path.Combine(scratch, "openapi.lock.json"), Path.Combine(scratch, "openapi.effective.json"));
            await File.WriteAllTextAsync(provenance.Item1, source.ToJson());
            await File.WriteAllTextAsync(provenance.Item2, Scrubber.Scrub(effective));

            using var files = new FileTransaction { BeforeWrite = options.BeforeWrite };
            var validation = ValidationReport.Skipped;
            if (kind != UpdateKind.None)
            {
                var baseline = options.Baseline ?? await BaselineFromTagAsync(layout, version, scratch, log);
                var packages = options.Packages ?? Path.Combine(scratch, "packages");
                // Accepted breaks are those of this version against the last release: an earlier update's go first.
                foreach (var package in Layout.Packages)
                {
                    files.Delete(layout.AcceptedBreaks(package));
                }
                log.WriteLine(PackageValidation.HasBaseline(baseline, version) ? $"Packing {next} against {version} …" : $"Packing {next} …");
                validation = PackageValidation.HasBaseline(baseline, version)
                    ? await PackageValidation.PackAsync(layout, candidate, next, packages, baseline, version, provenance: provenance)
                    : await PackageValidation.PackAsync(layout, candidate, next, packages, null, null, provenance: provenance);
                if (validation.Breaks.Count > 0 && kind != UpdateKind.Breaking)
                {
                    return Refuse($"package validation found breaks the classification called {kind.ToString().ToLowerInvariant()}; both reports follow, and a person decides.\n{ApiChanges.Describe(api)}\n{validation}", todo, validation, api, wire);
                }
                if (validation.Breaks.Count > 0)
                {
                    // A breaking version: the breaks are accepted, and recorded so that its own pack passes.
                    foreach (var package in Layout.Packages)
                    {
                        files.Keep(layout.AcceptedBreaks(package));
                    }
                    await PackageValidation.PackAsync(layout, candidate, next, packages, baseline, version, acceptBreaks: true, provenance: provenance);
                    var again = await PackageValidation.PackAsync(layout, candidate, next, packages, baseline, version, provenance: provenance);
                    if (!again.Passed)
                    {
                        return Refuse("the breaks were accepted, yet the pack still fails:\n" + again.Output, todo, again, api, wire);
                    }
                }
                else if (!validation.Passed)
                {
                    return Refuse("the pack failed:\n" + validation.Output, todo, validation, api, wire);
                }
            }

            var entry = next == version ? null : Changelog.Entry(next, date, source, api, wire);
            var result = new UpdateResult(kind, version, next, api, wire, todo, validation, entry, null);
            if (options.DryRun)
            {
                return result;
            }

            files.Write(layout.Spec, bytes);
            files.Write(layout.Lock, source.ToJson());
            files.Write(layout.EffectiveSpec, Scrubber.Scrub(effective));
            foreach (var package in Layout.Packages)
            {
                files.Write(layout.ApiSnapshot(package), Scrubber.Scrub(listings[package]));
            }
            files.Write(layout.ClientSnapshot, Scrubber.Scrub(await File.ReadAllTextAsync(layout.BuiltClient)));
            if (entry is not null)
            {
                files.Write(layout.VersionProps, VersionPrefix().Replace(Read(layout.VersionProps), $"<VersionPrefix>{next}</VersionPrefix>", 1));
                files.Write(layout.Changelog, Changelog.Prepend(File.Exists(layout.Changelog) ? Read(layout.Changelog) : null, entry));
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

    /// <summary>The last release's packages, packed from its tag (builds are deterministic); null when it has none.</summary>
    public static async Task<string?> BaselineFromTagAsync(Layout layout, string version, string scratch, TextWriter log)
    {
        var tag = $"v{version}";
        if (!(await Git(layout.Root, "rev-parse", "-q", "--verify", $"refs/tags/{tag}")).Succeeded)
        {
            log.WriteLine($"No tag {tag}: no earlier release to validate against.");
            return null;
        }
        var tree = Path.Combine(scratch, "baseline-source");
        var packages = Path.Combine(scratch, "baseline");
        log.WriteLine($"Packing the last release from {tag} …");
        if (!(await Git(layout.Root, "worktree", "add", "--detach", tree, tag)).Succeeded)
        {
            throw new InvalidOperationException($"Could not check out {tag}.");
        }
        try
        {
            var pack = await Dotnet.RunAsync(tree, "pack", new Layout(tree).PackagesFilter, "-c", "Release", "-o", packages, "-nologo", "-v", "q");
            return pack.Succeeded ? packages : throw new InvalidOperationException($"The release {tag} does not pack:\n{pack.Errors}");
        }
        finally
        {
            await Git(layout.Root, "worktree", "remove", "--force", tree);
        }
    }

    private static Task<Dotnet.Outcome> Git(string root, params string[] arguments) => Dotnet.RunProgramAsync("git", root, arguments);

    private static string Read(string path) => Scrubber.NormalizeNewlines(File.ReadAllText(path));

    [GeneratedRegex(@"<VersionPrefix>(?<version>\d+\.\d+\.\d+)</VersionPrefix>")]
    private static partial Regex VersionPrefix();
}
