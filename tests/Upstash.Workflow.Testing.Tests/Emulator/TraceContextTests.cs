using Upstash.Workflow.TestSupport.Emulator;
using System.Diagnostics;
using Upstash.Workflow.Testing;
using Upstash.Workflow.TestSupport;
using Upstash.Workflow.Testing.Tests.Support;

namespace Upstash.Workflow.Testing.Tests.Emulator;

/// <summary>
/// PropagateTraceContext: calls that start or wake a run forward the caller's trace context, so the workflow's
/// first step carries the caller's trace id; off by default.
/// </summary>
public sealed class TraceContextTests
{
    [Fact]
    public async Task The_first_step_of_a_run_carries_the_callers_trace()
    {
        await using var workflow = await RecordingServer.StartAsync(_ => Task.CompletedTask);
        await using var upstash = await UpstashWorkflowEmulator.StartAsync();
        var options = upstash.ClientOptions();
        options.PropagateTraceContext = true;
        using var client = new UpstashWorkflowClient(options);
        using var caller = new Activity("checkout").Start();
        caller.TraceStateString = "vendor=1";

        var run = await client.Runs.TriggerWorkflowAsync(new Uri(workflow.BaseAddress, "api/workflow"), WorkflowPayload.Text("go"), cancellationToken: TestContext.Token);
        await upstash.DeliveriesCompletedAsync();

        var step = Assert.Single(workflow.Requests);
        Assert.StartsWith($"00-{caller.TraceId}-", step.Header("traceparent"), StringComparison.Ordinal);
        Assert.Equal("vendor=1", step.Header("tracestate"));
        Assert.Equal(caller.Id, upstash.Run(run.WorkflowRunId)!.ForwardedHeaders["traceparent"]);
    }

    [Fact]
    public async Task Batch_trigger_resume_and_restart_forward_it_too_and_nothing_is_forwarded_by_default()
    {
        await using var upstash = await UpstashWorkflowEmulator.StartAsync(new UpstashWorkflowEmulatorOptions { Deliver = false });
        var options = upstash.ClientOptions();
        options.PropagateTraceContext = true;
        using var client = new UpstashWorkflowClient(options);
        using var plain = upstash.CreateClient();
        using var caller = new Activity("nightly recovery").Start();

        var batch = await client.Runs.TriggerWorkflowBatchAsync([new BatchTriggerItem { Destination = new Uri("https://shop.example/a") }], TestContext.Token);
        var resumed = await client.Dlq.ResumeWorkflowAsync(upstash.AddFailedRun("https://shop.example/b"), cancellationToken: TestContext.Token);
        var restarted = await client.Dlq.RestartWorkflowsInBatchesAsync(dlqIds: [upstash.AddFailedRun("https://shop.example/c")]).ToListAsync(TestContext.Token);
        var untraced = await plain.Runs.TriggerWorkflowAsync(new Uri("https://shop.example/d"), cancellationToken: TestContext.Token);

        foreach (var id in new[] { batch[0].WorkflowRunId, resumed.WorkflowRunId, restarted[0].WorkflowRunId })
        {
            Assert.Equal(caller.Id, upstash.Run(id)!.ForwardedHeaders["traceparent"]);
        }
        Assert.DoesNotContain("traceparent", upstash.Run(untraced.WorkflowRunId)!.ForwardedHeaders.Keys);
    }
}
