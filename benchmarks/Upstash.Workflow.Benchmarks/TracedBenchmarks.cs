using System.Diagnostics;
using System.Diagnostics.Metrics;
using BenchmarkDotNet.Attributes;

namespace Upstash.Workflow.Benchmarks;

/// <summary>
/// RestartBenchmarks' restart with someone listening: an ActivityListener recording every span of Upstash.Workflow
/// and a MeterListener taking every measurement of its meter, as an OpenTelemetry SDK would. The rows without a
/// listener are RestartBenchmarks'.
/// </summary>
[MemoryDiagnoser]
public class TracedRestartBenchmarks : IDisposable
{
    private readonly Contenders _clients = new(Canned.NewRun);
    private readonly ActivityListener _spans = new()
    {
        ShouldListenTo = source => source.Name == "Upstash.Workflow",
        Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
    };
    private readonly MeterListener _measurements = new()
    {
        InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "Upstash.Workflow")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        },
    };

    [GlobalSetup]
    public void Listen()
    {
        ActivitySource.AddActivityListener(_spans);
        _measurements.SetMeasurementEventCallback<double>((_, _, _, _) => { });
        _measurements.SetMeasurementEventCallback<long>((_, _, _, _) => { });
        _measurements.Start();
    }

    [Benchmark(Baseline = true, Description = "raw floor")]
    public Task<NewRun> Floor() => _clients.Floor.RestartAsync(Canned.DlqId, "10s", "nightly");

    [Benchmark(Description = "UpstashGen, traced and measured")]
    public Task<RestartWorkflowResult> UpstashGen() =>
        _clients.UpstashGen.Dlq.RestartWorkflowAsync(Canned.DlqId, new RestartWorkflowOptions { Delay = TimeSpan.FromSeconds(10), Labels = ["nightly"] });

    public void Dispose()
    {
        _spans.Dispose();
        _measurements.Dispose();
        _clients.Dispose();
        GC.SuppressFinalize(this);
    }
}
