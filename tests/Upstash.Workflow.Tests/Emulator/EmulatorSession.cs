using Upstash.Workflow.Testing;

namespace Upstash.Workflow.Tests.Emulator;

/// <summary>
/// A session that touches every group of the API and checks the emulator's answers as it goes. Run
/// directly against the emulator, and through Prism's proxy to check every answer against the spec.
/// </summary>
public static class EmulatorSession
{
    public static async Task RunAsync(IUpstashWorkflowClient client, UpstashWorkflowEmulator emulator)
    {
        var nightly = new[]
        {
            emulator.AddFailedRun("https://example.com/api/nightly", labels: ["nightly"], flowControlKey: "billing"),
            emulator.AddFailedRun("https://example.com/api/nightly", labels: ["nightly"], failureCallback: "https://example.com/api/failed"),
            emulator.AddFailedRun("https://example.com/api/nightly", labels: ["nightly", "eu"]),
        };
        var other = emulator.AddFailedRun("https://example.com/api/report", labels: ["weekly"]);

        // DLQ: list by label over pages of two, inspect one, restart it with overrides.
        var listed = await UpstashPaging.ItemsAsync((cursor, ct) => client.Dlq.ListFailedRunsAsync(cursor: cursor, count: 2, filter: new FailedRunFilter { Labels = ["nightly"] }, cancellationToken: ct), p => p.Messages)
            .Select(m => m.DlqId!).ToListAsync();
        Assert.Equal(nightly, listed);
        var entry = await client.Dlq.GetFailedRunAsync(nightly[0]);
        Assert.Equal("billing", entry.FlowControlKey);
        var restarted = await client.Dlq.RestartWorkflowAsync(nightly[0], new WorkflowRunOptions
        {
            Delay = TimeSpan.FromSeconds(10),
            Labels = ["retried"],
            FlowControl = new WorkflowFlowControl("retry-lane", parallelism: 2),
        });
        Assert.DoesNotContain(nightly[0], emulator.FailedRunIds);
        Assert.Equal("RUN_STARTED", emulator.RunState(restarted.WorkflowRunId!));
        Assert.Equal(["retried"], emulator.RunLabels(restarted.WorkflowRunId!));

        // Failure callback: retry it, then cancel the retry (302 is the success answer).
        var callback = await client.Dlq.RetryFailureCallbackAsync(nightly[1]);
        Assert.NotNull(callback.WorkflowRunId);
        await client.Dlq.CancelFailureCallbackAsync(nightly[1]);
        var failed = await Assert.ThrowsAsync<BadRequestException>(() => client.Dlq.CancelFailureCallbackAsync(nightly[1]));
        Assert.NotNull(failed.ErrorMessage);

        // Resume the rest in bulk; delete the other one; a missing id is a typed 404.
        var resumed = await client.Dlq.ResumeWorkflowsAsync(dlqIds: [nightly[1], nightly[2]], options: new WorkflowRunOptions { Labels = ["resumed"] });
        Assert.Equal(2, resumed.WorkflowRuns!.Count);
        await client.Dlq.DeleteFailedRunAsync(other);
        Assert.Empty(emulator.FailedRunIds);
        var missing = await Assert.ThrowsAsync<NotFoundException>(() => client.Dlq.GetFailedRunAsync(other));
        Assert.Contains(other, missing.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(0, (await client.Dlq.DeleteFailedRunsAsync(all: true)).Deleted);

        // Runs: trigger, batch, cancel one, cancel the rest by label; the logs show it.
        var triggered = await client.Runs.TriggerWorkflowAsync(new Uri("https://example.com/api/import"), WorkflowPayload.Json(new { file = "a.csv" }), new WorkflowRunOptions { Labels = ["import"] });
        var batch = await client.Runs.TriggerWorkflowBatchAsync([new BatchTriggerItem { Destination = new Uri("https://example.com/api/import"), Headers = new Dictionary<string, string> { ["Upstash-Label"] = "import" } }]);
        await client.Runs.CancelWorkflowRunAsync(triggered.WorkflowRunId!);
        Assert.Equal("RUN_CANCELED", emulator.RunState(triggered.WorkflowRunId!));
        Assert.Equal(1, (await client.Runs.CancelWorkflowRunsAsync(filter: new WorkflowRunFilter { Labels = ["import"] })).Cancelled);
        var logs = await client.Logs.ListLogsAsync(filter: new RunLogFilter { Labels = ["import"], State = RunLogState.RunCanceled });
        Assert.Equal([batch[0].WorkflowRunId, triggered.WorkflowRunId], logs.Runs!.Select(r => r.WorkflowRunId));
        await Assert.ThrowsAsync<NotFoundException>(() => client.Runs.CancelWorkflowRunAsync(triggered.WorkflowRunId!));

        // Notify: two runs wait for an event; one is woken alone, the other by the event.
        emulator.AddWaiter("order-paid", resumed.WorkflowRuns[0].WorkflowRunId!);
        emulator.AddWaiter("order-paid", resumed.WorkflowRuns[1].WorkflowRunId!);
        Assert.Equal(2, (await client.Notify.ListWaitersAsync("order-paid")).Count);
        var one = await client.Notify.NotifyWorkflowRunAsync(resumed.WorkflowRuns[0].WorkflowRunId!, "order-paid", WorkflowPayload.Text("paid"));
        Assert.Equal(resumed.WorkflowRuns[0].WorkflowRunId, one.WorkflowRunId);
        Assert.Single(await client.Notify.NotifyEventAsync("order-paid", WorkflowPayload.Json(new { paid = true })));
        Assert.Empty(await client.Notify.ListWaitersAsync("order-paid"));

        // Flow control and signing keys.
        Assert.Contains(await client.FlowControl.ListFlowControlKeysAsync(), k => k.FlowControlKey == "retry-lane");
        await client.FlowControl.PauseFlowControlKeyAsync("retry-lane");
        await client.FlowControl.PinFlowControlKeyAsync("retry-lane", new FlowControlLimits { Parallelism = 5, Rate = 20, Period = TimeSpan.FromMinutes(1) });
        var key = await client.FlowControl.GetFlowControlKeyAsync("retry-lane");
        Assert.True(key.IsPaused);
        Assert.Equal(5, key.ParallelismMax);
        await client.FlowControl.UnpinFlowControlKeyAsync("retry-lane", parallelism: true);
        await client.FlowControl.ResumeFlowControlKeyAsync("retry-lane");
        await client.FlowControl.ResetFlowControlRateAsync("retry-lane");
        Assert.False((await client.FlowControl.GetFlowControlKeyAsync("retry-lane")).IsPaused);
        Assert.True((await client.FlowControl.GetGlobalParallelismAsync()).ParallelismCount > 0);
        var keys = await client.SigningKeys.GetSigningKeysAsync();
        var rotated = await client.SigningKeys.RotateSigningKeysAsync();
        Assert.Equal(keys.Next, rotated.Current);
    }
}
