using System.Diagnostics;
using System.Text;
using Microsoft.AspNetCore.Http;
using Upstash.Workflow.Benchmarks;
using Upstash.Workflow.IntegrationTests.Support;
using Upstash.Workflow.TestSupport;
using Upstash.Workflow.TestSupport.Generation;

namespace Upstash.Workflow.IntegrationTests.Performance;

/// <summary>
/// Many concurrent calls whose large answers arrive slowly, over real sockets (Kestrel on 127.0.0.1): a
/// client that blocked a thread per read would make the thread pool grow with the number of calls. The
/// same burst through a plain HttpClient with System.Text.Json's async reader is the yardstick. Prints
/// what it saw; asserts the thread bound only (times depend on the machine and are printed, never asserted).
/// </summary>
[Collection(MeasurementCollection.Name)]
public sealed class LoadTests(Reporter reporter) : IClassFixture<Reporter>
{
    private const int Concurrent = 50;
    private const int Chunk = 16 * 1024;
    private static readonly byte[] Page = Encoding.UTF8.GetBytes(Canned.BuildDlqPage(1000));

    [Fact]
    public async Task Slow_large_answers_do_not_grow_the_thread_pool_beyond_what_plain_async_reads_need()
    {
        await using var server = await RecordingServer.StartAsync(SlowPage);
        using var client = Clients.For(server);
        using var plain = new HttpClient { BaseAddress = server.BaseAddress };
        var floor = new FloorClient(plain, server.BaseAddress, Clients.Token);

        var baseline = await BurstAsync(() => floor.ListDlqAsync("nightly"));
        var ours = await BurstAsync(() => client.Dlq.ListFailedRunsAsync(filter: new FailedRunFilter { Labels = ["nightly"] }));

        reporter.Say(
            $"Load: {Concurrent} concurrent calls, each a {Page.Length / 1024} KB page of 1,000 entries sent in {Chunk / 1024} KB chunks 20 ms apart, over 127.0.0.1. " +
            $"UpstashGen: threads at most {ours.Threads}, probe waited at most {ours.ProbeMs:F0} ms, burst {ours.Seconds:F2} s; " +
            $"plain HttpClient + System.Text.Json: threads at most {baseline.Threads}, probe {baseline.ProbeMs:F0} ms, burst {baseline.Seconds:F2} s.");
        Assert.InRange(ours.Threads, 1, Math.Max(baseline.Threads, Environment.ProcessorCount) + 4);
    }

    private static async Task SlowPage(HttpContext context)
    {
        context.Response.ContentType = "application/json";
        for (var offset = 0; offset < Page.Length; offset += Chunk)
        {
            await context.Response.Body.WriteAsync(Page.AsMemory(offset, Math.Min(Chunk, Page.Length - offset)));
            await context.Response.Body.FlushAsync();
            await Task.Delay(20);
        }
    }

    /// <summary>Runs the burst while sampling the pool's thread count and the delay of a probe task queued every 50 ms.</summary>
    private static async Task<(int Threads, double ProbeMs, double Seconds)> BurstAsync<T>(Func<Task<T>> call)
    {
        await call(); // connections and code warmed up, outside the measurement
        var threads = ThreadPool.ThreadCount;
        var probeMs = 0.0;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Factory.StartNew(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                threads = Math.Max(threads, ThreadPool.ThreadCount);
                Thread.Sleep(5);
            }
        }, TaskCreationOptions.LongRunning);
        var prober = Task.Factory.StartNew(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                var queued = Stopwatch.StartNew();
                Task.Run(() => queued.Stop()).Wait();
                probeMs = Math.Max(probeMs, queued.Elapsed.TotalMilliseconds);
                Thread.Sleep(50);
            }
        }, TaskCreationOptions.LongRunning);

        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Concurrent).Select(_ => call()));
        clock.Stop();
        stop.Cancel();
        await Task.WhenAll(sampler, prober);
        return (threads, probeMs, clock.Elapsed.TotalSeconds);
    }
}
