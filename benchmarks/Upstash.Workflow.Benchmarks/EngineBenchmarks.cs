using System.Net;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Upstash.Workflow.Testing;

namespace Upstash.Workflow.Benchmarks;

/// <summary>
/// The emulator's workflow engine: one run of three steps over loopback, from the trigger to the run's return, against
/// a minimal endpoint that speaks the protocol as the official SDK does (reads the history, publishes the next step,
/// reports the result). The baseline is the same endpoint's HTTP work without the emulator: the eight loopback calls
/// such a run makes (four deliveries, three step submissions, the completion), each to a handler that answers at once.
/// The difference, over three steps, is the emulator's own time per step.
/// </summary>
[MemoryDiagnoser]
public class EngineBenchmarks
{
    private UpstashWorkflowEmulator _emulator = null!;
    private WebApplication _endpoint = null!;
    private HttpClient _http = null!;
    private Uri _workflow = null!;
    private Uri _echo = null!;
    private TaskCompletionSource _finished = new();
    private int _runs;

    [GlobalSetup]
    public async Task Setup()
    {
        _emulator = await UpstashWorkflowEmulator.StartAsync();
        _http = new HttpClient { BaseAddress = _emulator.BaseAddress };
        _http.DefaultRequestHeaders.Authorization = new("Bearer", _emulator.Token);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        _endpoint = builder.Build();
        _endpoint.MapPost("/wf", Step);
        _endpoint.MapPost("/echo", () => Results.Ok());
        await _endpoint.StartAsync();
        var address = new Uri(_endpoint.Urls.Single());
        (_workflow, _echo) = (new Uri(address, "wf"), new Uri(address, "echo"));
    }

    [Benchmark(Baseline = true, Description = "8 loopback calls, no emulator")]
    public async Task EightLoopbackCalls()
    {
        for (var i = 0; i < 8; i++)
        {
            using var answer = await _http.PostAsync(_echo, new StringContent("""{"stepId":1,"stepName":"step 1","stepType":"Run","out":"1","concurrent":1}"""));
        }
    }

    [Benchmark(Description = "a three-step run through the emulator")]
    public async Task ThreeStepRun()
    {
        _finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var runId = $"wfr_bench_{Interlocked.Increment(ref _runs)}";
        using var answer = await _http.PostAsync("v2/batch", Message(runId, init: true, """{"n":0}"""));
        answer.EnsureSuccessStatusCode();
        await _finished.Task;
    }

    /// <summary>What the SDK's serve() does on a delivery: the next step, or the result once three steps are in the history.</summary>
    private async Task<IResult> Step(HttpRequest request)
    {
        using var history = await JsonDocument.ParseAsync(request.Body);
        var runId = request.Headers["Upstash-Workflow-RunId"].ToString();
        var steps = history.RootElement.GetArrayLength() - 1;
        if (steps < 3)
        {
            var next = steps + 1;
            using var submitted = await _http.PostAsync("v2/batch", Message(runId, init: false, $$"""{"stepId":{{next}},"stepName":"step {{next}}","stepType":"Run","out":"{{next}}","concurrent":1}"""));
        }
        else
        {
            using var completed = await _http.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"v2/workflows/runs/{runId}?cancel=false") { Content = new StringContent("\"done\"") });
            _finished.TrySetResult();
        }
        request.HttpContext.Response.Headers["Upstash-Workflow-Sdk-Version"] = "1";
        return Results.Ok();
    }

    private StringContent Message(string runId, bool init, string body) => new(JsonSerializer.Serialize(new[]
    {
        new
        {
            destination = _workflow.AbsoluteUri,
            headers = new Dictionary<string, string>
            {
                ["upstash-workflow-runid"] = runId,
                ["upstash-workflow-init"] = init ? "true" : "false",
                ["upstash-workflow-url"] = _workflow.AbsoluteUri,
                ["upstash-workflow-sdk-version"] = "1",
            },
            body,
        },
    }), Encoding.UTF8, "application/json");

    [GlobalCleanup]
    public async Task Cleanup()
    {
        _http.Dispose();
        await _endpoint.DisposeAsync();
        await _emulator.DisposeAsync();
    }
}
