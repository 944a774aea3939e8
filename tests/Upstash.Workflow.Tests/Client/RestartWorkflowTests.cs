using Upstash.Workflow.Tests.Support;

namespace Upstash.Workflow.Tests.Client;

/// <summary>The generated restart call against a real server on loopback: what goes on the wire, what comes back.</summary>
public sealed class RestartWorkflowTests
{
    private const string Restarted = """{ "workflowRunId": "wfr_restarted", "workflowCreatedAt": 1725323658779 }""";

    [Fact]
    public async Task Sends_every_override_under_its_wire_name_and_reads_the_result()
    {
        await using var server = await RecordingServer.StartAsync(RecordingServer.Json(200, Restarted));
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        IDlqClient dlq = new DlqClient(http);

        var result = await dlq.RestartWorkflowAsync(
            "1725323658779-0",
            new RestartWorkflowOptions
            {
                Retries = 3,
                Delay = TimeSpan.FromSeconds(10),
                RetryDelay = "1000 * pow(2, retried)",
                FlowControl = new WorkflowFlowControl("billing", parallelism: 3, rate: 10, period: TimeSpan.FromMinutes(1)),
                Labels = ["nightly"],
                FailureCallback = new Uri("https://example.com/failed"),
            },
            TestContext.Token);

        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v2/workflows/dlq/restart/1725323658779-0", request.RawTarget);
        Assert.Equal("3", request.Header("Upstash-Retries"));
        Assert.Equal("10s", request.Header("Upstash-Delay"));
        Assert.Equal("1000 * pow(2, retried)", request.Header("Upstash-Retry-Delay"));
        Assert.Equal("billing", request.Header("Upstash-Flow-Control-Key"));
        Assert.Equal("parallelism=3, rate=10, period=1m", request.Header("Upstash-Flow-Control-Value"));
        Assert.Equal("nightly", request.Header("Upstash-Label"));
        Assert.Equal("https://example.com/failed", request.Header("Upstash-Failure-Callback"));

        Assert.Equal("wfr_restarted", result.WorkflowRunId);
        Assert.Equal(new DateTimeOffset(2024, 9, 3, 0, 34, 18, 779, TimeSpan.Zero), result.WorkflowCreatedAt);
    }

    [Fact]
    public async Task Omitted_overrides_send_no_header()
    {
        await using var server = await RecordingServer.StartAsync(RecordingServer.Json(200, Restarted));
        using var http = new HttpClient { BaseAddress = server.BaseAddress };

        await new DlqClient(http).RestartWorkflowAsync("1725323658779-0", cancellationToken: TestContext.Token);

        var request = Assert.Single(server.Requests);
        Assert.DoesNotContain(request.Headers.Keys, k => k.StartsWith("Upstash-", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Path_id_is_escaped()
    {
        await using var server = await RecordingServer.StartAsync(RecordingServer.Json(200, Restarted));
        using var http = new HttpClient { BaseAddress = server.BaseAddress };

        await new DlqClient(http).RestartWorkflowAsync("a/b?c%d e", cancellationToken: TestContext.Token);

        Assert.Equal("/v2/workflows/dlq/restart/a%2Fb%3Fc%25d%20e", Assert.Single(server.Requests).RawTarget);
    }

    [Fact]
    public async Task Documented_error_carries_status_and_message()
    {
        await using var server = await RecordingServer.StartAsync(RecordingServer.Json(404, """{ "error": "message not found" }"""));
        using var http = new HttpClient { BaseAddress = server.BaseAddress };

        var error = await Assert.ThrowsAsync<NotFoundException>(
            () => new DlqClient(http).RestartWorkflowAsync("missing", cancellationToken: TestContext.Token));

        Assert.Equal(404, error.StatusCode);
        Assert.Equal("message not found", error.ErrorMessage);
    }
}
