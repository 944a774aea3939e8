using Upstash.Workflow.TestSupport.Emulator;
using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Upstash.Workflow.Testing;
using Upstash.Workflow.TestSupport;
using Upstash.Workflow.Testing.Tests.Support;

namespace Upstash.Workflow.Testing.Tests.Emulator;

/// <summary>What the emulator sends to your endpoints, as the service does: signed, with the delivery headers, its outcome recorded.</summary>
public sealed class DeliveryTests
{
    /// <summary>An endpoint on 127.0.0.1 that answers <paramref name="status"/> and keeps what it received.</summary>
    private static Task<RecordingServer> Endpoint(Func<int> status) => RecordingServer.StartAsync(context =>
    {
        context.Response.StatusCode = status();
        return Task.CompletedTask;
    });

    [Fact]
    public async Task A_failed_run_calls_its_failure_callback_signed_with_the_current_key()
    {
        await using var callback = await Endpoint(() => 200);
        await using var upstash = await UpstashWorkflowEmulator.StartAsync();
        using var client = upstash.CreateClient();
        var url = new Uri(callback.BaseAddress, "failed");
        var run = await client.Runs.TriggerWorkflowAsync(new Uri("https://shop.example/api/workflow"), WorkflowPayload.Json(new { orderId = 42 }),
            new TriggerWorkflowOptions { FailureCallback = url, FailureCallbackForwardHeaders = new Dictionary<string, string> { ["X-Alert"] = "ops" } }, TestContext.Token);

        var dlqId = await upstash.FailRunAsync(run.WorkflowRunId, 503, Encoding.UTF8.GetBytes("step failed"));

        var request = Assert.Single(callback.Requests);
        Assert.Equal(("POST", "/failed"), (request.Method, request.RawTarget));
        Assert.Equal(("true", "ops", "Upstash-QStash", "0"), (request.Header("Upstash-Workflow-Is-Failure"), request.Header("X-Alert"), request.Header("User-Agent"), request.Header("Upstash-Retried")));
        var (current, next) = upstash.SigningKeys;
        new UpstashSignatureVerifier(current).Verify(request.Header("Upstash-Signature"), Encoding.UTF8.GetBytes(request.Body), url);
        var sent = WorkflowFailureCallback.Read(Encoding.UTF8.GetBytes(request.Body));
        Assert.Equal((503, dlqId, run.WorkflowRunId, "step failed"), (sent.Status, sent.DlqId, sent.WorkflowRunId, Encoding.UTF8.GetString(sent.Body!)));
        Assert.Equal("""{"orderId":42}""", Encoding.UTF8.GetString(sent.SourceBody!));
        Assert.Equal(run.WorkflowCreatedAt, sent.WorkflowCreatedAt);
        Assert.Equal(FailureFunctionState.CallbackSuccess, (await client.Dlq.GetFailedRunAsync(dlqId, TestContext.Token)).FailureFunctionState);
        Assert.Equal((EmulatorDelivery.FailureCallback, 200), (Assert.Single(upstash.Deliveries).Kind, upstash.Deliveries[0].Status));
        Assert.NotEqual(current, next);
    }

    [Fact]
    public async Task A_callback_that_fails_is_recorded_and_a_retry_delivers_it_again()
    {
        var answer = 500;
        await using var callback = await Endpoint(() => answer);
        await using var upstash = await UpstashWorkflowEmulator.StartAsync();
        using var client = upstash.CreateClient();
        var run = await client.Runs.TriggerWorkflowAsync(new Uri("https://shop.example/api/workflow"),
            options: new TriggerWorkflowOptions { FailureCallback = new Uri(callback.BaseAddress, "failed"), Retries = 0 }, cancellationToken: TestContext.Token);
        var dlqId = await upstash.FailRunAsync(run.WorkflowRunId);
        Assert.Equal(FailureFunctionState.CallbackFail, (await client.Dlq.GetFailedRunAsync(dlqId, TestContext.Token)).FailureFunctionState);

        answer = 200;
        await client.Dlq.RetryFailureCallbackAsync(dlqId, TestContext.Token);
        await upstash.DeliveriesCompletedAsync();

        Assert.Equal(2, callback.Requests.Count);
        Assert.Equal([500, 200], upstash.Deliveries.Select(d => d.Status));
        Assert.Equal(FailureFunctionState.CallbackSuccess, (await client.Dlq.GetFailedRunAsync(dlqId, TestContext.Token)).FailureFunctionState);
    }

    [Fact]
    public async Task A_trigger_whose_workflow_answers_an_error_fails_the_run_and_calls_back()
    {
        await using var workflow = await Endpoint(() => 500);
        await using var callback = await Endpoint(() => 200);
        await using var upstash = await UpstashWorkflowEmulator.StartAsync();
        using var client = upstash.CreateClient();
        var workflowUrl = new Uri(workflow.BaseAddress, "api/workflow");

        var run = await client.Runs.TriggerWorkflowAsync(workflowUrl, WorkflowPayload.Text("hello"),
            new TriggerWorkflowOptions { FailureCallback = new Uri(callback.BaseAddress, "failed"), ForwardHeaders = new Dictionary<string, string> { ["X-Tenant"] = "acme" }, Retries = 0 }, TestContext.Token);
        await upstash.DeliveriesCompletedAsync();

        // The service's first delivery of a trigger: the history (the payload, base64), as to any workflow SDK.
        var step = Assert.Single(workflow.Requests);
        var history = System.Text.Json.JsonDocument.Parse(step.Body).RootElement;
        Assert.Equal("hello", Encoding.UTF8.GetString(Assert.Single(history.EnumerateArray()).GetProperty("body").GetBytesFromBase64()));
        Assert.Equal((run.WorkflowRunId, "acme", "1", null), (step.Header("Upstash-Workflow-RunId"), step.Header("X-Tenant"), step.Header("Upstash-Workflow-Sdk-Version"), step.Header("Upstash-Workflow-Unknown-Sdk")));
        new UpstashSignatureVerifier(upstash.SigningKeys.Current).Verify(step.Header("Upstash-Signature"), Encoding.UTF8.GetBytes(step.Body), workflowUrl);
        Assert.Equal(WorkflowRunState.RunFailed, upstash.RunState(run.WorkflowRunId));
        var entry = Assert.Single((await client.Dlq.ListFailedRunsAsync(cancellationToken: TestContext.Token)).Messages);
        Assert.Equal((run.WorkflowRunId, 500), (entry.WorkflowRunId, entry.ResponseStatus));
        Assert.Single(callback.Requests);
        Assert.Equal([EmulatorDelivery.Workflow, EmulatorDelivery.FailureCallback], upstash.Deliveries.Select(d => d.Kind));
    }

    [Fact]
    public async Task Nothing_is_sent_beyond_loopback_and_allowed_hosts_nor_when_delivery_is_off()
    {
        await using var callback = await Endpoint(() => 200);
        await using var upstash = await UpstashWorkflowEmulator.StartAsync(new UpstashWorkflowEmulatorOptions { Deliver = false });
        await using var elsewhere = await UpstashWorkflowEmulator.StartAsync();
        using var client = upstash.CreateClient();
        using var other = elsewhere.CreateClient();

        var off = await client.Runs.TriggerWorkflowAsync(new Uri(callback.BaseAddress, "w"), options: new TriggerWorkflowOptions { FailureCallback = new Uri(callback.BaseAddress, "f") }, cancellationToken: TestContext.Token);
        await upstash.FailRunAsync(off.WorkflowRunId);
        var far = await other.Runs.TriggerWorkflowAsync(new Uri("https://shop.example/api/workflow"), options: new TriggerWorkflowOptions { FailureCallback = new Uri("https://shop.example/failed") }, cancellationToken: TestContext.Token);
        var farDlq = await elsewhere.FailRunAsync(far.WorkflowRunId, callbackStatus: 500);
        await Task.WhenAll(upstash.DeliveriesCompletedAsync(), elsewhere.DeliveriesCompletedAsync());

        Assert.Empty(callback.Requests);
        Assert.Empty(upstash.Deliveries);
        Assert.Empty(elsewhere.Deliveries);
        // A callback that is not called is recorded with the answer the test says it gave.
        Assert.Equal(FailureFunctionState.CallbackFail, (await other.Dlq.GetFailedRunAsync(farDlq, TestContext.Token)).FailureFunctionState);
    }

    [Fact]
    public async Task Concurrent_restarts_of_one_entry_start_one_run()
    {
        await using var upstash = await UpstashWorkflowEmulator.StartAsync();
        using var client = upstash.CreateClient();
        for (var round = 0; round < 20; round++)
        {
            var dlqId = upstash.AddFailedRun("https://shop.example/api/workflow");
            var runsBefore = upstash.RunIds.Count;
            var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
            {
                try
                {
                    await client.Dlq.RestartWorkflowAsync(dlqId, cancellationToken: TestContext.Token);
                    return "started";
                }
                catch (NotFoundException)
                {
                    return "gone";
                }
            }));

            Assert.Equal(1, outcomes.Count(o => o == "started"));
            Assert.Equal(runsBefore + 1, upstash.RunIds.Count);
        }
    }

    [Fact]
    public async Task Two_changes_of_one_entry_racing_each_other_take_it_once()
    {
        var options = new UpstashWorkflowEmulatorOptions { Deliver = false };
        var state = new EmulatorState(TimeProvider.System);
        var log = new EmulatorLog(null);
        using var sender = new DeliverySender(state, options, log);
        var engine = new WorkflowEngine(state, sender, new FlowGate(state, sender), options, log);
        const int Racers = 4;
        using var start = new Barrier(Racers);
        for (var round = 0; round < 2000; round++)
        {
            var run = engine.AddRun("https://shop.example/api/workflow", new RunSettings(), [], null);
            var entry = await engine.FailRunAsync(run.WorkflowRunId, 500, [], null, 200);
            var started = new ConcurrentBag<Run>();
            var racers = Enumerable.Range(0, Racers).Select(_ => Task.Factory.StartNew(() =>
            {
                start.SignalAndWait();
                if (engine.RunAgain(entry, new RunSettings(), resume: false) is { } again)
                {
                    started.Add(again);
                }
            }, TaskCreationOptions.LongRunning)).ToArray();
            await Task.WhenAll(racers);

            Assert.True(started.Count == 1, $"round {round}: {started.Count} runs started from one DLQ entry");
        }
    }
}
