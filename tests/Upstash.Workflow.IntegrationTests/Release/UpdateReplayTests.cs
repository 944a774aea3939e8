using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Upstash.Workflow.Release;
using Upstash.Workflow.IntegrationTests.Support;
using Upstash.Workflow.TestSupport;
using Upstash.Workflow.TestSupport.Generation;

namespace Upstash.Workflow.IntegrationTests.Release;

/// <summary>
/// Upstream publishes version after version; each goes through the update command in a copy of this repository,
/// and each must end in the version its change deserves, one changelog entry, and package validation's agreement
/// with the classification. Along the way: a dry run decides as the update does and writes nothing; a failure
/// midway and a refusal leave the tree as it was; the same file twice changes nothing; a break the classifier
/// misses is caught by package validation.
/// </summary>
public sealed partial class UpdateReplayTests(Reporter reporter) : IClassFixture<Reporter>
{
    private const string Date = "2026-12-06";

    [Fact]
    public async Task Upstreams_versions_become_releases_that_deserve_their_numbers()
    {
        using var copy = new TempDirectory();
        await Repository.CopyTrackedFilesAsync(copy.Path);
        var layout = new Layout(copy.Path);
        var releases = Path.Combine(copy.Path, "releases");
        var log = new StringWriter();
        var spec = await File.ReadAllTextAsync(layout.Spec);

        // The first release, as it was packed when it shipped.
        var first = await Dotnet.RunAsync(layout.Root, "pack", layout.PackagesFilter, "-c", "Release", "-o", Path.Combine(releases, "0.1.0"), "-nologo", "-v", "q");
        Assert.True(first.Succeeded, first.Errors);

        var outcomes = new List<(string Step, UpdateResult Result)>();
        async Task<UpdateResult> Update(string step, string text, bool dryRun = false, Action<string>? beforeWrite = null)
        {
            var file = Path.Combine(copy.Path, "upstream", step + ".yaml");
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            await File.WriteAllTextAsync(file, text);
            var version = UpdateCommand.CurrentVersion(layout);
            var result = await UpdateCommand.RunAsync(layout, new UpdateOptions(file, dryRun, Baseline: Path.Combine(releases, version),
                Packages: Path.Combine(releases, "next"), Date: Date) { BeforeWrite = beforeWrite }, log);
            if (!dryRun && result.NewVersion != result.OldVersion)
            {
                Directory.Move(Path.Combine(releases, "next"), Path.Combine(releases, result.NewVersion));
            }
            if (!dryRun)
            {
                outcomes.Add((step, result));
            }
            if (result.Refusal is not null && step != "refused")
            {
                Assert.Fail($"{step}: {result.Line}: {result.Refusal}");
            }
            return result;
        }

        // 1. Additive: restart takes a new header.
        var clock = Stopwatch.StartNew();
        spec = Insert(spec, "  /v2/workflows/dlq/restart/{dlqId}:", "      parameters:\n", """
                    - in: header
                      name: Upstash-Priority
                      required: false
                      schema:
                        type: integer
                      description: The new run's priority.

            """);
        var additive = await Update("additive", spec);
        var oneUpdate = clock.Elapsed;
        Assert.Equal((UpdateKind.Additive, "0.1.0", "0.1.1"), (additive.Kind, additive.OldVersion, additive.NewVersion));
        Assert.Contains("`RestartWorkflowOptions.Priority`: the new `Upstash-Priority` header of `POST /v2/workflows/dlq/restart/{dlqId}`", additive.ChangelogEntry, StringComparison.Ordinal);

        // 2. Wire only: a status the logs listing may answer, and a description rewritten. A dry run first.
        spec = Insert(spec, "  /v2/workflows/logs:", "      responses:\n", "        '503':\n          description: The service is briefly unavailable.\n");
        spec = spec.Replace("Returns one DLQ entry.", "Returns one entry of the DLQ.", StringComparison.Ordinal);
        var before = Fingerprint(layout.Root);
        var dry = await Update("wire", spec, dryRun: true);
        Assert.Equal(before, Fingerprint(layout.Root));
        var wire = await Update("wire", spec);
        Assert.Equal((dry.Kind, dry.OldVersion, dry.NewVersion, dry.ChangelogEntry), (wire.Kind, wire.OldVersion, wire.NewVersion, wire.ChangelogEntry));
        Assert.Equal((UpdateKind.Wire, "0.1.2"), (wire.Kind, wire.NewVersion));
        Assert.Contains("Wire: `GET /v2/workflows/logs`: response 503 added", wire.ChangelogEntry, StringComparison.Ordinal);

        // 3. Nothing users see (a comment): a failure while writing leaves the tree as it was; then it goes through.
        spec += "# Reformatted upstream.\n";
        before = Fingerprint(layout.Root);
        var written = 0;
        await Assert.ThrowsAsync<IOException>(() => Update("comment", spec, beforeWrite: _ => { if (++written == 3) { throw new IOException("planted: the disk filled up"); } }));
        Assert.Equal(before, Fingerprint(layout.Root));
        var none = await Update("comment", spec);
        Assert.Equal((UpdateKind.None, "0.1.2"), (none.Kind, none.NewVersion));

        // 4. Breaking: a DLQ entry can no longer be deleted one by one.
        spec = Remove(spec, "  /v2/workflows/dlq/{dlqId}:", "    delete:");
        var breaking = await Update("breaking", spec);
        Assert.Equal((UpdateKind.Breaking, "0.2.0"), (breaking.Kind, breaking.NewVersion));
        Assert.Contains(breaking.Validation.Breaks, b => b.StartsWith("CP0002", StringComparison.Ordinal) && b.Contains("DeleteFailedRunAsync", StringComparison.Ordinal));
        Assert.Contains("**Breaking:** `DlqClient.DeleteFailedRunAsync`: removed with the operation `DELETE /v2/workflows/dlq/{dlqId}`", breaking.ChangelogEntry, StringComparison.Ordinal);
        Assert.True(File.Exists(layout.AcceptedBreaks(Layout.Packages[0])), "the accepted break is not recorded");

        // 5. Refused: a path parameter its path does not have (the generator's UG0101); nothing changes.
        before = Fingerprint(layout.Root);
        var refused = await Update("refused", spec.Replace("  /v2/workflows/logs:", """
              /v2/workflows/broken:
                get:
                  tags:
                    - Logs
                  summary: Broken
                  parameters:
                    - in: path
                      name: id
                      required: true
                      schema:
                        type: string
                  responses:
                    '200':
                      description: OK
              /v2/workflows/logs:
            """.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n') + "\n", StringComparison.Ordinal).Replace("  /v2/workflows/logs:\n  /v2/workflows/logs:", "  /v2/workflows/logs:", StringComparison.Ordinal));
        Assert.Equal(UpdateKind.Refused, refused.Kind);
        Assert.Contains("UG0101", refused.Refusal, StringComparison.Ordinal);
        Assert.Equal(before, Fingerprint(layout.Root));

        // 6. The same file again: nothing to do.
        var again = await Update("again", spec);
        Assert.Equal((UpdateKind.None, "0.2.0", "0.2.0"), (again.Kind, again.OldVersion, again.NewVersion));

        // The changelog: one entry per version, newest first.
        var changelog = await File.ReadAllTextAsync(layout.Changelog);
        Assert.Equal(["0.2.0", "0.1.2", "0.1.1", "0.1.0"], Changelog.Versions(changelog));
        Assert.Equal("0.2.0", UpdateCommand.CurrentVersion(layout));

        // What CI and the release workflow run after the tests: 0.2.0 against 0.1.2, its accepted break recorded.
        Assert.Equal(0, await Program.Main(["check-compat", "--baseline", Path.Combine(releases, "0.1.2"), "--baseline-version", "0.1.2", "--root", layout.Root]));

        // A break the classifier misses: the API snapshot already says what the next spec gives (accepted, never
        // released), so the classifier sees only the wire; package validation, against the release, finds the break.
        var cancel = Remove(spec, "  /v2/workflows/runs/{workflowRunId}:", "    delete:");
        var missed = await MissedBreakAsync(layout, copy.Path, cancel, releases, log);
        Assert.Equal(UpdateKind.Refused, missed.Kind);
        Assert.Contains("package validation found breaks the classification called wire", missed.Refusal, StringComparison.Ordinal);
        Assert.Contains(missed.Validation.Breaks, b => b.Contains("CP0002", StringComparison.Ordinal));

        var validated = outcomes.Where(o => o.Result.Validation.Baseline is not null).ToList();
        var counts = string.Join(", ", new[] { UpdateKind.None, UpdateKind.Wire, UpdateKind.Additive, UpdateKind.Breaking, UpdateKind.Refused }
            .Select(k => $"{outcomes.Count(o => o.Result.Kind == k)} {k.ToString().ToLowerInvariant()}"));
        reporter.Say($"Update replay: {outcomes.Count} versions: {counts}; CHANGELOG {Changelog.Versions(changelog).Count - 1} entries; " +
            $"package validation agreed {validated.Count(o => o.Result.ValidationAgrees)} of {validated.Count}; a planted miss (classifier: wire) refused on package validation's {missed.Validation.Breaks.Count} break(s). One update (generate, build, two packs): {oneUpdate.TotalSeconds:0} s.");
        reporter.Say("Changelog the replay wrote:\n" + changelog[changelog.IndexOf("## [0.2.0]", StringComparison.Ordinal)..changelog.IndexOf("## [0.1.0]", StringComparison.Ordinal)].TrimEnd());
        Assert.All(validated, o => Assert.True(o.Result.ValidationAgrees, $"{o.Step}: {o.Result.Validation}"));
        Assert.Equal(3, validated.Count);
    }

    private static async Task<UpdateResult> MissedBreakAsync(Layout layout, string root, string spec, string releases, TextWriter log)
    {
        var file = Path.Combine(root, "upstream", "missed.yaml");
        await File.WriteAllTextAsync(file, spec);
        var version = UpdateCommand.CurrentVersion(layout);
        // What the snapshot would say had the change been accepted without a release: the API without the member.
        var snapshot = layout.ApiSnapshot(Layout.Packages[0]);
        var api = await File.ReadAllTextAsync(snapshot);
        var cancel = CancelMember().Matches(api).Select(m => m.Value).ToList();
        Assert.NotEmpty(cancel);
        await File.WriteAllTextAsync(snapshot, cancel.Aggregate(api, (text, member) => text.Replace(member, "", StringComparison.Ordinal)));
        return await UpdateCommand.RunAsync(layout, new UpdateOptions(file, Baseline: Path.Combine(releases, version), Date: Date), log);
    }

    /// <summary>Every file of the tree an update may touch, by content.</summary>
    private static string Fingerprint(string root) => string.Join("\n",
        new[] { "openapi", "src", Path.GetRelativePath(root, new Layout(root).Snapshots) }
            .SelectMany(dir => Directory.EnumerateFiles(Path.Combine(root, dir), "*", SearchOption.AllDirectories))
            .Append(Path.Combine(root, "CHANGELOG.md"))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal) && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(f => $"{Path.GetRelativePath(root, f)} {Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))}"));

    /// <summary><paramref name="text"/> put after the first <paramref name="after"/> line that follows <paramref name="path"/>.</summary>
    private static string Insert(string spec, string path, string after, string text)
    {
        var at = spec.IndexOf(after, spec.IndexOf(path, StringComparison.Ordinal), StringComparison.Ordinal) + after.Length;
        return spec[..at] + text.Replace("\r\n", "\n", StringComparison.Ordinal) + spec[at..];
    }

    /// <summary>The operation <paramref name="method"/> of <paramref name="path"/>, taken out; the path too when it was its only one.</summary>
    private static string Remove(string spec, string path, string method)
    {
        var at = spec.IndexOf(path, StringComparison.Ordinal);
        var start = spec.IndexOf(method, at, StringComparison.Ordinal);
        var end = NextOperationOrPath().Match(spec, start + method.Length).Index;
        var only = start == at + path.Length + 1 && spec.AsSpan(end).StartsWith("  /");
        return spec[..(only ? at : start)] + spec[end..];
    }

    [GeneratedRegex(@"^(  /|    [a-z]+:)", RegexOptions.Multiline)]
    private static partial Regex NextOperationOrPath();

    [GeneratedRegex(@"\n[^\n]*CancelWorkflowRunAsync\([^\n]*")]
    private static partial Regex CancelMember();
}
