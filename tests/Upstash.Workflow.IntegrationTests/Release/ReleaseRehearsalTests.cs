using Newtonsoft.Json.Linq;
using Upstash.Workflow.Release;
using Upstash.Workflow.TestSupport;

namespace Upstash.Workflow.IntegrationTests.Release;

/// <summary>
/// The release loop end to end, on this machine, as the workflows run it (their scripts under .ci/, the release tool,
/// git, a bare origin, a folder feed): the version in the project is released; upstream adds to its spec, the update's
/// pull request is opened, a maintainer pushes a commit to it, upstream publishes again and the update keeps that commit,
/// the pull request is merged and released; upstream removes an operation, package validation judges the update against
/// the release from the feed, agrees, and the break is accepted with its reason; released again. Along the way: the same
/// file twice does nothing, a dry run and a failure midway write nothing, a refusal leaves the tree as it was, and a break
/// the classifier misses is caught by package validation. Every version is derived from the project's own, never pinned:
/// the copy is moved to the next major version first, so the rehearsal runs on a version no test names (and under the
/// rule of 1.0.0 and later, while the project itself is at 0.y.z).
/// </summary>
public sealed class ReleaseRehearsalTests(Reporter reporter) : IClassFixture<Reporter>
{
    [Fact]
    public async Task Three_releases_from_the_project_through_an_additive_and_a_breaking_update()
    {
        using var repository = await ReleaseRepository.CreateAsync();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var project = repository.Version;
        await File.WriteAllTextAsync(repository.Layout.VersionProps, UpdateCommand.WithVersion(repository.Layout, $"{VersionRule.Parts(project)[0] + 1}.0.0"));
        await repository.CommitAsync("The next major version");
        await repository.GitAsync("push", "-q", "origin", "main");
        Assert.NotEqual(project, repository.Version);

        // 1. The version in the project, released: nothing before it, so nothing to judge it against.
        var first = await repository.ReleaseAsync("2026-12-07");
        Assert.Contains("no release before this one", first.Build, StringComparison.Ordinal);
        Assert.Equal([first.Version], PackageFeed.Versions(repository.Feed));

        // 2. Upstream grows, every kind of growth at once: an operation, an optional header on trigger and restart, an
        //    optional query parameter on a call that had none, a field, an enum value. Additive for both judges.
        var grown = await repository.UpstreamFileAsync("additive", Grow);
        var additive = await repository.UpdateFromUpstreamAsync(grown);
        var expected = VersionRule.Next(first.Version, UpdateKind.Additive);
        Assert.Equal(("additive", $"Update: additive, {first.Version} -> {expected}", "true"), (additive.Outputs["kind"], additive.Outputs["title"], additive.Outputs["pushed"]));
        Assert.Contains($"Package validation against {first.Version}: compatible.", additive.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("breaking ", additive.Output, StringComparison.Ordinal);
        var body = await File.ReadAllTextAsync(repository.File("pull-request.md"));
        Assert.Contains("- [ ] The emulator does not answer `GET /v2/workflows/dlq/growth-probe`", body, StringComparison.Ordinal);

        // The same file again, while its pull request is open: nothing to do, nothing pushed.
        await repository.FreshCheckoutAsync();
        var again = await repository.UpdateFromUpstreamAsync(grown);
        Assert.Equal(("none", "false"), (again.Outputs["kind"], again.Outputs["pushed"]));

        // A maintainer adds a commit to the pull request (the emulator's to-do, say); upstream publishes once more.
        await repository.MaintainerCommitsAsync("The emulator's part of the update", clone =>
            File.AppendAllTextAsync(Path.Combine(clone, "docs", "testing.md"), "\nThe emulator answers `GET /v2/workflows/dlq/growth-probe`.\n"));
        var newer = await repository.UpstreamFileAsync("wire", spec =>
        {
            Grow(spec);
            ((JObject)spec["paths"]!["/v2/workflows/logs"]!["get"]!["responses"]!)["503"] = new JObject { ["description"] = "The service is briefly unavailable." };
        });

        // Upstream's file reformatted (the same spec, other text): nothing users see. A dry run decides so and writes
        // nothing; a failure while writing leaves the tree as it was.
        await repository.FreshCheckoutAsync();
        var reformatted = await repository.UpstreamFileAsync("reformatted", _ => { });
        var before = repository.Fingerprint();
        var log = new StringWriter();
        var dry = await UpdateCommand.RunAsync(repository.Layout, new UpdateOptions(reformatted, DryRun: true, Feed: repository.Feed), log);
        Assert.Equal((UpdateKind.None, first.Version), (dry.Kind, dry.NewVersion));
        Assert.Equal(before, repository.Fingerprint());
        var written = 0;
        await Assert.ThrowsAsync<IOException>(() => UpdateCommand.RunAsync(repository.Layout,
            new UpdateOptions(reformatted, Feed: repository.Feed) { BeforeWrite = _ => { if (++written == 3) { throw new IOException("planted: the disk filled up"); } } }, log));
        Assert.Equal(before, repository.Fingerprint());

        var rebased = await repository.UpdateFromUpstreamAsync(newer);
        // Two updates since the release make one step from it, not two.
        Assert.Equal($"Update: additive, {first.Version} -> {expected}", rebased.Outputs["title"]);
        var branch = await repository.GitAsync("log", "--format=%s", "origin/main..origin/upstream-spec");
        Assert.Equal(["The emulator's part of the update", rebased.Outputs["title"]], branch.Split('\n'));
        Assert.Contains("The emulator answers", await repository.GitAsync("show", "origin/upstream-spec:docs/testing.md"), StringComparison.Ordinal);
        Assert.Contains("response 503 added", await repository.GitAsync("show", "origin/upstream-spec:CHANGELOG.md"), StringComparison.Ordinal);

        // 3. Merged, released: judged against the first release from the feed.
        await repository.MergeUpdateAsync();
        var second = await repository.ReleaseAsync("2026-12-14");
        Assert.Equal(expected, second.Version);
        Assert.Contains($"Package validation against {first.Version}: compatible.", second.Build, StringComparison.Ordinal);

        // Refused (a path parameter its path does not have): nothing changes.
        before = repository.Fingerprint();
        var broken = await repository.UpstreamFileAsync("refused", spec =>
            ((JArray)spec["paths"]!["/v2/workflows/logs"]!["get"]!["parameters"]!).Add(new JObject { ["in"] = "path", ["name"] = "id", ["required"] = true, ["schema"] = new JObject { ["type"] = "string" } }));
        var refused = await UpdateCommand.RunAsync(repository.Layout, new UpdateOptions(broken, Feed: repository.Feed), log);
        Assert.Equal(UpdateKind.Refused, refused.Kind);
        Assert.Contains("UG0101", refused.Refusal, StringComparison.Ordinal);
        Assert.Equal(before, repository.Fingerprint());

        // 4. Upstream removes the single DLQ delete: breaking, judged against the second release from the feed.
        var shrunk = await repository.UpstreamFileAsync("breaking", spec => ((JObject)spec["paths"]!["/v2/workflows/dlq/{dlqId}"]!).Remove("delete"));
        var breaking = await repository.UpdateFromUpstreamAsync(shrunk);
        var major = VersionRule.Next(second.Version, UpdateKind.Breaking);
        Assert.Equal(("breaking", $"Update: breaking, {second.Version} -> {major}"), (breaking.Outputs["kind"], breaking.Outputs["title"]));
        var judged = System.Text.RegularExpressions.Regex.Match(breaking.Output, $@"Package validation against {System.Text.RegularExpressions.Regex.Escape(second.Version)}: (?<breaks>\d+) breaks?, each accepted with its reason");
        Assert.True(judged.Success, breaking.Output);
        await repository.MergeUpdateAsync();
        var accepted = AcceptedBreaks.Read(repository.Layout.AcceptedBreaks(Layout.Packages[0], second.Version));
        Assert.NotEmpty(accepted);
        Assert.All(accepted, a => Assert.True(a.Reason is not null, $"{a.Target} is accepted without a reason"));
        Assert.Contains(accepted, a => a.Target.Contains("DeleteFailedRunAsync", StringComparison.Ordinal) && a.Reason!.StartsWith("**Breaking:** `DlqClient.DeleteFailedRunAsync`", StringComparison.Ordinal));

        // 5. Released: judged against the second release, its breaks accepted.
        var third = await repository.ReleaseAsync("2026-12-21");
        Assert.Equal(major, third.Version);
        Assert.Contains($"Package validation against {second.Version}: compatible.", third.Build, StringComparison.Ordinal);

        // The feed holds the three, the changelog a dated section for each.
        Assert.Equal([first.Version, second.Version, third.Version], PackageFeed.Versions(repository.Feed));
        var changelog = await File.ReadAllTextAsync(repository.Layout.Changelog);
        Assert.Equal([(third.Version, "2026-12-21"), (second.Version, "2026-12-14"), (first.Version, "2026-12-07")], Changelog.Released(changelog));
        Assert.Contains("GET /v2/workflows/dlq/growth-probe", Changelog.Section(changelog, second.Version), StringComparison.Ordinal);
        Assert.Contains("**Breaking:** `DlqClient.DeleteFailedRunAsync`", Changelog.Section(changelog, third.Version), StringComparison.Ordinal);

        // A break the classifier misses (its snapshot already says what the next spec gives) is caught by package validation.
        var cancel = await repository.UpstreamFileAsync("missed", spec => ((JObject)spec["paths"]!["/v2/workflows/runs/{workflowRunId}"]!).Remove("delete"));
        var snapshot = repository.Layout.ApiSnapshot(Layout.Packages[0]);
        var lines = (await File.ReadAllLinesAsync(snapshot)).Where(l => !l.Contains(" CancelWorkflowRunAsync(", StringComparison.Ordinal)).ToList();
        var options = lines.FindIndex(l => l.Trim() == "public sealed class CancelWorkflowRunOptions");
        lines.RemoveRange(options, lines.FindIndex(options, l => l == "    }") - options + 1);
        await File.WriteAllLinesAsync(snapshot, lines);
        before = repository.Fingerprint();
        var missed = await UpdateCommand.RunAsync(repository.Layout, new UpdateOptions(cancel, Feed: repository.Feed), log);
        Assert.Equal(UpdateKind.Refused, missed.Kind);
        Assert.Contains($"package validation found breaks against {third.Version}", missed.Refusal, StringComparison.Ordinal);
        Assert.False(missed.ValidationAgrees);
        Assert.Equal(before, repository.Fingerprint());

        reporter.Say($"Release rehearsal: {first.Version} released -> additive -> {second.Version} released -> breaking (package validation against {second.Version} from the feed: {judged.Groups["breaks"].Value} break(s), agreed) -> {third.Version} released; feed holds {PackageFeed.Versions(repository.Feed).Count} versions.");
        reporter.Say($"Release rehearsal took {clock.Elapsed.TotalSeconds:0} s: three releases, four updates through the script (one that found nothing to do), a dry run, a failed write, a refusal and a planted miss.");
    }

    /// <summary>Every kind of growth upstream can make, each additive, under names no version of upstream's file has.</summary>
    private static void Grow(JObject spec)
    {
        var paths = (JObject)spec["paths"]!;
        paths["/v2/workflows/dlq/growth-probe"] = JObject.Parse("""
            { "get": { "tags": ["DLQ"], "summary": "Get Growth Probe", "description": "A call no version of upstream's file has.",
                       "responses": { "200": { "description": "The counts.", "content": { "application/json": { "schema":
                         { "type": "object", "properties": { "count": { "type": "integer", "description": "Failed runs in the DLQ." } } } } } } } } }
            """);
        var header = new JObject { ["in"] = "header", ["name"] = "Upstash-Growth-Probe", ["required"] = false, ["schema"] = new JObject { ["type"] = "integer" }, ["description"] = "A header no version of upstream's file has." };
        foreach (var (path, method) in new[] { ("/v2/trigger/{workflowUrl}", "post"), ("/v2/workflows/dlq/restart/{dlqId}", "post") })
        {
            ((JArray)(spec["paths"]![path]![method]!["parameters"] ??= new JArray())).Add(header.DeepClone());
        }
        var get = (JObject)spec["paths"]!["/v2/workflows/dlq/{dlqId}"]!["get"]!;
        ((JArray)(get["parameters"] ??= new JArray())).Add(new JObject { ["in"] = "query", ["name"] = "growthProbe", ["required"] = false, ["schema"] = new JObject { ["type"] = "boolean" }, ["description"] = "A parameter no version of upstream's file has." });
        var run = spec.SelectToken("$.components.schemas.WorkflowRun.properties") as JObject
            ?? throw new InvalidOperationException("The spec has no WorkflowRun schema.");
        run["growthProbe"] = new JObject { ["type"] = "integer", ["description"] = "A field no version of upstream's file has." };
        var groupType = spec.Descendants().OfType<JObject>().First(o => o["enum"] is JArray values && values.Any(v => (string?)v == "parallel"));
        ((JArray)groupType["enum"]!).Add("growth-probe");
    }
}
