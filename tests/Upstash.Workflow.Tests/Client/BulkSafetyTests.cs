using Upstash.Workflow.TestSupport;

namespace Upstash.Workflow.Tests.Client;

/// <summary>Bulk calls never act on everything by accident; bad ids never reach the wire.</summary>
public sealed class BulkSafetyTests
{
    /// <summary>Each bulk call with nothing that narrows it (paging and tuning parameters only).</summary>
    private static readonly Dictionary<string, Func<UpstashWorkflowClient, bool, CancellationToken, Task>> Calls = new()
    {
        ["deleteFailedRuns"] = (c, all, ct) => c.Dlq.DeleteFailedRunsAsync(all: all, cancellationToken: ct),
        ["resumeWorkflows"] = (c, all, ct) => c.Dlq.ResumeWorkflowsAsync(options: new ResumeWorkflowsOptions { Retries = 3 }, all: all, cancellationToken: ct),
        ["restartWorkflows"] = (c, all, ct) => c.Dlq.RestartWorkflowsAsync(count: 50, all: all, cancellationToken: ct),
        ["cancelWorkflowRuns"] = (c, all, ct) => c.Runs.CancelWorkflowRunsAsync(filter: new WorkflowRunFilter { WorkflowUrlExactMatch = true }, all: all, cancellationToken: ct),
    };

    /// <summary>What each of them sends with all: true: what its other arguments say, and nothing else.</summary>
    private static readonly Dictionary<string, (string Request, string Body, string[] UpstashHeaders)> SentForAll = new()
    {
        ["deleteFailedRuns"] = ("DELETE /v2/workflows/dlq", "", []),
        ["resumeWorkflows"] = ("POST /v2/workflows/dlq/resume", "", ["Upstash-Retries: 3"]),
        ["restartWorkflows"] = ("POST /v2/workflows/dlq/restart?count=50", "", []),
        ["cancelWorkflowRuns"] = ("DELETE /v2/workflows/runs?workflowUrlExactMatch=true", "", []),
    };

    public static TheoryData<string> Unfiltered => new(Calls.Keys);

    [Theory]
    [MemberData(nameof(Unfiltered))]
    public async Task No_ids_and_no_filter_is_refused_unsent(string operation)
    {
        var call = Calls[operation];
        await using var server = await RecordingServer.StartAsync(RecordingServer.Json(200, "{}"));
        using var client = Clients.For(server);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => call(client, false, TestContext.Token));

        Assert.Equal("all", error.ParamName);
        Assert.Contains("every entry", error.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Theory]
    [MemberData(nameof(Unfiltered))]
    public async Task All_true_acts_on_everything_and_is_not_sent(string operation)
    {
        var call = Calls[operation];
        // One answer that is a full one for each of the four bulk calls.
        await using var server = await RecordingServer.StartAsync(RecordingServer.Json(200, """{ "deleted": 0, "cancelled": 0, "workflowRuns": [] }"""));
        using var client = Clients.For(server);

        await call(client, true, TestContext.Token);

        var request = Assert.Single(server.Requests);
        var (line, body, headers) = SentForAll[operation];
        Assert.Equal(line, $"{request.Method} {request.RawTarget}");
        Assert.Equal(body, request.Body);
        Assert.Equal(headers, request.Headers.Where(h => h.Key.StartsWith("Upstash-", StringComparison.OrdinalIgnoreCase)).Select(h => $"{h.Key}: {h.Value}"));
    }

    [Fact]
    public async Task All_true_with_a_filter_is_refused_as_ambiguous()
    {
        await using var server = await RecordingServer.StartAsync(RecordingServer.Json(200, "{}"));
        using var client = Clients.For(server);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.Dlq.DeleteFailedRunsAsync(filter: new FailedRunFilter { Labels = ["nightly"] }, all: true, cancellationToken: TestContext.Token));

        Assert.Equal("all", error.ParamName);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Empty_id_list_is_refused_unsent()
    {
        await using var server = await RecordingServer.StartAsync(RecordingServer.Json(200, "{}"));
        using var client = Clients.For(server);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.Dlq.DeleteFailedRunsAsync(dlqIds: [], cancellationToken: TestContext.Token));

        Assert.Equal("dlqIds", error.ParamName);
        Assert.Empty(server.Requests);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public async Task Blank_id_in_a_list_is_refused_unsent(string id)
    {
        await using var server = await RecordingServer.StartAsync(RecordingServer.Json(200, "{}"));
        using var client = Clients.For(server);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.Dlq.RestartWorkflowsAsync(dlqIds: ["d1", id], cancellationToken: TestContext.Token));

        Assert.Equal("dlqIds", error.ParamName);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Empty_path_id_never_reaches_the_bulk_endpoint()
    {
        await using var server = await RecordingServer.StartAsync(RecordingServer.Json(200, "{}"));
        using var client = Clients.For(server);

        Assert.Equal("dlqId", (await Assert.ThrowsAsync<ArgumentException>(() => client.Dlq.DeleteFailedRunAsync("", TestContext.Token))).ParamName);
        Assert.Equal("workflowRunId", (await Assert.ThrowsAsync<ArgumentException>(() => client.Runs.CancelWorkflowRunAsync(" ", TestContext.Token))).ParamName);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Forwarded_header_names_are_checked()
    {
        await using var server = await RecordingServer.StartAsync(RecordingServer.Json(200, """{ "workflowRunId": "w" }"""));
        using var client = Clients.For(server);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.Runs.TriggerWorkflowAsync(new Uri("https://example.com/w"),
            options: new TriggerWorkflowOptions { ForwardHeaders = new Dictionary<string, string> { ["Bad Name"] = "x" } }, cancellationToken: TestContext.Token));

        Assert.Equal("options.ForwardHeaders", error.ParamName);
        await Assert.ThrowsAsync<ArgumentException>(() => client.Runs.TriggerWorkflowAsync(new Uri("https://example.com/w"),
            options: new TriggerWorkflowOptions { ForwardHeaders = new Dictionary<string, string> { ["X-Ok"] = "line\nbreak" } }, cancellationToken: TestContext.Token));
        Assert.Empty(server.Requests);
    }
}
