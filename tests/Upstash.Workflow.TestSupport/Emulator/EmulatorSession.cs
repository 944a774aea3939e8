using Upstash.Workflow.Testing;

namespace Upstash.Workflow.TestSupport.Emulator;

/// <summary>
/// A session that touches every group of the API and checks the emulator's answers as it goes. Run
/// directly against the emulator, and through Prism's proxy to check every answer against the spec.
/// </summary>
public static class EmulatorSession
{
    public static async Task RunAsync(UpstashWorkflowClient client, UpstashWorkflowEmulator emulator)
    {
        var nightly = new[]
        {
            emulator.AddFailedRun("https://example.com/api/nightly", labels: ["nightly"], flowControlKey: "billing"),
            emulator.AddFailedRun("https://example.com/api/nightly", labels: ["nightly"], failureCallback: "https://example.com/api/failed"),
            emulator.AddFailedRun("https://example.com/api/nightly", labels: ["nightly", "eu"]),
        };
        var other = emulator.AddFailedRun("https://example.com/api/report", labels: ["weekly"]);

        // DLQ: list by label over pages of two, inspect one, restart it with overrides.
        var listed = await client.Dlq.GetFailedRunsAsync(count: 2, filter: new FailedRunFilter { Labels = ["nightly"] })
            .Select(m => m.DlqId).ToListAsync();
        Assert.Equal(nightly, listed);
        var entry = await client.Dlq.GetFailedRunAsync(nightly[0]);
        Assert.Equal("billing", entry.FlowControlKey);
        var restarted = await client.Dlq.RestartWorkflowAsync(nightly[0], new RestartWorkflowOptions
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
        var cancelled = await client.Dlq.GetFailedRunAsync(nightly[1]);
        var failedRun = Assert.Single((await client.Logs.ListLogsAsync(filter: new RunLogFilter { WorkflowRunId = cancelled.WorkflowRunId })).Runs);
        Assert.Equal((FailureFunctionState.CallbackCanceled, "CALLBACK_CANCELED"), (cancelled.FailureFunctionState, failedRun.FailureFunction!.State));
        var failed = await Assert.ThrowsAsync<BadRequestException>(() => client.Dlq.CancelFailureCallbackAsync(nightly[1]));
        Assert.NotNull(failed.ErrorMessage);

        // Resume the rest in bulk; delete the other one; a missing id is a typed 404.
        var resumed = await client.Dlq.ResumeWorkflowsAsync(dlqIds: [nightly[1], nightly[2]], options: new ResumeWorkflowsOptions { Labels = ["resumed"] });
        Assert.Equal(2, resumed.WorkflowRuns!.Count);
        await client.Dlq.DeleteFailedRunAsync(other);
        Assert.Empty(emulator.FailedRunIds);
        var missing = await Assert.ThrowsAsync<NotFoundException>(() => client.Dlq.GetFailedRunAsync(other));
        Assert.Contains(other, missing.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(0, (await client.Dlq.DeleteFailedRunsAsync(all: true)).Deleted);

        // Runs: trigger, batch, cancel one, cancel the rest by label; the logs show it.
        var triggered = await client.Runs.TriggerWorkflowAsync(new Uri("https://example.com/api/import"), WorkflowPayload.Json(new { file = "a.csv" }), new TriggerWorkflowOptions { Labels = ["import"] });
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
        await client.FlowControl.UnpinFlowControlKeyAsync("retry-lane", new UnpinFlowControlKeyOptions { Parallelism = true });
        await client.FlowControl.ResumeFlowControlKeyAsync("retry-lane");
        await client.FlowControl.ResetFlowControlRateAsync("retry-lane");
        Assert.False((await client.FlowControl.GetFlowControlKeyAsync("retry-lane")).IsPaused);
        Assert.True((await client.FlowControl.GetGlobalParallelismAsync()).ParallelismCount > 0);
        var keys = await client.SigningKeys.GetSigningKeysAsync();
        var rotated = await client.SigningKeys.RotateSigningKeysAsync();
        Assert.Equal(keys.Next, rotated.Current);

        await RunInDetailAsync(client, emulator);
        await BulkInBatchesAsync(client, emulator);
    }

    /// <summary>
    /// A run triggered with every header the operation declares, taken through a call, an invoked workflow,
    /// an event sent before its wait, and a failure; what was sent shows in the inspection API, the logs and the DLQ.
    /// </summary>
    private static async Task RunInDetailAsync(UpstashWorkflowClient client, UpstashWorkflowEmulator emulator)
    {
        var notBefore = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds());
        var started = await client.Runs.TriggerWorkflowAsync(new Uri("https://example.com/api/orders"), WorkflowPayload.Json(new { order = 7 }), new TriggerWorkflowOptions
        {
            WorkflowRunId = "wfr_session-order-7",
            Retries = 5,
            Delay = TimeSpan.FromSeconds(30),
            RetryDelay = WorkflowRetryDelay.FromExpression("1000 * pow(2, retried)"),
            NotBefore = notBefore,
            FailureCallback = new Uri("https://example.com/api/order-failed"),
            FlowControl = new WorkflowFlowControl("orders", parallelism: 3),
            Labels = ["orders", "eu"],
            ForwardHeaders = new Dictionary<string, string> { ["X-Tenant"] = "acme" },
            FailureCallbackForwardHeaders = new Dictionary<string, string> { ["X-Alert"] = "pager" },
        });
        var id = started.WorkflowRunId!;
        Assert.Equal("wfr_session-order-7", id);
        var kept = emulator.Run(id)!;
        // The emulator gives back what the client took, in the types it took them.
        Assert.Equal((5, TimeSpan.FromSeconds(30), "1000 * pow(2, retried)", notBefore), (kept.Retries, kept.Delay, kept.RetryDelay, kept.NotBefore));
        Assert.Equal((new Uri("https://example.com/api/order-failed"), new WorkflowFlowControl("orders", parallelism: 3)), (kept.FailureCallback, kept.FlowControl));
        Assert.Equal("acme", kept.ForwardedHeaders["x-tenant"]);
        Assert.Equal("pager", kept.FailureCallbackForwardedHeaders["X-Alert"]);
        Assert.Equal("""{"order":7}""", System.Text.Encoding.UTF8.GetString(kept.Body.ToArray()));

        // Its life: a call, an invoked workflow that completes, an event sent before the wait for it.
        emulator.AddCall(id, new Uri("https://payments.example/charge"), body: """{"amount":12}""", headers: new Dictionary<string, string> { ["Content-Type"] = "application/json" },
            responseBody: """{"charged":true}""", responseHeaders: new Dictionary<string, string> { ["Content-Type"] = "application/json" });
        var receipt = emulator.InvokeWorkflow(id, new Uri("https://example.com/api/receipt"), """{"order":7}""");
        emulator.CompleteRun(receipt, "receipt sent");
        var early = await client.Notify.NotifyWorkflowRunAsync(id, "order-shipped", WorkflowPayload.Text("shipped"));
        Assert.Null(early.Waiter);
        Assert.NotNull(early.MessageId);
        emulator.AddWaiter("order-shipped", id);
        Assert.Empty(await client.Notify.ListWaitersAsync("order-shipped"));
        emulator.AddWaiter("order-packed", id);
        var waiter = Assert.Single(await client.Notify.ListWaitersAsync("order-packed"));
        Assert.Equal(["acme"], Named(waiter.Headers, "X-Tenant"));
        Assert.NotEmpty(waiter.TimeoutBody!);

        // The failure: the DLQ entry carries the request as sent and the answer that failed it.
        var dlqId = emulator.FailRun(id, 502, "gateway down"u8.ToArray(), new Dictionary<string, string> { ["Content-Type"] = "text/plain" });
        var entry = await client.Dlq.GetFailedRunAsync(dlqId);
        Assert.Equal((5, """{"order":7}""", "gateway down", 502), (entry.MaxRetries, entry.Body, entry.ResponseBody, entry.ResponseStatus));
        Assert.Equal(["acme"], Named(entry.Header, "X-Tenant"));
        Assert.Equal(["text/plain"], Named(entry.ResponseHeader, "Content-Type"));
        var late = await client.Notify.NotifyWorkflowRunAsync(id, "order-delivered", WorkflowPayload.Text("delivered"));
        Assert.Contains("ended", late.Error, StringComparison.Ordinal);

        // The logs show it all.
        var run = Assert.Single((await client.Logs.ListLogsAsync(filter: new RunLogFilter { WorkflowRunId = id })).Runs);
        var steps = run.Steps.SelectMany(g => g.Steps).ToList();
        Assert.Equal(["Initial", "Call", "Invoke", "Wait", "Wait", "Run"], steps.Select(s => s.StepType));
        Assert.Equal((5, notBefore), (steps[0].Retries, steps[0].NextDeliveryTime));
        Assert.Equal(("shipped", false), (steps[3].Out, steps[3].WaitTimeout));
        Assert.Equal(receipt, steps[2].InvokedWorkflowRunId);
        Assert.Equal((new Uri("https://example.com/api/order-failed"), dlqId), (run.FailureFunction!.Url, run.FailureFunction.DlqId));
        Assert.Equal(["pager"], Named(run.FailureFunction.FailHeaders, "X-Alert"));
        var invoked = Assert.Single((await client.Logs.ListLogsAsync(filter: new RunLogFilter { WorkflowRunId = receipt })).Runs);
        Assert.Equal((id, "receipt sent"), (invoked.Invoker!.WorkflowRunId, invoked.WorkflowRunResponse));

        // A payload and an answer that are not UTF-8 come back as base64. (The run is seeded: Prism's proxy,
        // which the contract check sends this session through, forwards request bodies as text.)
        var binary = emulator.AddRun("https://example.com/api/images", body: [0xff, 0xd8, 0xff]);
        var binaryEntry = await client.Dlq.GetFailedRunAsync(emulator.FailRun(binary, 500, [0x89, 0x50, 0xff]));
        Assert.Equal(("/9j/", "iVD/"), (binaryEntry.BodyBase64, binaryEntry.ResponseBodyBase64));
        Assert.Null(binaryEntry.Body);
        await client.Dlq.DeleteFailedRunAsync(dlqId);
        var resumed = await client.Dlq.ResumeWorkflowAsync(binaryEntry.DlqId);
        Assert.Equal([0xff, 0xd8, 0xff], emulator.Run(resumed.WorkflowRunId)!.Body);
    }

    /// <summary>A header's values from a map of an answer, the name matched as HTTP matches it (a proxy may have lower-cased it).</summary>
    private static IEnumerable<string> Named<TValues>(IEnumerable<KeyValuePair<string, TValues>> headers, string name)
        where TValues : IEnumerable<string> =>
        headers.Single(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>Bulk calls act on at most their batch and hand back a cursor while entries remain, none after the last.</summary>
    private static async Task BulkInBatchesAsync(UpstashWorkflowClient client, UpstashWorkflowEmulator emulator)
    {
        for (var i = 0; i < 3; i++)
        {
            emulator.AddFailedRun("https://example.com/api/sync", labels: ["sync"]);
        }
        var bulk = new FailedRunFilter { Labels = ["sync"] };
        var first = await client.Dlq.RestartWorkflowsAsync(count: 2, filter: bulk);
        Assert.Equal(2, first.WorkflowRuns.Count);
        Assert.False(string.IsNullOrEmpty(first.Cursor));
        var rest = await client.Dlq.RestartWorkflowsAsync(cursor: first.Cursor, count: 2, filter: bulk);
        Assert.Single(rest.WorkflowRuns);
        Assert.Null(rest.Cursor);

        for (var i = 0; i < 2; i++)
        {
            emulator.AddFailedRun("https://example.com/api/sync", labels: ["sync"]);
        }
        var deleted = await client.Dlq.DeleteFailedRunsAsync(count: 1, filter: bulk);
        Assert.Equal((1, true), (deleted.Deleted, deleted.Cursor is { Length: > 0 }));
        Assert.Equal(1, (await client.Dlq.DeleteFailedRunsAsync(cursor: deleted.Cursor, count: 1, filter: bulk)).Deleted);
        var logs = await client.Logs.ListLogsAsync(filter: new RunLogFilter { Labels = ["sync"] });
        Assert.Equal("", logs.Cursor);
    }
}
