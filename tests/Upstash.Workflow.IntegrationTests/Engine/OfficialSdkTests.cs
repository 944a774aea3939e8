using System.Text.Json;
using Upstash.Workflow.Testing;
using Upstash.Workflow.IntegrationTests.Support;
using Upstash.Workflow.TestSupport;
using Upstash.Workflow.TestSupport.Generation;

namespace Upstash.Workflow.IntegrationTests.Engine;

/// <summary>
/// The emulator drives workflows served by the official TypeScript SDK (tests/engine/app.mjs) as the service does,
/// every delivery signed and verified by the SDK. Runs are started, notified, resumed and restarted through the
/// generated .NET client; what ran is counted by the endpoint itself, never read from the emulator's state.
/// </summary>
public sealed class OfficialSdkTests(Reporter reporter) : IClassFixture<Reporter>
{
    [SkippableFact]
    public async Task Every_kind_of_step_runs_once_and_restart_reruns_every_step_where_resume_reruns_none()
    {
        var unavailable = WorkflowApp.Unavailable();
        Skip.If(unavailable is not null, unavailable);
        await using var upstash = await UpstashWorkflowEmulator.StartAsync();
        await using var app = await WorkflowApp.StartAsync(upstash);
        using var client = upstash.CreateClient();
        Task<TriggerWorkflowResult> Trigger(string name, string json, TriggerWorkflowOptions? options = null) =>
            client.Runs.TriggerWorkflowAsync(app.Workflow(name), WorkflowPayload.RawJson(json), options, TestContext.Token);

        var steps = await Trigger("steps", """{"n":1}""");
        var parallel = await Trigger("parallel", "{}");
        var wait = await Trigger("wait", """{"eventId":"approval-1"}""");
        var call = await Trigger("call", JsonSerializer.Serialize(new { url = new Uri(app.BaseAddress, "target") }));
        var invoke = await Trigger("parent", """{"n":7}""");
        var cancel = await Trigger("cancel", "{}");
        // The trigger's run is delivered as to any SDK, which runs its first step on that delivery: no handshake.
        await Runs.UntilAsync(async () => await app.CountAsync("steps:first") == 1, "the first step ran", app);
        Assert.DoesNotContain(upstash.Deliveries, d => d.WorkflowRunId == steps.WorkflowRunId && d.Headers.ContainsKey("Upstash-Workflow-Unknown-Sdk"));
        // A waiter exists once the run has asked: the event is sent through the client, not handed to the emulator.
        await Runs.UntilAsync(async () => (await client.Notify.NotifyEventAsync("approval-1", WorkflowPayload.Text("approved"), TestContext.Token)).Count == 1, "the wait registered", app);

        var results = new Dictionary<string, string?>();
        var ended = new Dictionary<string, WorkflowRun>();
        foreach (var (name, run) in new[] { ("steps", steps), ("parallel", parallel), ("wait", wait), ("call", call), ("parent", invoke) })
        {
            ended[name] = await Runs.EndedAsync(client, run.WorkflowRunId, WorkflowRunState.RunSuccess, app);
            results[name] = ended[name].WorkflowRunResponse;
        }
        var cancelled = await Runs.EndedAsync(client, cancel.WorkflowRunId, WorkflowRunState.RunCanceled, app);

        // Two runs fail at their second step (no retries), then the step is fixed: one is resumed, one restarted. A run
        // the API starts has the failure callback its trigger names: here the workflow's own, whose failureFunction runs.
        var noRetries = new TriggerWorkflowOptions { Retries = 0, FailureCallback = app.Workflow("flaky") };
        var toResume = await Trigger("flaky", "{}", noRetries);
        var toRestart = await Trigger("flaky", "{}", noRetries);
        var failedResume = await Runs.EndedAsync(client, toResume.WorkflowRunId, WorkflowRunState.RunFailed, app);
        await Runs.EndedAsync(client, toRestart.WorkflowRunId, WorkflowRunState.RunFailed, app);
        // The failure callback's outcome is recorded once its answer is in: wait for both before reading the DLQ.
        await Runs.UntilAsync(async () => (await app.FailuresAsync()).Count == 2, "the failure function ran for both", app);
        Dictionary<string, WorkflowDlqMessage> dlq = [];
        await Runs.UntilAsync(async () =>
        {
            dlq = (await client.Dlq.ListFailedRunsAsync(cancellationToken: TestContext.Token)).Messages.ToDictionary(m => m.WorkflowRunId, m => m);
            return dlq.Count == 2 && dlq.Values.All(m => m.FailureFunctionState != FailureFunctionState.CallbackInprogress);
        }, "both failure callbacks answered", app);
        var beforeRerun = await app.CountsAsync();
        await app.FixFlakyAsync();
        var resumed = await client.Dlq.ResumeWorkflowAsync(dlq[toResume.WorkflowRunId].DlqId, cancellationToken: TestContext.Token);
        var resumedRun = await Runs.EndedAsync(client, resumed.WorkflowRunId, WorkflowRunState.RunSuccess, app);
        var afterResume = await app.CountsAsync();
        var restarted = await client.Dlq.RestartWorkflowAsync(dlq[toRestart.WorkflowRunId].DlqId, cancellationToken: TestContext.Token);
        var restartedRun = await Runs.EndedAsync(client, restarted.WorkflowRunId, WorkflowRunState.RunSuccess, app);
        var counts = await app.CountsAsync();

        Assert.Equal("""{"a":2,"b":4,"c":"2-4"}""", results["steps"]);
        Assert.Equal("\"XYZ\"", results["parallel"]);
        Assert.Equal("\"approved\"", results["wait"]);
        Assert.Equal("""{"echoed":{"q":"ping"}}""", JsonDocument.Parse(results["call"]!).RootElement.GetString()!.Split(' ', 2)[1]);
        Assert.Equal("\"child got 7 false\"", results["parent"]);
        // The logs tell each step: the call's request and answer, the event the wait received.
        var fetch = ended["call"].Steps.SelectMany(g => g.Steps).Single(s => s.StepName == "fetch");
        Assert.Equal((new Uri(app.BaseAddress, "target"), "POST", 200L), (fetch.CallUrl, fetch.CallMethod, fetch.CallResponseStatus));
        Assert.Equal("""{"echoed":{"q":"ping"}}""", fetch.CallResponseBody);
        var approval = ended["wait"].Steps.SelectMany(g => g.Steps).Single(s => s.StepName == "approval");
        Assert.Equal(("approved", false), (System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(approval.Out!)), approval.WaitTimeout));
        Assert.Equal([("only", "STEP_SUCCESS")], Runs.Steps(cancelled));
        // Every step of the successful runs ran exactly once; the cancelled run's step after the cancel never ran.
        string[] once = ["steps:first", "steps:second", "steps:third", "parallel:x", "parallel:y", "parallel:z", "parallel:join",
            "wait:asked", "wait:decided", "call:read", "child:work", "parent:report", "cancel:only"];
        Assert.All(once, key => Assert.Equal((key, 1), (key, counts.GetValueOrDefault(key))));
        Assert.Equal(0, counts.GetValueOrDefault("cancel:never"));
        Assert.Equal((2, 2, 0), (beforeRerun["flaky:before"], beforeRerun["flaky:fragile"], beforeRerun.GetValueOrDefault("flaky:after")));
        // Resume: the completed step is not run again, the failed one is, and the run goes on from there.
        var resumeReran = afterResume["flaky:before"] - beforeRerun["flaky:before"];
        Assert.Equal((0, 1, 1), (resumeReran, afterResume["flaky:fragile"] - beforeRerun["flaky:fragile"], afterResume["flaky:after"]));
        // Restart: from the first step, every step again, under a new run id.
        var restartReran = counts["flaky:before"] - afterResume["flaky:before"] + counts["flaky:fragile"] - afterResume["flaky:fragile"];
        Assert.Equal((1, 1, 2), (counts["flaky:before"] - afterResume["flaky:before"], counts["flaky:fragile"] - afterResume["flaky:fragile"], counts["flaky:after"]));
        Assert.All(new[] { resumed.WorkflowRunId, restarted.WorkflowRunId }, id => Assert.DoesNotContain(id, new[] { toResume.WorkflowRunId, toRestart.WorkflowRunId }));
        Assert.Equal("\"kept fixed end\"", resumedRun.WorkflowRunResponse);
        Assert.Equal("\"kept fixed end\"", restartedRun.WorkflowRunResponse);

        // The failure: the failing step in the logs, the DLQ entry from the real message, the failure function's outcome.
        Assert.Equal([("before", "STEP_SUCCESS"), ("fragile", "STEP_FAILED")], Runs.Steps(failedResume));
        var entry = dlq[toResume.WorkflowRunId];
        Assert.Equal((500, FailureFunctionState.CallbackSuccess), (entry.ResponseStatus, entry.FailureFunctionState));
        Assert.Contains("fragile is broken", entry.ResponseBody, StringComparison.Ordinal);
        Assert.Equal(2, JsonDocument.Parse(entry.Body!).RootElement.GetArrayLength()); // the history as delivered: payload and "before"
        var failure = (await app.FailuresAsync()).Single(f => f["workflowRunId"].GetString() == toResume.WorkflowRunId);
        Assert.Equal((500, "fragile is broken"), (failure["failStatus"].GetInt32(), failure["failResponse"].GetString()));
        // Resume's logs carry the earlier result and what ran after.
        Assert.Equal([("before", "STEP_SUCCESS"), ("fragile", "STEP_SUCCESS"), ("after", "STEP_SUCCESS")], Runs.Steps(resumedRun));

        var executed = counts.Where(c => !c.Key.StartsWith("calls:", StringComparison.Ordinal)).Sum(c => c.Value);
        var twice = once.Count(key => counts.GetValueOrDefault(key) > 1);
        var workflows = counts.Keys.Count(c => c.StartsWith("calls:", StringComparison.Ordinal));
        reporter.Say($"Workflow engine: {workflows} official-SDK workflows, {executed} steps executed, restart re-ran {restartReran} steps, " +
            $"resume re-ran {resumeReran} completed steps, {twice} steps executed twice");
    }

    [SkippableFact]
    public async Task The_official_typescript_client_triggers_and_cancels_against_the_emulator()
    {
        var unavailable = WorkflowApp.Unavailable();
        Skip.If(unavailable is not null, unavailable);
        await using var upstash = await UpstashWorkflowEmulator.StartAsync();
        await using var app = await WorkflowApp.StartAsync(upstash);
        using var client = upstash.CreateClient();

        var started = JsonDocument.Parse(await app.OfficialClientAsync("trigger", $"url={Uri.EscapeDataString(app.Workflow("wait").AbsoluteUri)}", """{"eventId":"never"}""")).RootElement;
        var runId = started.GetProperty("workflowRunId").GetString()!;
        await Runs.UntilAsync(async () => Runs.Steps(await Runs.LogAsync(client, runId)).Contains(("approval", "STEP_PROGRESS")), "the run waits", app);
        await app.OfficialClientAsync("cancel", $"id={Uri.EscapeDataString(runId)}");
        var run = await Runs.EndedAsync(client, runId, WorkflowRunState.RunCanceled, app);

        Assert.StartsWith("wfr_", runId, StringComparison.Ordinal);
        Assert.Equal(0, await app.CountAsync("wait:decided"));
        Assert.Equal([("asked", "STEP_SUCCESS"), ("approval", "STEP_PROGRESS")], Runs.Steps(run));
        // A trigger by the SDK is no unknown SDK: no handshake, one delivery per message.
        Assert.DoesNotContain(upstash.Deliveries, d => d.Headers.ContainsKey("Upstash-Workflow-Unknown-Sdk"));
    }

    [SkippableFact]
    public async Task A_non_retryable_error_fails_the_run_at_once_and_a_run_that_never_ends_stops_at_the_step_limit()
    {
        var unavailable = WorkflowApp.Unavailable();
        Skip.If(unavailable is not null, unavailable);
        await using var upstash = await UpstashWorkflowEmulator.StartAsync(new UpstashWorkflowEmulatorOptions { MaxStepsPerRun = 20 });
        await using var app = await WorkflowApp.StartAsync(upstash);
        using var client = upstash.CreateClient();

        var hopeless = await client.Runs.TriggerWorkflowAsync(app.Workflow("hopeless"), WorkflowPayload.RawJson("{}"), new TriggerWorkflowOptions { Retries = 3 }, TestContext.Token);
        var loop = await client.Runs.TriggerWorkflowAsync(app.Workflow("loop"), WorkflowPayload.RawJson("{}"), cancellationToken: TestContext.Token);
        await Runs.EndedAsync(client, hopeless.WorkflowRunId, WorkflowRunState.RunFailed, app);
        await Runs.EndedAsync(client, loop.WorkflowRunId, WorkflowRunState.RunFailed, app);
        var dlq = (await client.Dlq.ListFailedRunsAsync(cancellationToken: TestContext.Token)).Messages.ToDictionary(m => m.WorkflowRunId);

        // 489 is not retried, whatever the retries.
        Assert.Equal(1, await app.CountAsync("hopeless:doomed"));
        Assert.Equal(489, dlq[hopeless.WorkflowRunId].ResponseStatus);
        // The loop: the payload and 19 steps are accepted; the 20th lap runs, its result is refused, and the run fails naming the limit.
        Assert.Equal(20, await app.CountAsync("loop:lap"));
        Assert.Contains("limit of 20 steps (UpstashWorkflowEmulatorOptions.MaxStepsPerRun)", dlq[loop.WorkflowRunId].ResponseBody, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_webhook_the_run_hands_out_brings_the_call_to_its_wait()
    {
        var unavailable = WorkflowApp.Unavailable();
        Skip.If(unavailable is not null, unavailable);
        await using var upstash = await UpstashWorkflowEmulator.StartAsync();
        await using var app = await WorkflowApp.StartAsync(upstash);
        using var client = upstash.CreateClient();

        var run = await client.Runs.TriggerWorkflowAsync(app.Workflow("webhook"), WorkflowPayload.RawJson("{}"), cancellationToken: TestContext.Token);
        await Runs.UntilAsync(async () => (await app.HooksAsync()).Count == 1, "the webhook URL was handed out", app);
        var hook = new Uri((await app.HooksAsync())[0]);
        // The URL is the emulator's, and a capability: its caller has no token.
        using var anyone = new HttpClient();
        await Runs.UntilAsync(async () => (await anyone.PostAsync(hook, new StringContent("paid"), TestContext.Token)).IsSuccessStatusCode, "the hook took the call", app);
        var ended = await Runs.EndedAsync(client, run.WorkflowRunId, WorkflowRunState.RunSuccess, app);

        Assert.Equal(upstash.BaseAddress.Authority, hook.Authority);
        Assert.Equal("\"POST paid\"", ended.WorkflowRunResponse);
        Assert.Equal((1, 1), (await app.CountAsync("webhook:share"), await app.CountAsync("webhook:got")));
    }

    [SkippableFact]
    public async Task With_lazy_fetch_the_endpoint_reads_the_history_from_the_emulator()
    {
        var unavailable = WorkflowApp.Unavailable();
        Skip.If(unavailable is not null, unavailable);
        await using var upstash = await UpstashWorkflowEmulator.StartAsync(new UpstashWorkflowEmulatorOptions { LazyFetch = true });
        await using var app = await WorkflowApp.StartAsync(upstash);
        using var client = upstash.CreateClient();

        var run = await client.Runs.TriggerWorkflowAsync(app.Workflow("parallel"), WorkflowPayload.RawJson("{}"), cancellationToken: TestContext.Token);
        var ended = await Runs.EndedAsync(client, run.WorkflowRunId, WorkflowRunState.RunSuccess, app);

        Assert.Equal("\"XYZ\"", ended.WorkflowRunResponse);
        Assert.Equal(1, await app.CountAsync("parallel:join"));
        // The trigger's delivery carries the history (the run learns the endpoint's features from its first message);
        // every delivery after it came empty: the SDK fetched the history, sliced at the delivered message.
        var deliveries = upstash.Deliveries.Where(d => d.Kind == EmulatorDelivery.Workflow && d.WorkflowRunId == run.WorkflowRunId).ToList();
        Assert.NotEmpty(deliveries[0].Body);
        Assert.NotEmpty(deliveries.Skip(1));
        Assert.All(deliveries.Skip(1), d => Assert.Empty(d.Body));
    }
}
