using System.Diagnostics;
using Upstash.Workflow.TestSupport;

namespace Upstash.Workflow.Tests.Diagnostics;

/// <summary>The headers PropagateTraceContext adds, on the wire: only on calls that start or wake a run, never over what the caller forwards.</summary>
[Collection(TelemetryCollection.Name)]
public sealed class TraceContextForwardingTests
{
    private const string Notified = """[ { "messageId": "m", "workflowRunId": "wfr_1", "workflowCreatedAt": 1725323658779 } ]""";

    [Fact]
    public async Task Notify_forwards_the_current_trace_and_other_calls_do_not()
    {
        await using var server = await RecordingServer.StartAsync(context => context.Request.Path.StartsWithSegments("/v2/notify")
            ? RecordingServer.Json(201, Notified)(context)
            : RecordingServer.Json(200, """{ "messages": [] }""")(context));
        var options = new UpstashWorkflowClientOptions { BaseAddress = server.BaseAddress, Token = Clients.Token, PropagateTraceContext = true };
        using var client = new UpstashWorkflowClient(options);
        using var caller = new Activity("order paid").Start();

        await client.Notify.NotifyEventAsync("order-42", WorkflowPayload.Text("paid"), TestContext.Token);
        await client.Dlq.ListFailedRunsAsync(cancellationToken: TestContext.Token);

        Assert.Equal(caller.Id, server.Requests[0].Header("Upstash-Forward-traceparent"));
        Assert.Null(server.Requests[1].Header("Upstash-Forward-traceparent"));
    }

    [Fact]
    public async Task A_traceparent_the_caller_forwards_is_kept_and_nothing_is_added_without_a_current_trace()
    {
        await using var server = await RecordingServer.StartAsync(RecordingServer.Json(200, """{ "workflowRunId": "wfr_1", "workflowCreatedAt": 1725323658779 }"""));
        using var client = new UpstashWorkflowClient(new UpstashWorkflowClientOptions { BaseAddress = server.BaseAddress, Token = Clients.Token, PropagateTraceContext = true });
        var own = new Dictionary<string, string> { ["traceparent"] = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01" };

        await client.Runs.TriggerWorkflowAsync(new Uri("https://shop.example/w"), cancellationToken: TestContext.Token);
        using (new Activity("caller").Start())
        {
            await client.Runs.TriggerWorkflowAsync(new Uri("https://shop.example/w"), options: new TriggerWorkflowOptions { ForwardHeaders = own }, cancellationToken: TestContext.Token);
        }

        Assert.Null(server.Requests[0].Header("Upstash-Forward-traceparent"));
        Assert.Equal(own["traceparent"], server.Requests[1].Header("Upstash-Forward-traceparent"));
    }
}
