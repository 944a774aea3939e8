using Upstash.Workflow.Testing;
using Upstash.Workflow.IntegrationTests.Support;
using Upstash.Workflow.TestSupport;
using Upstash.Workflow.TestSupport.Generation;

namespace Upstash.Workflow.IntegrationTests.Engine;

/// <summary>
/// A thousand runs at once over loopback: every step of every run executed exactly once, counted by the endpoint. It runs
/// alone: the memory a finished run keeps is read from the process's heap, which tests running beside it would move
/// either way, and their load would slow the endpoint's answers.
/// </summary>
[Collection(Upstash.Workflow.IntegrationTests.Performance.MeasurementCollection.Name)]
public sealed class ThousandRunsTests(Reporter reporter) : IClassFixture<Reporter>
{
    private const int RunCount = 1000;

    [SkippableFact]
    public async Task A_thousand_concurrent_runs_complete_with_every_step_executed_once()
    {
        var unavailable = WorkflowApp.Unavailable();
        Skip.If(unavailable is not null, unavailable);
        await using var upstash = await UpstashWorkflowEmulator.StartAsync();
        await using var app = await WorkflowApp.StartAsync(upstash);
        using var client = upstash.CreateClient();
        var memoryBefore = GC.GetTotalMemory(forceFullCollection: true);
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var runs = await Task.WhenAll(Enumerable.Range(0, RunCount).Select(i =>
            client.Runs.TriggerWorkflowAsync(app.Workflow("steps"), WorkflowPayload.RawJson($$"""{"n":{{i}}}"""), cancellationToken: TestContext.Token)));
        await Runs.UntilAsync(() => Task.FromResult(runs.All(r => upstash.RunState(r.WorkflowRunId) == WorkflowRunState.RunSuccess)),
            "every run ended RUN_SUCCESS", app, seconds: 300);
        var elapsed = clock.Elapsed;
        await upstash.DeliveriesCompletedAsync();
        var perRun = (GC.GetTotalMemory(forceFullCollection: true) - memoryBefore) / RunCount;
        var counts = await app.CountsAsync();

        Assert.Equal((RunCount, RunCount, RunCount), (counts["steps:first"], counts["steps:second"], counts["steps:third"]));
        // Each run: the trigger's delivery (which runs the first step), one per step after it, and the one that returns.
        Assert.Equal(4 * RunCount, counts["calls:/wf/steps"]);
        Assert.Equal(4 * RunCount, upstash.Deliveries.Count(d => d.Status == 200));
        // What a finished run keeps: its logs and the deliveries' record (docs/testing.md states the figure, with the bounds).
        Assert.InRange(perRun, 0, 64 * 1024);
        reporter.Say($"Workflow engine load: {RunCount} concurrent runs of 3 steps over loopback in {elapsed.TotalSeconds:0.0} s, " +
            $"every step executed once ({counts["steps:first"] + counts["steps:second"] + counts["steps:third"]} steps), {perRun / 1024.0:0.0} KB kept per finished run");
    }
}
