using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using Upstash.Workflow.TestSupport;

namespace Upstash.Workflow.Tests.Client;

/// <summary>
/// The walking methods generated beside every cursor-paged operation (the overlay's x-paging): the cursor
/// each request sends, what they yield and how they stop (Performance/PagingMemoryTests: one page at a time in memory).
/// </summary>
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

    private static string DlqPage(int i) => $$"""{ "cursor": "NEXT", "messages": [ {{Answers.DlqEntry($"d{i}a")}}, {{Answers.DlqEntry($"d{i}b")}} ] }""";

    [Fact]
    public async Task Dlq_entries_follow_the_cursor_across_pages_keeping_the_filter()
    {
        await using var server = await RecordingServer.StartAsync(Pages(3, DlqPage));
        using var client = Clients.For(server);

        var ids = await client.Dlq.GetFailedRunsAsync(count: 2, filter: new FailedRunFilter { Labels = ["nightly"] }, cancellationToken: TestContext.Token)
            .Select(e => e.DlqId).ToListAsync(TestContext.Token);

        Assert.Equal(["d1a", "d1b", "d2a", "d2b", "d3a", "d3b"], ids);
        Assert.Equal(
            ["/v2/workflows/dlq?count=2&label=nightly", "/v2/workflows/dlq?cursor=p2&count=2&label=nightly", "/v2/workflows/dlq?cursor=p3&count=2&label=nightly"],
            server.Requests.Select(r => r.RawTarget));
    }

    [Fact]
    public async Task Pages_carry_their_cursors_and_a_walk_goes_on_from_one()
    {
        await using var server = await RecordingServer.StartAsync(Pages(3, DlqPage));
        using var client = Clients.For(server);

        var pages = await client.Dlq.GetFailedRunsAsync().AsPages().ToListAsync(TestContext.Token);
        var resumed = await client.Dlq.GetFailedRunsAsync().AsPages("p3").ToListAsync(TestContext.Token);

        Assert.Equal(["p2", "p3", null], pages.Select(p => p.NextCursor));
        Assert.Equal([2, 2, 2], pages.Select(p => p.Items.Count));
        Assert.Equal(["d3a", "d3b"], Assert.Single(resumed).Items.Select(e => e.DlqId));
        Assert.Equal(["/v2/workflows/dlq", "/v2/workflows/dlq?cursor=p2", "/v2/workflows/dlq?cursor=p3", "/v2/workflows/dlq?cursor=p3"], server.Requests.Select(r => r.RawTarget));
    }

    [Fact]
    public async Task Logs_follow_the_cursor()
    {
        await using var server = await RecordingServer.StartAsync(Pages(2, i => $$"""{ "cursor": "NEXT", "runs": [ {{Answers.Run($"wfr_{i}")}} ] }"""));
        using var client = Clients.For(server);

        var runs = await client.Logs.GetLogsAsync(cancellationToken: TestContext.Token).Select(r => r.WorkflowRunId).ToListAsync(TestContext.Token);

        Assert.Equal(["wfr_1", "wfr_2"], runs);
        Assert.Equal(["/v2/workflows/logs", "/v2/workflows/logs?cursor=p2"], server.Requests.Select(r => r.RawTarget));
    }

    [Fact]
    public async Task Bulk_restart_goes_on_in_batches_until_no_cursor_and_gives_every_new_run()
    {
        await using var server = await RecordingServer.StartAsync(Pages(3, i => $$"""{ "cursor": "NEXT", "workflowRuns": [ {{Answers.NewRun($"wfr_{i}")}} ] }"""));
        using var client = Clients.For(server);

        var runs = await client.Dlq.RestartWorkflowsInBatchesAsync(filter: new FailedRunFilter { Labels = ["nightly"] }, options: new RestartWorkflowsOptions { Retries = 2 })
            .Select(r => r.WorkflowRunId).ToListAsync(TestContext.Token);

        Assert.Equal(["wfr_1", "wfr_2", "wfr_3"], runs);
        Assert.All(server.Requests, r => Assert.Equal(("POST", "2"), (r.Method, r.Header("Upstash-Retries"))));
        Assert.Equal(
            ["/v2/workflows/dlq/restart?label=nightly", "/v2/workflows/dlq/restart?cursor=p2&label=nightly", "/v2/workflows/dlq/restart?cursor=p3&label=nightly"],
            server.Requests.Select(r => r.RawTarget));
    }

    [Fact]
    public async Task Bulk_delete_and_resume_go_on_in_batches_too()
    {
        await using var server = await RecordingServer.StartAsync(Pages(2, i => $$"""{ "cursor": "NEXT", "deleted": {{i}}, "workflowRuns": [ {{Answers.NewRun($"wfr_{i}")}} ] }"""));
        using var client = Clients.For(server);

        var deleted = await client.Dlq.DeleteFailedRunsInBatchesAsync(filter: new FailedRunFilter { Labels = ["old"] }).Select(p => p.Deleted).ToListAsync(TestContext.Token);
        var resumed = await client.Dlq.ResumeWorkflowsInBatchesAsync(all: true).Select(r => r.WorkflowRunId).ToListAsync(TestContext.Token);

        Assert.Equal([1, 2], deleted);
        Assert.Equal(["wfr_1", "wfr_2"], resumed);
        Assert.Equal(
            ["DELETE /v2/workflows/dlq?label=old", "DELETE /v2/workflows/dlq?cursor=p2&label=old", "POST /v2/workflows/dlq/resume", "POST /v2/workflows/dlq/resume?cursor=p2"],
            server.Requests.Select(r => $"{r.Method} {r.RawTarget}"));
    }

    [Fact]
    public async Task A_bulk_walk_with_nothing_selected_is_refused_before_anything_is_sent()
    {
        await using var server = await RecordingServer.StartAsync(Pages(2, DlqPage));
        using var client = Clients.For(server);

        var error = await Assert.ThrowsAsync<ArgumentException>(async () => await client.Dlq.RestartWorkflowsInBatchesAsync().ToListAsync(TestContext.Token));

        Assert.Equal("all", error.ParamName);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task The_same_cursor_answered_again_stops_instead_of_looping()
    {
        await using var server = await RecordingServer.StartAsync(RecordingServer.Json(200, """{ "cursor": "same", "messages": [] }"""));
        using var client = Clients.For(server);

        var error = await Assert.ThrowsAsync<UpstashWorkflowException>(async () => await client.Dlq.GetFailedRunsAsync().ToListAsync(TestContext.Token));

        Assert.Contains("'same'", error.Message, StringComparison.Ordinal);
        Assert.Equal(["/v2/workflows/dlq", "/v2/workflows/dlq?cursor=same"], server.Requests.Select(r => r.RawTarget));
    }

    [Fact]
    public async Task Cancelling_either_token_stops_the_walk_between_pages()
    {
        await using var server = await RecordingServer.StartAsync(Pages(5, DlqPage));
        using var client = Clients.For(server);

        using var method = new CancellationTokenSource();
        var byMethod = new List<string>();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var entry in client.Dlq.GetFailedRunsAsync(cancellationToken: method.Token))
            {
                byMethod.Add(entry.DlqId);
                await method.CancelAsync();
            }
        });
        using var enumeration = new CancellationTokenSource();
        var byEnumeration = new List<string>();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var entry in client.Dlq.GetFailedRunsAsync().WithCancellation(enumeration.Token))
            {
                byEnumeration.Add(entry.DlqId);
                await enumeration.CancelAsync();
            }
        });

        // Each walk used up the first page (two entries) and asked for no second one.
        Assert.Equal(["d1a", "d1b"], byMethod);
        Assert.Equal(["d1a", "d1b"], byEnumeration);
        Assert.Equal(["/v2/workflows/dlq", "/v2/workflows/dlq"], server.Requests.Select(r => r.RawTarget));
    }

    /// <summary>The walking methods call the page method, which a fake of the group class overrides: a fake pages too.</summary>
    private sealed class PagesOfTwo : DlqClient
    {
        public ConcurrentQueue<string?> Cursors { get; } = new();

        public override Task<FailedRunsPage> ListFailedRunsAsync(string? cursor = null, int? count = null, FailedRunFilter? filter = null, CancellationToken cancellationToken = default)
        {
            Cursors.Enqueue(cursor);
            var next = cursor is null ? "2" : null;
            return Task.FromResult(new FailedRunsPage { Cursor = next, Messages = [new WorkflowDlqMessage { DlqId = $"{cursor ?? "1"}-{filter?.Labels?[0]}" }] });
        }
    }

    [Fact]
    public async Task A_fake_that_answers_pages_pages_too()
    {
        var fake = new PagesOfTwo();
        DlqClient dlq = fake;

        var ids = await dlq.GetFailedRunsAsync(filter: new FailedRunFilter { Labels = ["x"] }).Select(e => e.DlqId).ToListAsync(TestContext.Token);

        Assert.Equal(["1-x", "2-x"], ids);
        Assert.Equal([null, "2"], fake.Cursors);
    }

    [Fact]
    public async Task Pages_given_in_advance_stand_for_a_call_in_tests()
    {
        var pageable = UpstashPageable<int>.FromPages([new UpstashPage<int>([1, 2], "b"), new UpstashPage<int>([3], null)]);

        Assert.Equal([1, 2, 3], await pageable.ToListAsync(TestContext.Token));
        Assert.Equal([3], (await pageable.AsPages("b").ToListAsync(TestContext.Token)).SelectMany(p => p.Items));
    }
}
