using Upstash.Workflow.TestSupport.Emulator;
using System.Net;
using System.Text;
using Upstash.Workflow.Testing;
using Upstash.Workflow.TestSupport;
using Upstash.Workflow.Testing.Tests.Support;
using static Upstash.Workflow.Testing.Tests.Support.RawProtocol;

namespace Upstash.Workflow.Testing.Tests.Emulator;

/// <summary>
/// The workflow protocol's edges, over raw HTTP as an SDK speaks it: what the emulator refuses, and a delivery that
/// hangs. The official SDK drives the rest (IntegrationTests/Engine).
/// </summary>
public sealed class ProtocolTests
{
    [Fact]
    public async Task A_step_for_an_ended_run_is_refused_with_400()
    {
        await using var workflow = await SdkEndpointAsync();
        await using var upstash = await UpstashWorkflowEmulator.StartAsync();
        using var http = Http(upstash);
        var url = new Uri(workflow.BaseAddress, "wf").AbsoluteUri;

        var started = await http.PostAsync("v2/batch", Batch(url, "wfr_one", init: true, """{"n":1}"""), TestContext.Token);
        await upstash.DeliveriesCompletedAsync();
        var step = await http.PostAsync("v2/batch", Batch(url, "wfr_one", init: false, """{"stepId":1,"stepName":"a","stepType":"Run","out":"1","concurrent":1}"""), TestContext.Token);
        await upstash.DeliveriesCompletedAsync();
        var done = await http.DeleteAsync("v2/workflows/runs/wfr_one?cancel=false", TestContext.Token);
        var late = await http.PostAsync("v2/batch", Batch(url, "wfr_one", init: false, """{"stepId":2,"stepName":"b","stepType":"Run","out":"2","concurrent":1}"""), TestContext.Token);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK), (started.StatusCode, step.StatusCode, done.StatusCode));
        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        Assert.Contains("has ended (RUN_SUCCESS)", await late.Content.ReadAsStringAsync(TestContext.Token), StringComparison.Ordinal);
        // Two deliveries, each the history as of its message: the payload, then the payload and the step.
        Assert.Equal([1, 2], workflow.Requests.Select(r => System.Text.Json.JsonDocument.Parse(r.Body).RootElement.GetArrayLength()));
        Assert.Equal(["1", "1"], workflow.Requests.Select(r => r.Header("Upstash-Workflow-Sdk-Version")));
        Assert.Equal(WorkflowRunState.RunSuccess, upstash.RunState("wfr_one"));
    }

    [Fact]
    public async Task Malformed_messages_from_an_endpoint_are_answered_without_a_500()
    {
        await using var workflow = await SdkEndpointAsync();
        await using var upstash = await UpstashWorkflowEmulator.StartAsync();
        using var http = Http(upstash);
        var url = new Uri(workflow.BaseAddress, "wf").AbsoluteUri;
        await http.PostAsync("v2/batch", Batch(url, "wfr_odd", init: true, "{}"), TestContext.Token);
        await upstash.DeliveriesCompletedAsync();

        string[] steps =
        [
            """{"stepId":"one","stepName":7,"stepType":["Run"],"out":{"x":1},"concurrent":"two"}""",
            """{"stepId":1.5,"concurrent":99999999999999999999}""",
            """[1,2,3]""",
            "not json",
        ];
        var statuses = new List<int>();
        foreach (var step in steps)
        {
            statuses.Add((int)(await http.PostAsync("v2/batch", Batch(url, "wfr_odd", init: false, step), TestContext.Token)).StatusCode);
        }
        using var wait = new HttpRequestMessage(HttpMethod.Post, "v2/wait/evt") { Content = new StringContent("""{"timeout":{"d":7},"url":5,"step":{"stepId":"x","stepName":[]}}""") };
        wait.Headers.Add("Upstash-Workflow-RunId", "wfr_odd");
        statuses.Add((int)(await http.SendAsync(wait, TestContext.Token)).StatusCode);
        var invoke = Batch(url, "wfr_child", init: true, """{"body":1,"workflowRunId":"wfr_odd","workflowUrl":"u","workflowRunCreatedAt":"yesterday","step":{}}""",
            ("upstash-workflow-invoke", "true"));
        statuses.Add((int)(await http.PostAsync("v2/batch", invoke, TestContext.Token)).StatusCode);
        await upstash.DeliveriesCompletedAsync();

        Assert.All(statuses, status => Assert.InRange(status, 200, 499));
        Assert.Equal(WorkflowRunState.RunStarted, upstash.RunState("wfr_odd"));
    }

    [Fact]
    public async Task An_endpoint_that_hangs_hits_the_delivery_timeout_and_is_retried()
    {
        var calls = 0;
        await using var workflow = await RecordingServer.StartAsync(async context =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                await Task.Delay(TimeSpan.FromSeconds(5), context.RequestAborted);
            }
        });
        await using var upstash = await UpstashWorkflowEmulator.StartAsync(new UpstashWorkflowEmulatorOptions { DeliveryTimeout = TimeSpan.FromMilliseconds(300) });
        using var client = upstash.CreateClient();

        var run = await client.Runs.TriggerWorkflowAsync(new Uri(workflow.BaseAddress, "wf"), options: new TriggerWorkflowOptions { RetryDelay = WorkflowRetryDelay.Fixed(TimeSpan.FromMilliseconds(100)) }, cancellationToken: TestContext.Token);
        for (var i = 0; i < 100 && upstash.Deliveries.Count < 2; i++)
        {
            await Task.Delay(50, TestContext.Token);
            await upstash.DeliveriesCompletedAsync();
        }

        Assert.Equal([0, 200], upstash.Deliveries.Select(d => d.Status));
        Assert.Equal("no answer within 0.3 s", upstash.Deliveries[0].Failure);
        Assert.Equal(["0", "1"], upstash.Deliveries.Select(d => d.Headers["Upstash-Retried"]));
        Assert.Equal(upstash.Deliveries[0].Headers["Upstash-Message-Id"], upstash.Deliveries[1].Headers["Upstash-Message-Id"]);
        Assert.Equal(WorkflowRunState.RunStarted, upstash.RunState(run.WorkflowRunId));
    }

    [Fact]
    public async Task A_retry_delay_the_emulator_cannot_read_is_refused_naming_it()
    {
        await using var upstash = await UpstashWorkflowEmulator.StartAsync();

        var answer = await TriggerWith(upstash, ("Upstash-Retry-Delay", "fib(retried)"));

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        var error = System.Text.Json.JsonDocument.Parse(await answer.Content.ReadAsStringAsync(TestContext.Token)).RootElement.GetProperty("error").GetString();
        Assert.StartsWith("invalid Upstash-Retry-Delay 'fib(retried)': unknown function fib", error, StringComparison.Ordinal);
    }
}
