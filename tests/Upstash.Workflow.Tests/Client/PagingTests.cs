using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using Upstash.Workflow.Tests.Support;

namespace Upstash.Workflow.Tests.Client;

/// <summary>The cursor-following helpers over several pages served by the recording server.</summary>
public sealed class PagingTests
{
    /// <summary>Serves page N for cursor "pN" (the first page for no cursor), the last page with an empty cursor.</summary>
    private static Func<HttpContext, Task> Pages(int count, Func<int, string> page) => async context =>
    {
        var cursor = context.Request.Query["cursor"].ToString();
        var index = cursor.Length == 0 ? 1 : int.Parse(cursor[1..], System.Globalization.CultureInfo.InvariantCulture);
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(page(index).Replace("NEXT", index < count ? $"p{index + 1}" : "", StringComparison.Ordinal));
    };

    [Fact]
    public async Task Dlq_listing_follows_the_cursor_across_pages_keeping_the_filters()
    {
        await using var server = await RecordingServer.StartAsync(Pages(3, i => $$"""{ "cursor": "NEXT", "messages": [ {{Answers.DlqEntry($"d{i}a")}}, {{Answers.DlqEntry($"d{i}b")}} ] }"""));
        using var client = Clients.For(server);

        var ids = new List<string>();
        await foreach (var entry in UpstashPaging.ItemsAsync(
            (cursor, ct) => client.Dlq.ListFailedRunsAsync(cursor: cursor, filter: new FailedRunFilter { Labels = ["nightly"] }, cancellationToken: ct),
            page => page.Messages,
            TestContext.Token))
        {
            ids.Add(entry.DlqId);
        }

        Assert.Equal(["d1a", "d1b", "d2a", "d2b", "d3a", "d3b"], ids);
        Assert.Equal(
            ["/v2/workflows/dlq?label=nightly", "/v2/workflows/dlq?cursor=p2&label=nightly", "/v2/workflows/dlq?cursor=p3&label=nightly"],
            server.Requests.Select(r => r.RawTarget));
    }

    [Fact]
    public async Task Logs_follow_the_cursor()
    {
        await using var server = await RecordingServer.StartAsync(Pages(2, i => $$"""{ "cursor": "NEXT", "runs": [ {{Answers.Run($"wfr_{i}")}} ] }"""));
        using var client = Clients.For(server);

        var runs = await UpstashPaging.ItemsAsync((cursor, ct) => client.Logs.ListLogsAsync(cursor: cursor, cancellationToken: ct), page => page.Runs, TestContext.Token)
            .Select(r => r.WorkflowRunId).ToListAsync(TestContext.Token);

        Assert.Equal(["wfr_1", "wfr_2"], runs);
    }

    [Fact]
    public async Task Bulk_restart_continues_in_batches_until_no_cursor()
    {
        await using var server = await RecordingServer.StartAsync(Pages(3, i => $$"""{ "cursor": "NEXT", "workflowRuns": [ {{Answers.NewRun($"wfr_{i}")}} ] }"""));
        using var client = Clients.For(server);

        var batches = await UpstashPaging.PagesAsync((cursor, ct) => client.Dlq.RestartWorkflowsAsync(cursor: cursor, filter: new FailedRunFilter { Labels = ["nightly"] }, cancellationToken: ct), TestContext.Token)
            .ToListAsync(TestContext.Token);

        Assert.Equal(3, batches.Count);
        Assert.All(server.Requests, r => Assert.Equal("POST", r.Method));
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task Bulk_delete_and_resume_follow_the_cursor_too()
    {
        await using var server = await RecordingServer.StartAsync(Pages(2, i => $$"""{ "cursor": "NEXT", "deleted": {{i}}, "workflowRuns": [] }"""));
        using var client = Clients.For(server);

        var deleted = await UpstashPaging.PagesAsync((cursor, ct) => client.Dlq.DeleteFailedRunsAsync(cursor: cursor, filter: new FailedRunFilter { Labels = ["old"] }, cancellationToken: ct), TestContext.Token)
            .Select(p => p.Deleted).ToListAsync(TestContext.Token);
        var resumed = await UpstashPaging.PagesAsync((cursor, ct) => client.Dlq.ResumeWorkflowsAsync(cursor: cursor, filter: new FailedRunFilter { Labels = ["old"] }, cancellationToken: ct), TestContext.Token)
            .CountAsync(TestContext.Token);

        Assert.Equal(3, deleted.Sum());
        Assert.Equal(2, resumed);
    }

    [Fact]
    public async Task Bulk_cancel_repeats_while_runs_are_cancelled()
    {
        var left = new ConcurrentQueue<int>([100, 100, 37, 0]);
        await using var server = await RecordingServer.StartAsync(async context =>
        {
            left.TryDequeue(out var cancelled);
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync($$"""{ "cancelled": {{cancelled}} }""");
        });
        using var client = Clients.For(server);

        var total = await UpstashPaging.RepeatWhileAsync(
                ct => client.Runs.CancelWorkflowRunsAsync(filter: new WorkflowRunFilter { Labels = ["stale"] }, count: 100, cancellationToken: ct),
                result => result.Cancelled > 0,
                TestContext.Token)
            .Select(r => r.Cancelled).ToListAsync(TestContext.Token);

        Assert.Equal([100, 100, 37, 0], total);
        Assert.Equal(4, server.Requests.Count);
    }

    [Fact]
    public async Task A_cursor_seen_twice_stops_instead_of_looping()
    {
        await using var server = await RecordingServer.StartAsync(RecordingServer.Json(200, """{ "cursor": "same", "messages": [] }"""));
        using var client = Clients.For(server);

        await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (var _ in UpstashPaging.PagesAsync((cursor, ct) => client.Dlq.ListFailedRunsAsync(cursor: cursor, cancellationToken: ct), TestContext.Token))
            {
            }
        });
        Assert.Equal(2, server.Requests.Count);
    }
}
