using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Upstash.Workflow.TestSupport;
using static Upstash.Workflow.Testing.Tests.Support.RawProtocol;

namespace Upstash.Workflow.Testing.Tests.Emulator;

/// <summary>
/// What upstream's own CI suite (workflow-js's examples/ci, run against the real service) shows of the service, one
/// behaviour per test at the protocol level, as an SDK's messages and an endpoint's answers carry it. The suite itself
/// runs against the standalone tool in the integration tests (UpstreamCiRoutesTests).
/// </summary>
public sealed class UpstreamSuiteTests
{
    [Fact]
    public async Task A_calls_result_reaches_the_workflow_with_the_runs_trigger_headers()
    {
        await using var workflow = await SdkEndpointAsync();
        await using var called = await RecordingServer.StartAsync(RecordingServer.Json(200, "{}"));
        await using var upstash = await UpstashWorkflowEmulator.StartAsync();
        var url = await StartRunAsync(upstash, workflow, "wfr_call", ("upstash-forward-ci-test-id", "7"));

        await CallAsync(upstash, called, url, "wfr_call");
        await upstash.DeliveriesCompletedAsync();

        // A route reads its headers before its first step, call results included.
        var callback = Assert.Single(workflow.Requests, r => r.Header("Upstash-Workflow-Callback") == "true");
        Assert.Equal("7", callback.Header("ci-test-id"));
        Assert.Null(callback.Header("Upstash-Workflow-Sdk-Version"));
    }

    [Fact]
    public async Task A_step_is_delivered_once_the_delivery_that_submitted_it_has_answered()
    {
        // The SDK submits a step, then logs and runs its middleware before it answers; upstream's middleware-logs route
        // reads that order, which the service's latency gives. This endpoint takes half a second after submitting.
        UpstashWorkflowEmulator? upstash = null;
        var answered = DateTimeOffset.MaxValue;
        var secondArrived = DateTimeOffset.MinValue;
        var deliveries = 0;
        await using var workflow = await RecordingServer.StartAsync(async context =>
        {
            context.Response.Headers["Upstash-Workflow-Sdk-Version"] = "1";
            if (context.Request.Headers["Upstash-Workflow-Sdk-Version"] != "1")
            {
                return;
            }
            if (Interlocked.Increment(ref deliveries) > 1)
            {
                secondArrived = DateTimeOffset.UtcNow;
                return;
            }
            using var http = Http(upstash!);
            var url = $"{context.Request.Scheme}://{context.Request.Host}{context.Request.Path}";
            (await http.PostAsync("v2/batch", Batch(url, "wfr_order", init: false, Step(1, "\"one\"")), TestContext.Token)).EnsureSuccessStatusCode();
            await Task.Delay(500, TestContext.Token);
            answered = DateTimeOffset.UtcNow;
        });
        upstash = await UpstashWorkflowEmulator.StartAsync();
        await StartRunAsync(upstash, workflow, "wfr_order");

        await Until(() => secondArrived != DateTimeOffset.MinValue);

        Assert.True(secondArrived >= answered, $"the step's delivery came {(answered - secondArrived).TotalMilliseconds:0} ms before the answer of the delivery that submitted it");
    }

    [Fact]
    public async Task A_call_answers_the_workflow_once_after_its_own_retries_with_headers_as_go_writes_them()
    {
        await using var workflow = await SdkEndpointAsync();
        await using var called = await RecordingServer.StartAsync(context =>
        {
            context.Response.StatusCode = 401;
            context.Response.Headers["fail-header-foo"] = "BAR";
            context.Response.Headers["x-repeated"] = new Microsoft.Extensions.Primitives.StringValues(["one, two", "three"]);
            return Task.CompletedTask;
        });
        await using var upstash = await UpstashWorkflowEmulator.StartAsync();
        var url = await StartRunAsync(upstash, workflow, "wfr_retried");

        await CallAsync(upstash, called, url, "wfr_retried", ("upstash-retries", "1"));
        await Until(() => called.Requests.Count == 2 && workflow.Requests.Any(r => r.Header("Upstash-Workflow-Callback") == "true"));
        await upstash.DeliveriesCompletedAsync();

        var callback = Assert.Single(workflow.Requests, r => r.Header("Upstash-Workflow-Callback") == "true");
        var result = JsonNode.Parse(callback.Body)!;
        Assert.Equal((401, 1), ((int)result["status"]!, (int)result["retried"]!));
        Assert.Equal("BAR", (string?)result["header"]!["Fail-Header-Foo"]![0]);
        // One element per value as it came, a comma inside a value left alone.
        Assert.Equal(["one, two", "three"], result["header"]!["X-Repeated"]!.AsArray().Select(v => (string?)v));
    }

    [Fact]
    public async Task A_failure_callback_is_json_as_JSON_stringify_writes_it_so_an_adapter_that_rewrites_it_keeps_its_hash()
    {
        // ">>>?" in base64 is "Pj4+Pw==": a '+' System.Text.Json escapes by default; a quote in a forwarded header.
        await using var failing = await RecordingServer.StartAsync(context =>
        {
            context.Response.StatusCode = 500;
            return context.Response.Body.WriteAsync(">>>?"u8.ToArray()).AsTask();
        });
        await using var callback = await RecordingServer.StartAsync(RecordingServer.Json(200, "{}"));
        await using var upstash = await UpstashWorkflowEmulator.StartAsync();
        using var client = upstash.CreateClient();

        await client.Runs.TriggerWorkflowAsync(new Uri(failing.BaseAddress, "wf"), WorkflowPayload.Text("text"),
            new TriggerWorkflowOptions { Retries = 0, FailureCallback = new Uri(callback.BaseAddress, "failed"), ForwardHeaders = new Dictionary<string, string> { ["quote"] = "a \"quoted\" word" } }, TestContext.Token);
        await Until(() => callback.Requests.Count == 1);

        var body = callback.Requests[0].Body;
        Assert.Contains("Pj4+Pw==", body, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u002B", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("\\u0022", body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_invoked_run_that_failed_gives_its_invoker_no_body_at_all()
    {
        await using var parent = await SdkEndpointAsync();
        await using var child = await RecordingServer.StartAsync(RecordingServer.Json(500, """{"error":"child failed"}"""));
        await using var upstash = await UpstashWorkflowEmulator.StartAsync();
        using var http = Http(upstash);
        var parentUrl = await StartRunAsync(upstash, parent, "wfr_parent");
        var invoke = JsonSerializer.Serialize(new
        {
            body = "{}",
            workflowRunId = "wfr_parent",
            workflowUrl = parentUrl,
            step = new { stepId = 1, stepName = "invoke child", stepType = "Invoke", concurrent = 1 },
        });

        await http.PostAsync("v2/batch", Batch(new Uri(child.BaseAddress, "wf").AbsoluteUri, "wfr_child", init: true, invoke,
            ("upstash-workflow-invoke", "true"), ("upstash-retries", "0")), TestContext.Token);
        await Until(() => parent.Requests.Count == 2);

        var step = JsonNode.Parse(LastStep(parent.Requests[1]))!;
        var outcome = JsonNode.Parse((string)step["out"]!)!.AsObject();
        Assert.Equal(["isFailed", "isCanceled"], outcome.Select(p => p.Key));
        Assert.True((bool)outcome["isFailed"]!);
    }

    [Fact]
    public async Task The_official_typescript_clients_reads_of_logs_and_the_dlq_are_answered()
    {
        await using var upstash = await UpstashWorkflowEmulator.StartAsync();
        var run = upstash.AddRun("http://127.0.0.1:9/wf");
        var failed = upstash.AddFailedRun("http://127.0.0.1:9/failing");
        using var http = Http(upstash);

        // Client.logs() of @upstash/workflow, and client.dlq.list() of @upstash/qstash.
        var logs = await http.GetFromJsonAsync<JsonObject>($"v2/workflows/events?groupBy=workflowRunId&workflowRunId={run}", TestContext.Token);
        var dlq = await http.GetFromJsonAsync<JsonObject>("v2/dlq", TestContext.Token);

        Assert.Equal(run, (string?)Assert.Single(logs!["runs"]!.AsArray())!["workflowRunId"]);
        Assert.Equal(failed, (string?)Assert.Single(dlq!["messages"]!.AsArray())!["dlqId"]);
    }

    [Fact]
    public async Task A_forwarded_unknown_sdk_mark_is_delivered_and_the_endpoints_own_trigger_takes_the_run()
    {
        await using var workflow = await SdkEndpointAsync();
        await using var upstash = await UpstashWorkflowEmulator.StartAsync();
        using var http = Http(upstash);
        var url = new Uri(workflow.BaseAddress, "wf").AbsoluteUri;

        await http.PostAsync("v2/batch", Batch(url, "wfr_unknown", init: true, "{}", ("upstash-forward-upstash-workflow-unknown-sdk", "true")), TestContext.Token);
        await upstash.DeliveriesCompletedAsync();
        await http.PostAsync("v2/batch", Batch(url, "wfr_unknown", init: true, "{}", ("upstash-workflow-trigger-by-sdk", "true")), TestContext.Token);
        await upstash.DeliveriesCompletedAsync();

        Assert.Collection(workflow.Requests,
            first => Assert.Equal("true", first.Header("Upstash-Workflow-Unknown-Sdk")),
            then => Assert.Equal(("1", null), (then.Header("Upstash-Workflow-Sdk-Version"), then.Header("Upstash-Workflow-Unknown-Sdk"))));
    }

    [Fact]
    public async Task A_trigger_answered_by_an_sdk_that_never_takes_the_run_fails_it_as_the_service_does()
    {
        // An SDK before 1.0: it answers as an SDK, but does not trigger the run itself.
        await using var old = await RecordingServer.StartAsync(context =>
        {
            context.Response.Headers["Upstash-Workflow-Sdk-Version"] = "1";
            return context.Response.Body.WriteAsync("""{"success":true}"""u8.ToArray()).AsTask();
        });
        await using var upstash = await UpstashWorkflowEmulator.StartAsync();
        using var client = upstash.CreateClient();

        var run = await client.Runs.TriggerWorkflowAsync(new Uri(old.BaseAddress, "wf"), cancellationToken: TestContext.Token);
        await upstash.DeliveriesCompletedAsync();

        // Read as the SDK's types read it (the spec's model has no errors[]).
        using var http = Http(upstash);
        var logged = (await http.GetFromJsonAsync<JsonObject>($"v2/workflows/logs?workflowRunId={run.WorkflowRunId}", TestContext.Token))!["runs"]![0]!;
        Assert.Equal("RUN_FAILED", (string?)logged["workflowState"]);
        var failed = logged["steps"]![1]!;
        Assert.Equal("next", (string?)failed["type"]);
        Assert.Equal("trigger rest api is only usable with sdk versions after v1.0.0 major version", (string?)failed["steps"]![0]!["errors"]![0]!["error"]);
    }

    [Fact]
    public async Task A_branch_that_fails_inside_a_parallel_group_is_logged_in_its_group()
    {
        // Plan steps (numbered 0) run the branches; the second branch's is answered as a failure not to retry.
        RecordingServer? self = null;
        await using var workflow = self = await RecordingServer.StartAsync(context =>
        {
            context.Response.Headers["Upstash-Workflow-Sdk-Version"] = "1";
            if (LastStep(Recorded(self!, context)).Contains("\"targetStep\":2", StringComparison.Ordinal))
            {
                context.Response.StatusCode = 489;
                context.Response.Headers["Upstash-NonRetryable-Error"] = "true";
            }
            return Task.CompletedTask;
        });
        await using var upstash = await UpstashWorkflowEmulator.StartAsync();
        using var http = Http(upstash);
        var url = await StartRunAsync(upstash, workflow, "wfr_parallel");

        foreach (var target in new[] { 1, 2 })
        {
            await http.PostAsync("v2/batch", Batch(url, "wfr_parallel", init: false,
                $$"""{"stepId":0,"stepName":"branch {{target}}","stepType":"Run","concurrent":2,"targetStep":{{target}}}"""), TestContext.Token);
        }
        await upstash.DeliveriesCompletedAsync();

        using var client = upstash.CreateClient();
        var run = Assert.Single((await client.Logs.ListLogsAsync(filter: new RunLogFilter { WorkflowRunId = "wfr_parallel" }, cancellationToken: TestContext.Token)).Runs);
        Assert.Equal(WorkflowRunState.RunFailed, run.WorkflowState);
        var group = run.Steps[^1];
        Assert.Equal("parallel", group.Type.ToString());
        Assert.Equal(("branch 2", StepState.StepFailed), (Assert.Single(group.Steps).StepName, group.Steps[0].State));
    }

    [Fact]
    public async Task Resuming_a_run_whose_branch_failed_keeps_the_results_of_the_groups_other_branches()
    {
        // Branch 2's plan is delivered, and held until branch 1's result is in; then it fails, not to be retried.
        using var resultIn = new SemaphoreSlim(0);
        RecordingServer? self = null;
        await using var workflow = self = await RecordingServer.StartAsync(async context =>
        {
            context.Response.Headers["Upstash-Workflow-Sdk-Version"] = "1";
            var delivery = Recorded(self!, context);
            if (JsonNode.Parse(delivery.Body)!.AsArray().Count == 3 && LastStep(delivery).Contains("\"targetStep\":2", StringComparison.Ordinal))
            {
                await resultIn.WaitAsync(TestContext.Token);
                context.Response.StatusCode = 489;
                context.Response.Headers["Upstash-NonRetryable-Error"] = "true";
            }
        });
        await using var upstash = await UpstashWorkflowEmulator.StartAsync();
        using var http = Http(upstash);
        using var client = upstash.CreateClient();
        var url = await StartRunAsync(upstash, workflow, "wfr_branches");
        foreach (var target in new[] { 1, 2 })
        {
            await http.PostAsync("v2/batch", Batch(url, "wfr_branches", init: false,
                $$"""{"stepId":0,"stepName":"branch {{target}}","stepType":"Run","concurrent":2,"targetStep":{{target}}}"""), TestContext.Token);
        }
        await Until(() => workflow.Requests.Count == 3);
        var posted = await http.PostAsync("v2/batch", Batch(url, "wfr_branches", init: false, """{"stepId":1,"stepName":"branch 1","stepType":"Run","out":"\"one\"","concurrent":2}"""), TestContext.Token);
        Assert.True(posted.IsSuccessStatusCode, await posted.Content.ReadAsStringAsync());
        resultIn.Release();
        await Until(() => upstash.FailedRunIds.Count == 1);

        var resumed = await client.Dlq.ResumeWorkflowAsync(upstash.FailedRunIds[0], cancellationToken: TestContext.Token);
        await Until(() => workflow.Requests.Any(r => r.Header("Upstash-Workflow-RunId") == resumed.WorkflowRunId));

        // The resumed run's first delivery: branch 1's result is there, and branch 2's plan is delivered again.
        var first = workflow.Requests.First(r => r.Header("Upstash-Workflow-RunId") == resumed.WorkflowRunId);
        var steps = JsonNode.Parse(first.Body)!.AsArray().Select(m => Encoding.UTF8.GetString(Convert.FromBase64String((string)m!["body"]!))).ToList();
        Assert.Contains(steps, step => step.Contains("\"out\":\"\\\"one\\\"\"", StringComparison.Ordinal));
        Assert.Contains("\"targetStep\":2", steps[^1], StringComparison.Ordinal);
        var logged = Assert.Single((await client.Logs.ListLogsAsync(filter: new RunLogFilter { WorkflowRunId = resumed.WorkflowRunId }, cancellationToken: TestContext.Token)).Runs);
        Assert.Contains(logged.Steps, g => g.Type.ToString() == "parallel" && g.Steps.Any(s => s.StepName == "branch 1"));
    }

    /// <summary>The last message of a delivered history: the step the delivery is about.</summary>
    private static string LastStep(RecordedRequest delivery) =>
        Encoding.UTF8.GetString(Convert.FromBase64String((string)JsonNode.Parse(delivery.Body)!.AsArray()[^1]!["body"]!));

    /// <summary>The record of the delivery a responder is answering (the server read its body first), by its message id.</summary>
    private static RecordedRequest Recorded(RecordingServer server, Microsoft.AspNetCore.Http.HttpContext context) =>
        server.Requests.Last(r => r.Header("Upstash-Message-Id") == context.Request.Headers["Upstash-Message-Id"]);

    [Fact]
    public async Task An_sdk_that_sets_a_run_up_on_each_message_has_each_messages_settings_applied()
    {
        // The Python SDK (no WF_TriggerOnConfig) repeats the run's settings on every step message it publishes.
        await using var workflow = await SdkEndpointAsync();
        await using var upstash = await UpstashWorkflowEmulator.StartAsync();
        using var http = Http(upstash);
        var url = await StartRunAsync(upstash, workflow, "wfr_python", ("upstash-feature-set", "LazyFetch"));

        await http.PostAsync("v2/batch", Batch(url, "wfr_python", init: false, Step(1, "\"one\""), ("upstash-forward-tenant", "acme")), TestContext.Token);
        await upstash.DeliveriesCompletedAsync();

        Assert.Equal([null, "acme"], workflow.Requests.Select(r => r.Header("tenant")));
    }

    [Fact]
    public async Task A_plain_publish_to_an_endpoint_is_delivered_signed_for_the_endpoint_to_start_its_run()
    {
        await using var endpoint = await RecordingServer.StartAsync(RecordingServer.Json(200, "{}"));
        await using var upstash = await UpstashWorkflowEmulator.StartAsync();
        using var http = Http(upstash);
        using var publish = new HttpRequestMessage(HttpMethod.Post, $"v2/publish/{new Uri(endpoint.BaseAddress, "wf")}") { Content = new StringContent("hello") };
        publish.Headers.Add("Upstash-Forward-Tenant", "acme");

        var answer = await http.SendAsync(publish, TestContext.Token);
        await Until(() => endpoint.Requests.Count == 1);
        // The endpoint has the request before the emulator has recorded its answer.
        await upstash.DeliveriesCompletedAsync();

        Assert.True(answer.IsSuccessStatusCode, await answer.Content.ReadAsStringAsync());
        var delivered = endpoint.Requests[0];
        Assert.Equal(("hello", "acme", null), (delivered.Body, delivered.Header("Tenant"), delivered.Header("Upstash-Workflow-RunId")));
        Assert.NotNull(delivered.Header("Upstash-Signature"));
        Assert.Equal(EmulatorDelivery.Message, Assert.Single(upstash.Deliveries).Kind);
    }

    /// <summary>Starts a run as the SDK's trigger does (a first message to the endpoint) and waits for its delivery.</summary>
    private static async Task<string> StartRunAsync(UpstashWorkflowEmulator upstash, RecordingServer workflow, string runId, params (string Name, string Value)[] headers)
    {
        using var http = Http(upstash);
        var url = new Uri(workflow.BaseAddress, "wf").AbsoluteUri;
        (await http.PostAsync("v2/batch", Batch(url, runId, init: true, "{}", headers), TestContext.Token)).EnsureSuccessStatusCode();
        await upstash.DeliveriesCompletedAsync();
        return url;
    }

    /// <summary>Publishes a <c>context.call</c> of <paramref name="called"/> for the run, its result to go to <paramref name="workflowUrl"/>.</summary>
    private static async Task CallAsync(UpstashWorkflowEmulator upstash, RecordingServer called, string workflowUrl, string runId, params (string Name, string Value)[] more)
    {
        using var http = Http(upstash);
        (await http.PostAsync("v2/batch", Batch(new Uri(called.BaseAddress, "api").AbsoluteUri, runId, init: false, "{}",
            [("upstash-workflow-calltype", "toCallback"), ("upstash-callback", workflowUrl), ("upstash-callback-workflow-callback", "true"),
             ("upstash-callback-forward-upstash-workflow-stepid", "1"), .. more]), TestContext.Token)).EnsureSuccessStatusCode();
    }

    private static async Task Until(Func<bool> done)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (!done())
        {
            await Task.Delay(20, limit.Token);
        }
    }
}
