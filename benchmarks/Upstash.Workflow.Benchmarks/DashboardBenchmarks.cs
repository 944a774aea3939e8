using System.Net;
using BenchmarkDotNet.Attributes;
using Upstash.Workflow.Testing;

namespace Upstash.Workflow.Benchmarks;

/// <summary>
/// What the dashboard costs the emulator per request, over loopback, with 100 failed runs kept: the runs page, one
/// run's page, and the version the live refresh asks each second, against the baseline of the API's own read of the
/// same runs (the logs, one page of 100).
/// </summary>
[MemoryDiagnoser]
public class DashboardBenchmarks
{
    private UpstashWorkflowEmulator _emulator = null!;
    private HttpClient _api = null!;
    private HttpClient _browser = null!;
    private string _run = "";

    [GlobalSetup]
    public async Task Setup()
    {
        _emulator = await UpstashWorkflowEmulator.StartAsync();
        for (var i = 0; i < 100; i++)
        {
            _emulator.AddFailedRun($"https://shop.example/api/order/{i}", labels: ["nightly"]);
        }
        _run = _emulator.RunIds[^1];
        _api = new HttpClient { BaseAddress = _emulator.BaseAddress };
        _api.DefaultRequestHeaders.Authorization = new("Bearer", _emulator.Token);
        // A browser signed in: the cookie the sign-in form sets.
        _browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = _emulator.BaseAddress };
        using var signIn = await _browser.PostAsync("ui/sign-in", new FormUrlEncodedContent([new("token", _emulator.Token)]));
        if (signIn.StatusCode != HttpStatusCode.SeeOther)
        {
            throw new InvalidOperationException($"sign-in answered {signIn.StatusCode}");
        }
    }

    [Benchmark(Baseline = true, Description = "API: logs of 100 runs")]
    public Task<byte[]> Logs() => _api.GetByteArrayAsync("v2/workflows/logs?count=100");

    [Benchmark(Description = "dashboard: runs page (100 runs)")]
    public Task<byte[]> RunsPage() => _browser.GetByteArrayAsync("");

    [Benchmark(Description = "dashboard: one run's page")]
    public Task<byte[]> RunPage() => _browser.GetByteArrayAsync($"ui/runs/{_run}");

    [Benchmark(Description = "dashboard: live refresh's version")]
    public Task<byte[]> Version() => _browser.GetByteArrayAsync("ui/version");

    [GlobalCleanup]
    public async Task Cleanup()
    {
        _api.Dispose();
        _browser.Dispose();
        await _emulator.DisposeAsync();
    }
}
