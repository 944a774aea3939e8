using Upstash.Workflow.Testing;
using Upstash.Workflow.IntegrationTests.Support;
using Upstash.Workflow.TestSupport;
using Upstash.Workflow.TestSupport.Generation;

namespace Upstash.Workflow.IntegrationTests.Performance;

/// <summary>
/// A walk over a long listing holds one page at a time: 10,000 DLQ entries in 100 pages from the emulator.
/// At every page, after a full collection, no earlier page is still alive (weak references to each page's
/// items say so, whatever else the process holds), and live managed memory is measured against one page's.
/// </summary>
[Collection(MeasurementCollection.Name)]
public sealed class PagingMemoryTests(Reporter reporter) : IClassFixture<Reporter>
{
    private const int Entries = 10_000;
    private const int PageSize = 100;

    [Fact]
    public async Task Walking_ten_thousand_entries_holds_one_page_at_a_time()
    {
        await using var emulator = await UpstashWorkflowEmulator.StartAsync();
        for (var i = 0; i < Entries; i++)
        {
            emulator.AddFailedRun($"https://shop.example/api/workflows/w{i % 7}", labels: ["bulk"], body: $$"""{"order":{{i}},"note":"{{new string('x', 200)}}"}""");
        }
        using var client = emulator.CreateClient();
        // A first walk warms what the process pools (buffers on every thread that served a page, on both sides).
        await client.Dlq.GetFailedRunsAsync(count: PageSize, cancellationToken: TestContext.Token).CountAsync(TestContext.Token);
        var onePage = await OnePageAsync(client);

        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        var walked = new List<WeakReference>();
        var (entries, peak, mostAlive) = (0, 0L, 0);
        await foreach (var page in client.Dlq.GetFailedRunsAsync(count: PageSize, cancellationToken: TestContext.Token).AsPages())
        {
            entries += page.Items.Count;
            walked.Add(new WeakReference(page.Items));
            peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true) - baseline);
            mostAlive = Math.Max(mostAlive, walked.Count(w => w.IsAlive));
        }

        reporter.Say($"Paging: {entries:N0} DLQ entries in {walked.Count} pages from the emulator; at most {mostAlive} of them alive at a time; " +
            $"peak managed memory during the walk {peak / 1024:N0} KB above its start, one page {onePage / 1024:N0} KB ({(double)peak / onePage:0.0}× a page).");
        Assert.Equal((Entries, Entries / PageSize), (entries, walked.Count));
        // The page in hand, and at times the one just handed over while a stack that referenced it unwinds; kept, they would be a hundred.
        Assert.InRange(mostAlive, 1, 2);
        // The process's pools move this figure by a page or two from run to run; all pages kept would be a hundred pages' worth.
        Assert.InRange(peak, 0, 10 * onePage);
    }

    /// <summary>The live size of one page: ten pages held at once, measured after full collections, divided by ten.</summary>
    private static async Task<long> OnePageAsync(UpstashWorkflowClient client)
    {
        var held = new List<FailedRunsPage>();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        string? cursor = null;
        for (var i = 0; i < 10; i++)
        {
            var page = await client.Dlq.ListFailedRunsAsync(cursor: cursor, count: PageSize, cancellationToken: TestContext.Token);
            held.Add(page);
            cursor = page.Cursor;
        }
        var size = (GC.GetTotalMemory(forceFullCollection: true) - before) / held.Count;
        GC.KeepAlive(held);
        Assert.True(size > 0, $"ten pages measured {size * held.Count} bytes");
        return size;
    }
}
