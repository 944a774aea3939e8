using Upstash.Workflow.Release;
using Upstash.Workflow.IntegrationTests.Support;
using Upstash.Workflow.TestSupport;
using Upstash.Workflow.TestSupport.Generation;

namespace Upstash.Workflow.IntegrationTests.Release;

/// <summary>
/// The CI workflows cannot run here: they are linted (actionlint), and the scripts they call are run, on a copy of the
/// repository with a bare origin. The release rehearsal runs the rest.
/// </summary>
public sealed class WorkflowTests(Reporter reporter) : IClassFixture<Reporter>
{
    private static readonly NodeTool Actionlint = new("workflows", Path.Combine("@tktco", "node-actionlint", "bin", "node-actionlint.js"));

    [SkippableFact]
    public async Task The_workflows_pass_actionlint_and_a_broken_one_does_not()
    {
        var unavailable = Actionlint.Unavailable();
        Skip.If(unavailable is not null, unavailable);
        var workflows = Directory.GetFiles(Path.Combine(Repository.Root, ".github", "workflows"), "*.yml");

        var (code, output) = await Actionlint.RunAsync(Repository.Root, ".github/workflows/*.yml");

        reporter.Say($"Workflows: actionlint checked {workflows.Length} ({string.Join(", ", workflows.Select(Path.GetFileName).Order(StringComparer.Ordinal))}).");
        Assert.True(code == 0, output);
        Assert.Equal(["ci.yml", "release.yml", "upstream.yml"], workflows.Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Contains($"Checking {workflows.Length} workflow file(s)", output, StringComparison.Ordinal);

        // The same check finds a mistake: an output of a step that does not exist.
        using var broken = new TempDirectory();
        var text = await File.ReadAllTextAsync(Path.Combine(Repository.Root, ".github", "workflows", "upstream.yml"));
        await File.WriteAllTextAsync(broken.File("upstream.yml"), text.Replace("steps.update.outputs.pushed == 'true'", "steps.updates.outputs.pushed == 'true'", StringComparison.Ordinal));
        var (brokenCode, brokenOutput) = await Actionlint.RunAsync(broken.Path, "*.yml");
        Assert.Equal(1, brokenCode);
        Assert.Contains("updates", brokenOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void The_workflows_call_scripts_and_keep_no_logic_of_their_own()
    {
        // Every run step is one script of .ci/ or one command of the release tool, so the tests run what GitHub runs.
        foreach (var workflow in Directory.GetFiles(Path.Combine(Repository.Root, ".github", "workflows"), "*.yml"))
        {
            var runs = File.ReadAllLines(workflow).Where(l => l.TrimStart().StartsWith("run:", StringComparison.Ordinal)).Select(l => l.Trim()[4..].Trim()).ToList();
            Assert.All(runs, run => Assert.True(run.StartsWith("bash .ci/", StringComparison.Ordinal) || run.StartsWith("dotnet run --project generator/Upstash.Workflow.Release -- ", StringComparison.Ordinal),
                $"{Path.GetFileName(workflow)}: '{run}' is neither a script of .ci/ nor the release tool"));
        }
    }

    [Fact]
    public async Task The_upstream_script_does_nothing_twice_fails_on_a_failed_download_and_never_drops_a_maintainers_commit()
    {
        using var repository = await ReleaseRepository.CreateAsync();
        var version = repository.Version;

        // The file the lock names: nothing to do, nothing pushed.
        var same = await repository.UpdateFromUpstreamAsync(repository.Layout.Spec);
        Assert.Equal(("none", $"Update: none, {version} -> {version}", "false"), (same.Outputs["kind"], same.Outputs["title"], same.Outputs["pushed"]));

        // A download that fails is a failed run: no verdict, no branch (a refusal would have replaced the pull request).
        var (_, missing) = await repository.UpdateFromUpstreamAsync("https://127.0.0.1:9/openapi.yaml", expectedExit: 1);
        Assert.Contains("could not be read", missing, StringComparison.Ordinal);
        Assert.Empty(await repository.GitAsync("ls-remote", "--heads", "origin", "upstream-spec"));

        // No OpenAPI document: refused, and the file put on the branch as it is, so the pull request shows the findings.
        var notOpenApi = repository.File("not-openapi.yaml");
        await File.WriteAllTextAsync(notOpenApi, "swagger: '2.0'\ninfo: { title: old, version: '1' }\npaths: {}\n");
        var refused = await repository.UpdateFromUpstreamAsync(notOpenApi);
        Assert.Equal(("refused", $"Update: refused, {version} -> {version}", "true"), (refused.Outputs["kind"], refused.Outputs["title"], refused.Outputs["pushed"]));
        Assert.Equal(await File.ReadAllTextAsync(notOpenApi), await repository.GitAsync("show", "origin/upstream-spec:openapi/openapi.yaml") + "\n");
        var body = await File.ReadAllTextAsync(repository.File("pull-request.md"));
        Assert.Contains("**Refused:** the generator stopped on these findings", body, StringComparison.Ordinal);

        // The same refused file a week later: the pull request has it already; nothing is pushed.
        await repository.FreshCheckoutAsync();
        var again = await repository.UpdateFromUpstreamAsync(notOpenApi);
        Assert.Equal(("none", "false"), (again.Outputs["kind"], again.Outputs["pushed"]));

        // A maintainer fixes the file on the branch; upstream publishes another that touches the same lines: the run stops
        // and says whose commit, and the branch stays as the maintainer left it.
        await repository.MaintainerCommitsAsync("A fix by hand", clone =>
            File.WriteAllTextAsync(Path.Combine(clone, "openapi", "openapi.yaml"), "swagger: '2.0'\ninfo: { title: fixed by hand, version: '1' }\npaths: {}\n"));
        var tip = await repository.GitAsync("ls-remote", "origin", "refs/heads/upstream-spec");
        await repository.FreshCheckoutAsync();
        var other = repository.File("other.yaml");
        await File.WriteAllTextAsync(other, "swagger: '2.0'\ninfo: { title: newer, version: '2' }\npaths: {}\n");
        var (_, stopped) = await repository.UpdateFromUpstreamAsync(other, expectedExit: 3);
        Assert.Contains("does not keep", stopped, StringComparison.Ordinal);
        Assert.Contains("\"A fix by hand\" by A Maintainer", stopped, StringComparison.Ordinal);
        Assert.Equal(tip, await repository.GitAsync("ls-remote", "origin", "refs/heads/upstream-spec"));
    }
}
