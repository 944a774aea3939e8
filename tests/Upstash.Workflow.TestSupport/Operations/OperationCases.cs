using System.Text;
using Upstash.Workflow.TestSupport;

namespace Upstash.Workflow.TestSupport.Operations;

/// <summary>At least one call of every operation in the spec, with its exact wire form.</summary>
public static class OperationCases
{
    private const string Started = """{ "workflowRunId": "wfr_new", "workflowCreatedAt": 1725323658779 }""";
    private static readonly DateTimeOffset StartedAt = DateTimeOffset.FromUnixTimeMilliseconds(1725323658779);

    private const string DlqEntry = """
        { "dlqId": "1725323658779-0", "workflowUrl": "https://example.com/api/workflow", "workflowRunId": "wfr_failed",
          "workflowCreatedAt": 1725323600000, "url": "https://example.com/api/workflow", "method": "POST",
          "header": { "Content-Type": ["application/json"] }, "body": "{\"orderId\":42}", "maxRetries": 3,
          "createdAt": 1725323658779, "callerIP": "203.0.113.7", "labels": ["nightly"], "flowControlKey": "billing",
          "failureFunctionState": "CALLBACK_FAIL", "responseStatus": 500, "responseBody": "boom" }
        """;

    private const string FlowKey = """
        { "flowControlKey": "billing", "waitListSize": 4, "parallelismMax": 3, "parallelismCount": 3, "rateMax": 10,
          "rateCount": 7, "ratePeriod": 60, "ratePeriodStart": 1725323640000, "isPaused": false, "isPinnedParallelism": true, "isPinnedRate": false }
        """;

    private const string SigningKeysJson = """{ "current": "sig_current", "next": "sig_next" }""";

    private const string Waiter = """
        { "url": "https://example.com/api/workflow", "headers": { "Upstash-Workflow-RunId": ["wfr_1"] }, "deadline": 1725327258,
          "timeoutBody": "dGltZW91dA==", "timeoutUrl": "https://example.com/api/workflow", "timeoutHeaders": {} }
        """;

    private const string Notified = """{ "waiter": """ + Waiter + """, "messageId": "msg_1", "deduplicated": false, "workflowRunId": "wfr_1", "workflowCreatedAt": 1725323658779 }""";

    public static IReadOnlyList<OperationCase> All { get; } =
    [
        new("triggerWorkflow", "json")
        {
            Call = async (c, ct) => await c.Runs.TriggerWorkflowAsync(new Uri("https://example.com/api/workflow"),
                WorkflowPayload.Json(new { orderId = 42 }),
                new TriggerWorkflowOptions
                {
                    WorkflowRunId = "wfr_custom",
                    NotBefore = DateTimeOffset.FromUnixTimeSeconds(1725323658),
                    ForwardHeaders = new Dictionary<string, string> { ["X-Tenant"] = "acme" },
                    FailureCallbackForwardHeaders = new Dictionary<string, string> { ["X-Alert"] = "ops" },
                    Retries = 5,
                    Delay = TimeSpan.FromSeconds(10),
                    RetryDelay = WorkflowRetryDelay.Fixed(TimeSpan.FromSeconds(1)),
                    FlowControl = new WorkflowFlowControl("billing", parallelism: 3),
                    Labels = ["nightly"],
                    FailureCallback = new Uri("https://example.com/failed"),
                },
                ct),
            Method = "POST",
            Target = "/v2/trigger/https%3A%2F%2Fexample.com%2Fapi%2Fworkflow",
            Headers =
            [
                ("Upstash-Workflow-RunId", "wfr_custom"), ("Upstash-Not-Before", "1725323658"),
                ("Upstash-Forward-X-Tenant", "acme"), ("Upstash-Failure-Callback-Forward-X-Alert", "ops"),
                ("Upstash-Retries", "5"), ("Upstash-Delay", "10s"), ("Upstash-Retry-Delay", "1000"),
                ("Upstash-Flow-Control-Key", "billing"), ("Upstash-Flow-Control-Value", "parallelism=3"),
                ("Upstash-Label", "nightly"), ("Upstash-Failure-Callback", "https://example.com/failed"),
            ],
            ContentType = "application/json; charset=utf-8",
            Body = """{"orderId":42}""",
            ResponseJson = Started,
            Check = r => Assert.Equal(StartedAt, Assert.IsType<TriggerWorkflowResult>(r).WorkflowCreatedAt),
        },
        new("triggerWorkflow", "text")
        {
            Call = async (c, ct) => await c.Runs.TriggerWorkflowAsync(new Uri("https://example.com/api/workflow"), payload: WorkflowPayload.Text("hello, run"), cancellationToken: ct),
            Method = "POST",
            Target = "/v2/trigger/https%3A%2F%2Fexample.com%2Fapi%2Fworkflow",
            ContentType = "text/plain; charset=utf-8",
            Body = "hello, run",
            ResponseJson = Started,
            Check = r => Assert.Equal("wfr_new", Assert.IsType<TriggerWorkflowResult>(r).WorkflowRunId),
        },
        new("triggerWorkflow", "bytes")
        {
            Call = async (c, ct) => await c.Runs.TriggerWorkflowAsync(new Uri("https://example.com/api/workflow"), payload: WorkflowPayload.Bytes(Encoding.ASCII.GetBytes("raw-bytes")), cancellationToken: ct),
            Method = "POST",
            Target = "/v2/trigger/https%3A%2F%2Fexample.com%2Fapi%2Fworkflow",
            ContentType = "application/octet-stream",
            Body = "raw-bytes",
            ResponseJson = Started,
        },
        new("triggerWorkflowBatch")
        {
            Call = async (c, ct) => await c.Runs.TriggerWorkflowBatchAsync(
            [
                new BatchTriggerItem { Destination = new Uri("https://example.com/a"), Body = "one", Headers = new Dictionary<string, string> { ["Upstash-Retries"] = "1" } },
                new BatchTriggerItem { Destination = new Uri("https://example.com/b") },
            ], ct),
            Method = "POST",
            Target = "/v2/batch/trigger",
            ContentType = "application/json",
            Body = """[{"destination":"https://example.com/a","body":"one","headers":{"Upstash-Retries":"1"}},{"destination":"https://example.com/b"}]""",
            Status = 201,
            ResponseJson = """[{ "workflowRunId": "wfr_a", "workflowCreatedAt": 1725323658779, "deduplicated": false }, { "workflowRunId": "wfr_b", "workflowCreatedAt": 1725323658779, "deduplicated": true }]""",
            Check = r => Assert.Equal([false, true], Assert.IsAssignableFrom<IReadOnlyList<BatchTriggerResult>>(r).Select(x => x.Deduplicated)),
        },
        new("cancelWorkflowRun")
        {
            Call = (c, ct) => OperationCase.Done(c.Runs.CancelWorkflowRunAsync("wfr_1", ct)),
            Method = "DELETE",
            Target = "/v2/workflows/runs/wfr_1",
        },
        new("cancelWorkflowRuns")
        {
            Call = async (c, ct) => await c.Runs.CancelWorkflowRunsAsync(count: 50,
                filter: new WorkflowRunFilter { WorkflowUrls = ["https://example.com/api"], WorkflowUrlExactMatch = true, Labels = ["nightly"] }, cancellationToken: ct),
            Method = "DELETE",
            Target = "/v2/workflows/runs?count=50&workflowUrl=https%3A%2F%2Fexample.com%2Fapi&workflowUrlExactMatch=true&label=nightly",
            ResponseJson = """{ "cancelled": 2 }""",
            Check = r => Assert.Equal(2, Assert.IsType<CancelWorkflowRunsResult>(r).Cancelled),
        },
        new("listLogs")
        {
            Call = async (c, ct) => await c.Logs.ListLogsAsync(cursor: "c1", count: 10, trimBody: 100, filter: new RunLogFilter
            {
                WorkflowUrl = "https://example.com/api",
                State = RunLogState.RunFailed,
                FromDate = DateTimeOffset.FromUnixTimeMilliseconds(1725000000000),
                Labels = ["a", "b"],
            }, cancellationToken: ct),
            Method = "GET",
            Target = "/v2/workflows/logs?cursor=c1&count=10&trimBody=100&workflowUrl=https%3A%2F%2Fexample.com%2Fapi&state=RUN_FAILED&fromDate=1725000000000&label=a&label=b",
            ResponseJson = """
                { "cursor": "c2", "runs": [ { "workflowRunId": "wfr_1", "workflowUrl": "https://example.com/api", "workflowState": "RUN_FAILED",
                  "workflowRunCreatedAt": 1725323600000, "workflowRunCompletedAt": 1725323658779, "labels": ["a"],
                  "steps": [ { "type": "sequential", "steps": [ { "stepId": 1, "stepName": "init", "createdAt": 1725323600001, "state": "STEP_SUCCESS" } ] } ] } ] }
                """,
            Check = r =>
            {
                var page = Assert.IsType<WorkflowRunLogsPage>(r);
                var run = Assert.Single(page.Runs!);
                Assert.Equal(WorkflowRunState.RunFailed, run.WorkflowState);
                Assert.Equal(StartedAt, run.WorkflowRunCompletedAt);
                Assert.Equal("init", Assert.Single(Assert.Single(run.Steps!).Steps!).StepName);
            },
        },
        new("listFailedRuns")
        {
            Call = async (c, ct) => await c.Dlq.ListFailedRunsAsync(count: 50, filter: new FailedRunFilter
            {
                Labels = ["nightly"],
                FailureFunctionStates = [FailureFunctionState.CallbackFail],
                FlowControlKeys = ["billing"],
            }, cancellationToken: ct),
            Method = "GET",
            Target = "/v2/workflows/dlq?count=50&label=nightly&failureFunctionState=CALLBACK_FAIL&flowControlKey=billing",
            ResponseJson = $$"""{ "cursor": "", "messages": [ {{DlqEntry}} ] }""",
            Check = r => Assert.Equal("1725323658779-0", Assert.Single(Assert.IsType<FailedRunsPage>(r).Messages!).DlqId),
        },
        new("deleteFailedRuns")
        {
            Call = async (c, ct) => await c.Dlq.DeleteFailedRunsAsync(dlqIds: ["d1", "d2"], cancellationToken: ct),
            Method = "DELETE",
            Target = "/v2/workflows/dlq?dlqIds=d1&dlqIds=d2",
            ResponseJson = """{ "deleted": 2 }""",
            Check = r => Assert.Equal(2, Assert.IsType<DeleteFailedRunsResult>(r).Deleted),
        },
        new("getFailedRun")
        {
            Call = async (c, ct) => await c.Dlq.GetFailedRunAsync("1725323658779-0", ct),
            Method = "GET",
            Target = "/v2/workflows/dlq/1725323658779-0",
            ResponseJson = DlqEntry,
            Check = r =>
            {
                var entry = Assert.IsType<WorkflowDlqMessage>(r);
                Assert.Equal(StartedAt, entry.CreatedAt);
                Assert.Equal(["application/json"], entry.Header!["Content-Type"]);
                Assert.Equal("203.0.113.7", entry.CallerIP);
            },
        },
        new("deleteFailedRun")
        {
            Call = (c, ct) => OperationCase.Done(c.Dlq.DeleteFailedRunAsync("1725323658779-0", ct)),
            Method = "DELETE",
            Target = "/v2/workflows/dlq/1725323658779-0",
        },
        new("resumeWorkflow")
        {
            Call = async (c, ct) => await c.Dlq.ResumeWorkflowAsync("1725323658779-0", new ResumeWorkflowOptions { Retries = 2, Delay = TimeSpan.FromMinutes(5) }, ct),
            Method = "POST",
            Target = "/v2/workflows/dlq/resume/1725323658779-0",
            Headers = [("Upstash-Retries", "2"), ("Upstash-Delay", "5m")],
            ResponseJson = Started,
            Check = r => Assert.Equal(StartedAt, Assert.IsType<ResumeWorkflowResult>(r).WorkflowCreatedAt),
        },
        new("resumeWorkflows")
        {
            Call = async (c, ct) => await c.Dlq.ResumeWorkflowsAsync(
                filter: new FailedRunFilter { Labels = ["nightly"] },
                options: new ResumeWorkflowsOptions { Labels = ["resumed"], FlowControl = new WorkflowFlowControl("slow", rate: 1) },
                cancellationToken: ct),
            Method = "POST",
            Target = "/v2/workflows/dlq/resume?label=nightly",
            Headers = [("Upstash-Label", "resumed"), ("Upstash-Flow-Control-Key", "slow"), ("Upstash-Flow-Control-Value", "rate=1")],
            ResponseJson = """{ "workflowRuns": [ { "workflowRunId": "wfr_r1", "workflowCreatedAt": 1725323658779 } ], "cursor": "next" }""",
            Check = r => Assert.Equal("next", Assert.IsType<BulkRunAgainResult>(r).Cursor),
        },
        new("restartWorkflow")
        {
            Call = async (c, ct) => await c.Dlq.RestartWorkflowAsync("1725323658779-0", new RestartWorkflowOptions
            {
                Retries = 2,
                Delay = TimeSpan.FromMinutes(5),
                RetryDelay = WorkflowRetryDelay.Exponential(TimeSpan.FromSeconds(1)),
                FlowControl = new WorkflowFlowControl("billing", parallelism: 3, rate: 10, period: TimeSpan.FromMinutes(1)),
                Labels = ["nightly", "billing"],
                FailureCallback = new Uri("https://shop.example/failed?tag=a b"),
            }, ct),
            Method = "POST",
            Target = "/v2/workflows/dlq/restart/1725323658779-0",
            Headers =
            [
                ("Upstash-Retries", "2"), ("Upstash-Delay", "5m"), ("Upstash-Retry-Delay", "pow(2, retried) * 1000"),
                ("Upstash-Flow-Control-Key", "billing"), ("Upstash-Flow-Control-Value", "parallelism=3, rate=10, period=1m"),
                ("Upstash-Label", "nightly,billing"), ("Upstash-Failure-Callback", "https://shop.example/failed?tag=a%20b"),
            ],
            ResponseJson = Started,
            Check = r => Assert.Equal(StartedAt, Assert.IsType<RestartWorkflowResult>(r).WorkflowCreatedAt),
        },
        new("restartWorkflow", "no options")
        {
            Call = async (c, ct) => await c.Dlq.RestartWorkflowAsync("1725323658779-0", cancellationToken: ct),
            Method = "POST",
            Target = "/v2/workflows/dlq/restart/1725323658779-0",
            ResponseJson = Started,
            Check = r => Assert.Equal("wfr_new", Assert.IsType<RestartWorkflowResult>(r).WorkflowRunId),
        },
        new("restartWorkflows")
        {
            Call = async (c, ct) => await c.Dlq.RestartWorkflowsAsync(dlqIds: ["d1", "d 2"], options: new RestartWorkflowsOptions { Retries = 1 }, cancellationToken: ct),
            Method = "POST",
            Target = "/v2/workflows/dlq/restart?dlqIds=d1&dlqIds=d%202",
            Headers = [("Upstash-Retries", "1")],
            ResponseJson = """{ "workflowRuns": [ { "workflowRunId": "wfr_a", "workflowCreatedAt": 1725323658779 }, { "workflowRunId": "wfr_b", "workflowCreatedAt": 1725323658779 } ] }""",
            Check = r => Assert.Equal(2, Assert.IsType<BulkRunAgainResult>(r).WorkflowRuns!.Count),
        },
        new("retryFailureCallback")
        {
            Call = async (c, ct) => await c.Dlq.RetryFailureCallbackAsync("1725323658779-0", ct),
            Method = "POST",
            Target = "/v2/workflows/dlq/callback/1725323658779-0",
            ResponseJson = Started,
            Check = r => Assert.Equal("wfr_new", Assert.IsType<RetryFailureCallbackResult>(r).WorkflowRunId),
        },
        new("cancelFailureCallback")
        {
            Call = (c, ct) => OperationCase.Done(c.Dlq.CancelFailureCallbackAsync("1725323658779-0", ct)),
            Method = "DELETE",
            Target = "/v2/workflows/dlq/callback/1725323658779-0",
            Status = 302,
        },
        new("listFlowControlKeys")
        {
            Call = async (c, ct) => await c.FlowControl.ListFlowControlKeysAsync(ct),
            Method = "GET",
            Target = "/v2/flowControl",
            ResponseJson = $"[{FlowKey}]",
            Check = r => Assert.Equal(4, Assert.Single(Assert.IsAssignableFrom<IReadOnlyList<FlowControlKeyStatus>>(r)).WaitListSize),
        },
        new("getFlowControlKey")
        {
            Call = async (c, ct) => await c.FlowControl.GetFlowControlKeyAsync("billing/eu", ct),
            Method = "GET",
            Target = "/v2/flowControl/billing%2Feu",
            ResponseJson = FlowKey,
            Check = r => Assert.True(Assert.IsType<FlowControlKeyStatus>(r).IsPinnedParallelism),
        },
        new("pauseFlowControlKey")
        {
            Call = (c, ct) => OperationCase.Done(c.FlowControl.PauseFlowControlKeyAsync("billing", ct)),
            Method = "POST",
            Target = "/v2/flowControl/billing/pause",
        },
        new("resumeFlowControlKey")
        {
            Call = (c, ct) => OperationCase.Done(c.FlowControl.ResumeFlowControlKeyAsync("billing", ct)),
            Method = "POST",
            Target = "/v2/flowControl/billing/resume",
        },
        new("pinFlowControlKey")
        {
            Call = (c, ct) => OperationCase.Done(c.FlowControl.PinFlowControlKeyAsync("billing", new FlowControlLimits { Parallelism = 3, Rate = 10, Period = TimeSpan.FromMinutes(1) }, ct)),
            Method = "POST",
            Target = "/v2/flowControl/billing/pin?parallelism=3&rate=10&period=60",
        },
        new("unpinFlowControlKey")
        {
            Call = (c, ct) => OperationCase.Done(c.FlowControl.UnpinFlowControlKeyAsync("billing", new UnpinFlowControlKeyOptions { Parallelism = true, Rate = false }, ct)),
            Method = "POST",
            Target = "/v2/flowControl/billing/unpin?parallelism=true&rate=false",
        },
        new("resetFlowControlRate")
        {
            Call = (c, ct) => OperationCase.Done(c.FlowControl.ResetFlowControlRateAsync("billing", ct)),
            Method = "POST",
            Target = "/v2/flowControl/billing/resetRate",
        },
        new("getGlobalParallelism")
        {
            Call = async (c, ct) => await c.FlowControl.GetGlobalParallelismAsync(ct),
            Method = "GET",
            Target = "/v2/globalParallelism",
            ResponseJson = """{ "parallelismMax": 100, "parallelismCount": 12 }""",
            Check = r => Assert.Equal(12, Assert.IsType<GlobalParallelism>(r).ParallelismCount),
        },
        new("getSigningKeys")
        {
            Call = async (c, ct) => await c.SigningKeys.GetSigningKeysAsync(ct),
            Method = "GET",
            Target = "/v2/keys",
            ResponseJson = SigningKeysJson,
            Check = r => Assert.Equal("sig_next", Assert.IsType<SigningKeys>(r).Next),
        },
        new("rotateSigningKeys")
        {
            Call = async (c, ct) => await c.SigningKeys.RotateSigningKeysAsync(ct),
            Method = "POST",
            Target = "/v2/keys/rotate",
            ResponseJson = SigningKeysJson,
            Check = r => Assert.Equal("sig_current", Assert.IsType<SigningKeys>(r).Current),
        },
        new("notifyEvent")
        {
            Call = async (c, ct) => await c.Notify.NotifyEventAsync("order-paid", WorkflowPayload.Text("paid"), ct),
            Method = "POST",
            Target = "/v2/notify/order-paid",
            ContentType = "text/plain; charset=utf-8",
            Body = "paid",
            Status = 201,
            ResponseJson = $"[{Notified}]",
            Check = r => Assert.Equal("msg_1", Assert.Single(Assert.IsAssignableFrom<IReadOnlyList<NotifyResponse>>(r)).MessageId),
        },
        new("notifyWorkflowRun")
        {
            Call = async (c, ct) => await c.Notify.NotifyWorkflowRunAsync("wfr_1", "order-paid", WorkflowPayload.Bytes(new byte[] { 1, 2, 3 }), ct),
            Method = "POST",
            Target = "/v2/notify/wfr_1/order-paid",
            ContentType = "application/octet-stream",
            Body = "\u0001\u0002\u0003",
            Status = 201,
            ResponseJson = Notified,
            Check = r => Assert.Equal(StartedAt, Assert.IsType<NotifyResponse>(r).WorkflowCreatedAt),
        },
        new("listWaiters")
        {
            Call = async (c, ct) => await c.Notify.ListWaitersAsync("order-paid", ct),
            Method = "GET",
            Target = "/v2/waiters/order-paid",
            ResponseJson = $"[{Waiter}]",
            Check = r =>
            {
                var waiter = Assert.Single(Assert.IsAssignableFrom<IReadOnlyList<Waiter>>(r));
                Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1725327258), waiter.Deadline);
                Assert.Equal("timeout", Encoding.ASCII.GetString(waiter.TimeoutBody!));
            },
        },
    ];

    public static TheoryData<string> Keys() => new(All.Select(c => c.Key));

    public static OperationCase Get(string key) => All.Single(c => c.Key == key);
}
