using Upstash.Workflow.TestSupport;

namespace Upstash.Workflow.Tests.Client;

/// <summary>
/// The generated restart group alone, over a bare socket handler (no handler of the client in the chain). What restart sends
/// is its operation case (OperationCases), asserted with every other operation's.
/// </summary>
public sealed class RestartWorkflowTests
{
    private const string Restarted = """{ "workflowRunId": "wfr_restarted", "workflowCreatedAt": 1725323658779 }""";

    [Fact]
    public async Task Path_id_is_escaped()
    {
        await using var server = await RecordingServer.StartAsync(RecordingServer.Json(200, Restarted));
        using var http = new SocketsHttpHandler();

        await Dlq(http, server).RestartWorkflowAsync("a/b?c%d e", cancellationToken: TestContext.Token);

        Assert.Equal("/v2/workflows/dlq/restart/a%2Fb%3Fc%25d%20e", Assert.Single(server.Requests).RawTarget);
    }

    [Fact]
    public async Task A_url_longer_than_the_stack_buffer_arrives_whole()
    {
        await using var server = await RecordingServer.StartAsync(RecordingServer.Json(200, Restarted));
        using var http = new SocketsHttpHandler();
        var id = string.Concat(Enumerable.Range(0, 300).Select(i => (char)('a' + i % 26)));

        await Dlq(http, server).RestartWorkflowAsync(id, new RestartWorkflowOptions { Retries = 3 }, TestContext.Token);
        // The next call starts again on its own stack, not on what the long one left behind.
        await Dlq(http, server).RestartWorkflowAsync("short", cancellationToken: TestContext.Token);

        Assert.Equal(["/v2/workflows/dlq/restart/" + id, "/v2/workflows/dlq/restart/short"], server.Requests.Select(r => r.RawTarget));
    }

    [Fact]
    public async Task Documented_error_carries_status_and_message()
    {
        await using var server = await RecordingServer.StartAsync(RecordingServer.Json(404, """{ "error": "message not found" }"""));
        using var http = new SocketsHttpHandler();

        var error = await Assert.ThrowsAsync<NotFoundException>(
            () => Dlq(http, server).RestartWorkflowAsync("missing", cancellationToken: TestContext.Token));

        Assert.Equal(404, error.StatusCode);
        Assert.Equal("message not found", error.ErrorMessage);
    }

    private static DlqClient Dlq(HttpMessageHandler handler, RecordingServer server) =>
        new(new Core.ClientCore(UpstashWorkflowJsonContext.Default, handler, server.BaseAddress));
}
