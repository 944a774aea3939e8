using Upstash.Workflow.TestSupport.Emulator;
using Upstash.Workflow.Testing;
using Upstash.Workflow.Testing.Tests.Support;

namespace Upstash.Workflow.Testing.Tests.Emulator;

/// <summary>
/// The emulator spoken to as another client of the service would: raw HTTP/1.1 over a socket, header names
/// in lower case (as Node's fetch sends them), in the request and inside a batch item's header map.
/// </summary>
public sealed class RawHttpTests
{
    [Fact]
    public async Task Lower_case_header_names_take_effect_in_a_trigger_and_in_a_batch_every_declared_header_kept()
    {
        await using var emulator = await UpstashWorkflowEmulator.StartAsync();

        var single = await SendAsync(emulator, "POST", "/v2/trigger/" + Uri.EscapeDataString("https://example.com/api/import"),
            ["upstash-workflow-runid: wfr_raw-single", "upstash-label: raw,lower", "upstash-flow-control-key: lane-a", "upstash-flow-control-value: parallelism=2",
             "upstash-retries: 2", "upstash-delay: 1m", "upstash-retry-delay: 500", "upstash-not-before: 1900000000", "upstash-failure-callback: https://example.com/api/failed",
             "upstash-forward-x-tenant: acme", "upstash-failure-callback-forward-x-alert: pager", "content-type: text/plain"], "hello");
        var batch = await SendAsync(emulator, "POST", "/v2/batch/trigger", ["content-type: application/json"],
            """[{"destination":"https://example.com/api/import","body":"{}","headers":{"upstash-workflow-runid":"wfr_my-run-1","upstash-label":"nightly,eu","upstash-flow-control-key":"billing","upstash-retries":"4","upstash-forward-x-tenant":"globex","content-type":"application/json"}}]""");

        Assert.StartsWith("HTTP/1.1 200", single, StringComparison.Ordinal);
        Assert.StartsWith("HTTP/1.1 201", batch, StringComparison.Ordinal);
        Assert.Contains("\"wfr_my-run-1\"", batch, StringComparison.Ordinal);
        Assert.Equal(["raw", "lower"], emulator.RunLabels("wfr_raw-single"));
        Assert.Equal(["nightly", "eu"], emulator.RunLabels("wfr_my-run-1"));
        var kept = emulator.Run("wfr_raw-single")!;
        Assert.Equal((2, TimeSpan.FromMinutes(1), "500", DateTimeOffset.FromUnixTimeSeconds(1900000000)), (kept.Retries, kept.Delay, kept.RetryDelay, kept.NotBefore));
        Assert.Equal((new Uri("https://example.com/api/failed"), 2, "text/plain"), (kept.FailureCallback, kept.FlowControl?.Parallelism, kept.ContentType));
        Assert.Equal(("acme", "pager"), (kept.ForwardedHeaders["X-Tenant"], kept.FailureCallbackForwardedHeaders["X-Alert"]));
        Assert.Equal("hello"u8.ToArray(), kept.Body);
        var item = emulator.Run("wfr_my-run-1")!;
        Assert.Equal((4, "globex", "application/json"), (item.Retries, item.ForwardedHeaders["X-Tenant"], item.ContentType));
        using var client = emulator.CreateClient();
        var logs = await client.Logs.ListLogsAsync(filter: new RunLogFilter { WorkflowRunId = "wfr_my-run-1" });
        Assert.Equal("billing", Assert.Single(logs.Runs).FlowControlKey);
        logs = await client.Logs.ListLogsAsync(filter: new RunLogFilter { WorkflowRunId = "wfr_raw-single" });
        var run = Assert.Single(logs.Runs);
        Assert.Equal("lane-a", run.FlowControlKey);
        var first = run.Steps.SelectMany(g => g.Steps).First();
        Assert.Equal((2, "hello", DateTimeOffset.FromUnixTimeSeconds(1900000000)), (first.Retries, first.Out, first.NextDeliveryTime));
    }

    private static Task<string> SendAsync(UpstashWorkflowEmulator emulator, string method, string target, string[] headers, string body) =>
        RawProtocol.SendAsync(emulator.BaseAddress, method, target, [$"authorization: Bearer {emulator.Token}", .. headers], body);
}
