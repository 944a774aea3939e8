using Upstash.Workflow.Testing;
using Upstash.Workflow.IntegrationTests.Support;
using Upstash.Workflow.TestSupport;
using Upstash.Workflow.TestSupport.Generation;

namespace Upstash.Workflow.IntegrationTests.Engine;

/// <summary>Waiting for runs to end, and reading what they returned, through the generated client.</summary>
internal static class Runs
{
    /// <summary>Waits until the run is in <paramref name="state"/>; fails with the app's log when it does not get there in time.</summary>
    public static async Task<WorkflowRun> EndedAsync(UpstashWorkflowClient client, string runId, WorkflowRunState state, WorkflowApp? app = null, int seconds = 60)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        WorkflowRun? run = null;
        while (DateTime.UtcNow < until)
        {
            run = (await client.Logs.ListLogsAsync(filter: new RunLogFilter { WorkflowRunId = runId }, cancellationToken: TestContext.Token)).Runs.FirstOrDefault();
            if (run?.WorkflowState == state)
            {
                return run;
            }
            await Task.Delay(50);
        }
        throw new Xunit.Sdk.XunitException($"run {runId} is {run?.WorkflowState.ToString() ?? "unknown"}, not {state}, after {seconds} s\n{app?.Log}");
    }

    /// <summary>The run as the logs show it now.</summary>
    public static async Task<WorkflowRun> LogAsync(UpstashWorkflowClient client, string runId) =>
        (await client.Logs.ListLogsAsync(filter: new RunLogFilter { WorkflowRunId = runId }, cancellationToken: TestContext.Token)).Runs.Single();

    /// <summary>Waits until <paramref name="done"/> holds (polled), or fails saying what was awaited.</summary>
    public static async Task UntilAsync(Func<Task<bool>> done, string what, WorkflowApp? app = null, int seconds = 30)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (!await done())
        {
            if (DateTime.UtcNow > until)
            {
                throw new Xunit.Sdk.XunitException($"not within {seconds} s: {what}\n{app?.Log}");
            }
            await Task.Delay(50);
        }
    }

    /// <summary>The names and states of a run's logged steps after its first (the payload), in order.</summary>
    public static List<(string Name, string State)> Steps(WorkflowRun run) =>
        run.Steps.SelectMany(g => g.Steps).Skip(1).Select(s => (s.StepName ?? "", s.State?.ToString() ?? "")).ToList();
}
