using Upstash.Workflow.TestSupport;

namespace Upstash.Workflow.Testing.Tests.Emulator;

/// <summary>What the emulator hands a test prints the fields a person looks for first, and never a signature or a body.</summary>
public sealed class ModelTextTests
{
    [Fact]
    public async Task A_run_and_its_delivery_print_themselves_readably()
    {
        await using var upstash = await UpstashWorkflowEmulator.StartAsync();
        using var client = upstash.CreateClient();

        var started = await client.Runs.TriggerWorkflowAsync(new Uri("http://127.0.0.1:9/wf"), options: new TriggerWorkflowOptions { Retries = 0, Labels = ["nightly"] }, cancellationToken: TestContext.Token);
        await upstash.DeliveriesCompletedAsync();

        Assert.Equal($"{started.WorkflowRunId} RUN_FAILED at http://127.0.0.1:9/wf [nightly]", upstash.Run(started.WorkflowRunId)!.ToString());
        var delivery = Assert.Single(upstash.Deliveries).ToString();
        Assert.StartsWith($"workflow to http://127.0.0.1:9/wf for {started.WorkflowRunId}: no answer: ", delivery, StringComparison.Ordinal);
        Assert.DoesNotContain(upstash.Deliveries[0].Headers["Upstash-Signature"], delivery, StringComparison.Ordinal);
    }
}
