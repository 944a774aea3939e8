using Upstash.Workflow.TestSupport.Emulator;
using Upstash.Workflow.Testing;
using Upstash.Workflow.TestSupport;
using Upstash.Workflow.Testing.Tests.Support;

namespace Upstash.Workflow.Testing.Tests.Emulator;

/// <summary>A run's flow-control key governs its deliveries: its parallelism, and nothing while it is paused.</summary>
public sealed class FlowControlDeliveryTests
{
    [Fact]
    public async Task Deliveries_of_a_key_never_exceed_its_parallelism()
    {
        var inFlight = 0;
        var most = 0;
        await using var workflow = await RecordingServer.StartAsync(async _ =>
        {
            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref most, now);
            await Task.Delay(50);
            Interlocked.Decrement(ref inFlight);
        });
        await using var upstash = await UpstashWorkflowEmulator.StartAsync();
        using var client = upstash.CreateClient();
        var options = new TriggerWorkflowOptions { FlowControl = new WorkflowFlowControl("lane", parallelism: 2) };

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => client.Runs.TriggerWorkflowAsync(new Uri(workflow.BaseAddress, "wf"), options: options, cancellationToken: TestContext.Token)));
        for (var i = 0; i < 200 && workflow.Requests.Count < 8; i++)
        {
            await Task.Delay(20, TestContext.Token);
        }
        await upstash.DeliveriesCompletedAsync();
        var key = await client.FlowControl.GetFlowControlKeyAsync("lane", TestContext.Token);

        Assert.Equal(8, workflow.Requests.Count);
        Assert.Equal(2, most);
        Assert.Equal((2, 0, 0), (key.ParallelismMax, key.ParallelismCount, key.WaitListSize));
    }

    [Fact]
    public async Task A_paused_key_holds_its_deliveries_until_it_is_resumed()
    {
        await using var workflow = await RecordingServer.StartAsync(_ => Task.CompletedTask);
        await using var upstash = await UpstashWorkflowEmulator.StartAsync();
        using var client = upstash.CreateClient();
        var options = new TriggerWorkflowOptions { FlowControl = new WorkflowFlowControl("lane", parallelism: 5) };
        await client.Runs.TriggerWorkflowAsync(new Uri(workflow.BaseAddress, "first"), options: options, cancellationToken: TestContext.Token);
        await upstash.DeliveriesCompletedAsync();

        await client.FlowControl.PauseFlowControlKeyAsync("lane", TestContext.Token);
        await client.Runs.TriggerWorkflowAsync(new Uri(workflow.BaseAddress, "held"), options: options, cancellationToken: TestContext.Token);
        await Task.Delay(200, TestContext.Token);
        await upstash.DeliveriesCompletedAsync();
        var paused = await client.FlowControl.GetFlowControlKeyAsync("lane", TestContext.Token);
        var before = workflow.Requests.Count;
        await client.FlowControl.ResumeFlowControlKeyAsync("lane", TestContext.Token);
        for (var i = 0; i < 100 && workflow.Requests.Count < 2; i++)
        {
            await Task.Delay(20, TestContext.Token);
        }

        Assert.Equal((1, 1), (before, paused.WaitListSize));
        Assert.Equal(["/first", "/held"], workflow.Requests.Select(r => r.Path));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
