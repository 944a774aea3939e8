using Upstash.Workflow.Release;
using Upstash.Workflow.IntegrationTests.Support;
using Upstash.Workflow.TestSupport;
using Upstash.Workflow.TestSupport.Generation;

namespace Upstash.Workflow.IntegrationTests.Release;

/// <summary>
/// The CI workflows cannot run here: they are linted (actionlint), and what they run is run, locally: the script
/// upstream.yml calls, on a copy of the repository.
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
        await File.WriteAllTextAsync(broken.File("upstream.yml"), text.Replace("steps.update.outputs.kind != 'none'", "steps.updates.outputs.kind != 'none'", StringComparison.Ordinal));
        var (brokenCode, brokenOutput) = await Actionlint.RunAsync(broken.Path, "*.yml");
        Assert.Equal(1, brokenCode);
        Assert.Contains("updates", brokenOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_upstream_script_tells_the_workflow_the_kind_and_on_a_refusal_proposes_the_file_as_it_is()
    {
        using var copy = new TempDirectory();
        await Repository.CopyTrackedFilesAsync(copy.Path);
        var tool = $"dotnet {typeof(UpdateCommand).Assembly.Location}";
        async Task<Dictionary<string, string>> RunAsync(string spec)
        {
            var outputs = copy.File("outputs.txt");
            File.Delete(outputs);
            var (code, output) = await Processes.RunAsync("bash", copy.Path, new Dictionary<string, string?> { ["GITHUB_OUTPUT"] = outputs, ["RELEASE_TOOL"] = tool },
                ".ci/update-from-upstream", spec, copy.File("pull-request.md"));
            Assert.True(code == 0, output);
            return File.ReadAllLines(outputs).Select(l => l.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        }

        // The file the lock names: nothing to do.
        var same = await RunAsync(copy.File(Path.Combine("openapi", "openapi.yaml")));
        Assert.Equal(("none", "Update: none, 0.1.0 -> 0.1.0"), (same["kind"], same["title"]));

        // No OpenAPI document: refused, and the file put in place for the pull request to show.
        var notOpenApi = copy.File("not-openapi.yaml");
        await File.WriteAllTextAsync(notOpenApi, "swagger: '2.0'\ninfo: { title: old, version: '1' }\npaths: {}\n");
        var refused = await RunAsync(notOpenApi);
        Assert.Equal(("refused", "Update: refused, 0.1.0 -> 0.1.0"), (refused["kind"], refused["title"]));
        Assert.Equal(await File.ReadAllTextAsync(notOpenApi), await File.ReadAllTextAsync(copy.File(Path.Combine("openapi", "openapi.yaml"))));
        var body = await File.ReadAllTextAsync(copy.File("pull-request.md"));
        Assert.Contains("**Refused:** the generator stopped on these findings", body, StringComparison.Ordinal);
        Assert.Contains("UG0001", body, StringComparison.Ordinal);
    }
}
