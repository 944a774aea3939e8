using System.Text.Json;
using Upstash.Workflow.IntegrationTests.Support;
using Upstash.Workflow.TestSupport;
using Upstash.Workflow.TestSupport.Generation;

namespace Upstash.Workflow.IntegrationTests.Engine;

/// <summary>
/// The suite Upstash runs against its own service (workflow-js's examples/ci), ported to tests/engine/upstream-ci: every
/// route, served by the official SDK (through its Next.js, Express and Hono adapters), started by the official client against
/// the standalone tool, its result and call count checked as upstream's suite checks them.
/// </summary>
[Collection(UpstreamCiCollection.Name)]
public sealed class UpstreamCiRoutesTests(Reporter reporter) : IClassFixture<Reporter>
{
    // The routes that still fail here, each with the behaviour of the service the engine lacks. A route that starts to
    // pass must leave this list; a route not on it must pass.
    private static readonly Dictionary<string, string> Gaps = new()
    {
        ["quota-error/workflows/mainWorkflow"] = "16 calls where upstream counts 15: it counted 16 until its commit of 2026-03-30 "
            + "(711837a), which changed the count and not the route: the service then stopped one call the engine still "
            + "makes, and which one is not known",
    };

    // Routes that pass or fail by timing, each with why. Either outcome is taken and reported.
    private static readonly Dictionary<string, string> Racy = new()
    {
        ["sleep"] = "the SDK rounds sleepUntil(now + 3 s) to whole seconds, so the engine, delivering on the second, may "
            + "deliver 2.5 s later where the route asks for 3; the route relies on the service's own delivery latency",
        ["wait-for-event/workflow"] = "its notifier gives up after three tries a second apart, which a loaded machine can outlast "
            + "before the waits of the parallel group it notifies are registered (seen with the whole suite running)",
    };

    [SkippableFact]
    public async Task Upstreams_own_ci_routes_pass_against_the_standalone_tool()
    {
        var unavailable = WorkflowApp.Unavailable();
        Skip.If(unavailable is not null, unavailable);
        using var tool = StandaloneTool.Start("dotnet", StandaloneTool.Dll, "--port", "0", "--quiet");
        var variables = StandaloneTool.Variables(await StandaloneTool.ReadUntilAsync(tool, StandaloneTool.Ready));
        (int ExitCode, string Output) suite;
        try
        {
            suite = await Processes.RunAsync("node", WorkflowApp.Folder, variables.ToDictionary(v => v.Key, string? (v) => v.Value), Path.Combine("upstream-ci", "run.mjs"));
        }
        finally
        {
            await StandaloneTool.SignalAsync(tool, "TERM");
            await StandaloneTool.ReadToEndAsync(tool);
        }

        var routes = suite.Output.Split('\n').Where(l => l.StartsWith("{\"route\":", StringComparison.Ordinal))
            .Select(l => JsonSerializer.Deserialize<RouteResult>(l, JsonSerializerOptions.Web)!).ToList();
        var line = suite.Output.Split('\n').Single(l => l.StartsWith("Upstream CI routes:", StringComparison.Ordinal));
        reporter.Say(line + string.Concat(routes.Where(r => !r.Pass).Select(r => $"\n  {r.Route}: {r.Reason} (gap: {Gaps.GetValueOrDefault(r.Route) ?? Racy.GetValueOrDefault(r.Route, "none known")})")));

        Assert.True(suite.ExitCode == 0 && routes.Count >= 25, suite.Output);
        Assert.Empty(routes.Where(r => !r.Pass && !Gaps.ContainsKey(r.Route) && !Racy.ContainsKey(r.Route)).Select(r => $"{r.Route}: {r.Reason}"));
        Assert.Empty(routes.Where(r => r.Pass && Gaps.ContainsKey(r.Route)).Select(r => $"{r.Route} passes now: take it off the gaps"));
    }

    private sealed record RouteResult(string Route, bool Pass, string? Reason, double Seconds);
}

/// <summary>
/// The upstream CI routes wait in real time (sleeps, events a second apart, timeouts of seconds), which tests running at
/// once would stretch: the collection runs alone.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class UpstreamCiCollection
{
    public const string Name = "Upstream CI routes";
}
