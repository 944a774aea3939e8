using System.Diagnostics;
using Upstash.Workflow.TestSupport;

namespace Upstash.Workflow.Testing.Tests.Emulator;

/// <summary>
/// Stopping the emulator in process: prompt whatever its runs are doing (an endpoint that never answers, a retry loop),
/// and nothing a delivery does in the background escapes the stop or a wait for the deliveries.
/// </summary>
public sealed class StoppingTests(Reporter reporter) : IClassFixture<Reporter>
{
    // How long a stop may take before the test calls it stuck: far above the second it takes, far below the delivery timeout (15 minutes) it would otherwise wait for.
    private static readonly TimeSpan Stuck = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_stop_cancels_a_delivery_an_endpoint_never_answers()
    {
        using var arrived = new SemaphoreSlim(0);
        await using var silent = await RecordingServer.StartAsync(async context =>
        {
            arrived.Release();
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        });
        var upstash = await UpstashWorkflowEmulator.StartAsync();
        using var client = upstash.CreateClient();
        await client.Runs.TriggerWorkflowAsync(new Uri(silent.BaseAddress, "wf"), cancellationToken: TestContext.Token);
        await arrived.WaitAsync(TestContext.Token);

        var clock = Stopwatch.StartNew();
        var stop = upstash.DisposeAsync().AsTask();

        Assert.True(await Task.WhenAny(stop, Task.Delay(Stuck, TestContext.Token)) == stop, $"the stop took more than {Stuck.TotalSeconds} s");
        await stop;
        reporter.Say($"Emulator stop with a delivery in flight to an endpoint that never answers: {clock.Elapsed.TotalMilliseconds:0} ms");
        Assert.Equal("not answered: the emulator stopped", Assert.Single(upstash.Deliveries).Failure);
    }

    [Fact]
    public async Task A_stop_during_a_retry_loop_is_prompt_and_nothing_is_delivered_after_it()
    {
        await using var failing = await RecordingServer.StartAsync(context =>
        {
            context.Response.StatusCode = 500;
            return Task.CompletedTask;
        });
        var upstash = await UpstashWorkflowEmulator.StartAsync();
        using var client = upstash.CreateClient();
        await client.Runs.TriggerWorkflowAsync(new Uri(failing.BaseAddress, "wf"), options: new TriggerWorkflowOptions { Retries = 20, RetryDelay = WorkflowRetryDelay.Fixed(TimeSpan.Zero) }, cancellationToken: TestContext.Token);
        while (failing.Requests.Count < 3)
        {
            await Task.Delay(20, TestContext.Token);
        }

        var clock = Stopwatch.StartNew();
        var stop = upstash.DisposeAsync().AsTask();
        Assert.True(await Task.WhenAny(stop, Task.Delay(Stuck, TestContext.Token)) == stop, $"the stop took more than {Stuck.TotalSeconds} s");
        await stop;
        var elapsed = clock.Elapsed;
        var after = failing.Requests.Count;
        await Task.Delay(300, TestContext.Token); // three retries' worth of the 100 ms floor

        reporter.Say($"Emulator stop during a retry loop: {elapsed.TotalMilliseconds:0} ms");
        Assert.Equal(after, failing.Requests.Count);
    }

    [Fact]
    public async Task Cancelling_a_run_whose_delivery_then_fails_throws_nowhere()
    {
        using var arrived = new SemaphoreSlim(0);
        using var answer = new SemaphoreSlim(0);
        await using var workflow = await RecordingServer.StartAsync(async context =>
        {
            arrived.Release();
            await answer.WaitAsync(context.RequestAborted);
            context.Response.StatusCode = 500;
        });
        var upstash = await UpstashWorkflowEmulator.StartAsync();
        using var client = upstash.CreateClient();
        // No retries: the failed answer would fail the run, which the cancel already ended.
        var run = await client.Runs.TriggerWorkflowAsync(new Uri(workflow.BaseAddress, "wf"), options: new TriggerWorkflowOptions { Retries = 0 }, cancellationToken: TestContext.Token);
        await arrived.WaitAsync(TestContext.Token);

        await client.Runs.CancelWorkflowRunAsync(run.WorkflowRunId, TestContext.Token);
        answer.Release();
        await upstash.DeliveriesCompletedAsync();
        await upstash.DisposeAsync();

        Assert.Equal(WorkflowRunState.RunCanceled, upstash.RunState(run.WorkflowRunId));
        Assert.Equal(500, Assert.Single(upstash.Deliveries).Status);
    }
}
