using BenchmarkDotNet.Attributes;

namespace Upstash.Workflow.Benchmarks;

/// <summary>Restart one failed run with two override headers (a delay and a label).</summary>
[MemoryDiagnoser]
public class RestartBenchmarks : IDisposable
{
    private readonly Contenders _clients = new(Canned.NewRun);

    [Benchmark(Baseline = true, Description = "raw floor")]
    public Task<NewRun> Floor() => _clients.Floor.RestartAsync(Canned.DlqId, "10s", "nightly");

    [Benchmark(Description = "UpstashGen")]
    public Task<RestartWorkflowResult> UpstashGen() =>
        _clients.UpstashGen.Dlq.RestartWorkflowAsync(Canned.DlqId, new RestartWorkflowOptions { Delay = TimeSpan.FromSeconds(10), Labels = ["nightly"] });

    [Benchmark(Description = "NSwag defaults")]
    public Task<Peers.NSwagDefaults.RestartWorkflowResult> NSwag() =>
        _clients.NSwag.RestartWorkflowAsync(Canned.DlqId, null, "10s", null, null, null, "nightly", null);

    [Benchmark(Description = "Refit")]
    public Task<NewRun> Refit() => _clients.Refit.RestartAsync(Canned.DlqId, "10s", "nightly");

    [Benchmark(Description = "Kiota")]
    public Task<Peers.Kiota.Models.RestartWorkflowResult?> Kiota() =>
        _clients.Kiota.V2.Workflows.Dlq.Restart[Canned.DlqId].PostAsync(c =>
        {
            c.Headers.Add("Upstash-Delay", "10s");
            c.Headers.Add("Upstash-Label", "nightly");
        });

    public void Dispose()
    {
        _clients.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>Read one full DLQ page: 100 entries with headers, bodies and labels.</summary>
[MemoryDiagnoser]
public class DlqPageBenchmarks : IDisposable
{
    private readonly Contenders _clients = new(Canned.DlqPage);

    [Benchmark(Baseline = true, Description = "raw floor")]
    public Task<DlqPage> Floor() => _clients.Floor.ListDlqAsync("nightly");

    [Benchmark(Description = "UpstashGen")]
    public Task<FailedRunsPage> UpstashGen() => _clients.UpstashGen.Dlq.ListFailedRunsAsync(filter: new FailedRunFilter { Labels = ["nightly"] });

    [Benchmark(Description = "NSwag defaults")]
    public Task<Peers.NSwagDefaults.FailedRunsPage> NSwag() =>
        _clients.NSwag.ListFailedRunsAsync(null, null, null, null, null, null, null, ["nightly"], null, null, null);

    [Benchmark(Description = "Refit")]
    public Task<DlqPage> Refit() => _clients.Refit.ListDlqAsync("nightly");

    [Benchmark(Description = "Kiota")]
    public Task<Peers.Kiota.Models.FailedRunsPage?> Kiota() =>
        _clients.Kiota.V2.Workflows.Dlq.GetAsync(c => c.QueryParameters.Label = ["nightly"]);

    public void Dispose()
    {
        _clients.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>Read one page of logs: 20 runs of 6 steps.</summary>
[MemoryDiagnoser]
public class LogsBenchmarks : IDisposable
{
    private readonly Contenders _clients = new(Canned.LogsPage);

    [Benchmark(Baseline = true, Description = "raw floor")]
    public Task<LogsPage> Floor() => _clients.Floor.ListLogsAsync("RUN_SUCCESS");

    [Benchmark(Description = "UpstashGen")]
    public Task<WorkflowRunLogsPage> UpstashGen() => _clients.UpstashGen.Logs.ListLogsAsync(filter: new RunLogFilter { State = RunLogState.RunSuccess });

    [Benchmark(Description = "NSwag defaults")]
    public Task<Peers.NSwagDefaults.WorkflowRunLogsPage> NSwag() =>
        _clients.NSwag.ListLogsAsync(null, null, null, null, null, Peers.NSwagDefaults.RunLogState.RUN_SUCCESS, null, null, null, null, null, null, null);

    [Benchmark(Description = "Refit")]
    public Task<LogsPage> Refit() => _clients.Refit.ListLogsAsync("RUN_SUCCESS");

    [Benchmark(Description = "Kiota")]
    public Task<Peers.Kiota.Models.WorkflowRunLogsPage?> Kiota() =>
        _clients.Kiota.V2.Workflows.Logs.GetAsync(c => c.QueryParameters.State = Peers.Kiota.Models.RunLogState.RUN_SUCCESS);

    public void Dispose()
    {
        _clients.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>Trigger a run with a small JSON payload and one header.</summary>
[MemoryDiagnoser]
public class TriggerBenchmarks : IDisposable
{
    private static readonly Order Order = new(42, "c-000042", [new("A-100", 2), new("B-200", 1)]);
    private readonly Contenders _clients = new(Canned.NewRun);

    [Benchmark(Baseline = true, Description = "raw floor")]
    public Task<NewRun> Floor() => _clients.Floor.TriggerAsync(Canned.WorkflowUrl, Order);

    [Benchmark(Description = "UpstashGen")]
    public Task<TriggerWorkflowResult> UpstashGen() =>
        _clients.UpstashGen.Runs.TriggerWorkflowAsync(Canned.WorkflowUrl, WorkflowPayload.Json(Order, FloorJson.Default.Order), new TriggerWorkflowOptions { Retries = 3 });

    [Benchmark(Description = "NSwag defaults")]
    public Task<Peers.NSwagDefaults.TriggerWorkflowResult> NSwag() =>
        _clients.NSwag.TriggerWorkflowAsync(Canned.WorkflowUrl, null, null, 3, null, null, null, null, null, null, Contenders.OrderJson(Order));

    [Benchmark(Description = "Refit")]
    public Task<NewRun> Refit() => _clients.Refit.TriggerAsync(Canned.WorkflowUrl.AbsoluteUri, "3", Order);

    [Benchmark(Description = "Kiota")]
    public Task<Peers.Kiota.Models.TriggerWorkflowResult?> Kiota() =>
        _clients.Kiota.V2.Trigger[Canned.WorkflowUrl.AbsoluteUri].PostAsync(Contenders.OrderJson(Order), c => c.Headers.Add("Upstash-Retries", "3"));

    public void Dispose()
    {
        _clients.Dispose();
        GC.SuppressFinalize(this);
    }
}
