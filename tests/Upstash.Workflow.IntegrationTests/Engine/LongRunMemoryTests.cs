using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Upstash.Workflow.Testing;
using Upstash.Workflow.TestSupport;

namespace Upstash.Workflow.IntegrationTests.Engine;

/// <summary>
/// What a long run costs the emulator once it ended: a hundred steps of 32 KB each, driven as an SDK drives it (each
/// delivery carries the history so far, so the run moves about 200 MB over loopback). A finished run keeps its logs, not
/// its messages nor the bodies it was delivered, so what stays is about its steps' outputs, not the square of its length.
/// What the emulator keeps is the heap with it less the heap once it is gone: buffers the process pools for loopback
/// traffic stay either way. It runs alone, as the heap it reads is the process's.
/// </summary>
[Collection(Upstash.Workflow.IntegrationTests.Performance.MeasurementCollection.Name)]
public sealed class LongRunMemoryTests(Reporter reporter) : IClassFixture<Reporter>
{
    private const int Steps = 100;
    private const int StepSize = 32 * 1024;

    [Fact]
    public async Task A_hundred_step_run_of_32_KB_steps_keeps_about_its_outputs_once_it_ended()
    {
        UpstashWorkflowEmulator? upstash = await UpstashWorkflowEmulator.StartAsync();
        using var emulator = new HttpClient { BaseAddress = upstash.BaseAddress };
        emulator.DefaultRequestHeaders.Authorization = new("Bearer", upstash.Token);
        var output = JsonSerializer.Serialize(new string('x', StepSize));
        var done = new TaskCompletionSource();
        Uri? url = null;

        // The endpoint as the SDK is: each delivery's history says which step is next; it publishes that step's result,
        // and after the last one returns the run.
        var (app, address) = await LoopbackApp.StartAsync(_ => { }, web => web.MapPost("/wf", async (HttpContext context) =>
        {
            var history = await JsonSerializer.DeserializeAsync<JsonElement>(context.Request.Body);
            var runId = context.Request.Headers["Upstash-Workflow-RunId"].ToString();
            var next = history.GetArrayLength();
            if (next <= Steps)
            {
                var step = $$"""{"stepId":{{next}},"stepName":"step {{next}}","stepType":"Run","out":{{JsonSerializer.Serialize(output)}},"concurrent":1}""";
                await emulator.PostAsync("v2/batch", Message(url!, runId, init: false, step));
            }
            else
            {
                await emulator.DeleteAsync($"v2/workflows/runs/{runId}?cancel=false");
                done.TrySetResult();
            }
            context.Response.Headers["Upstash-Workflow-Sdk-Version"] = "1";
        }));
        await using var _ = app;
        url = new Uri(address, "wf");
        var before = GC.GetTotalMemory(forceFullCollection: true);

        var started = await emulator.PostAsync("v2/batch", Message(url, "wfr_long", init: true, "{}"), TestContext.Token);
        started.EnsureSuccessStatusCode();
        await done.Task.WaitAsync(TimeSpan.FromMinutes(5), TestContext.Token);
        await upstash.DeliveriesCompletedAsync();
        var state = upstash.RunState("wfr_long");
        var (deliveries, moved) = (upstash.Deliveries.Count, upstash.Deliveries.Sum(d => d.BodySize));
        var withIt = GC.GetTotalMemory(forceFullCollection: true);
        await upstash.DisposeAsync();
        upstash = null;
        var gone = GC.GetTotalMemory(forceFullCollection: true);
        var kept = withIt - gone;

        Assert.Equal(WorkflowRunState.RunSuccess, state);
        Assert.Equal(Steps + 1, deliveries);
        reporter.Say($"Long run: {Steps} steps of {StepSize / 1024} KB delivered {moved / 1048576.0:0} MB of history; the emulator kept " +
            $"{kept / 1048576.0:0.0} MB once it ended ({kept / (double)(Steps * StepSize):0.0}x its outputs); the heap grew {(withIt - before) / 1048576.0:0} MB " +
            $"with it and {(gone - before) / 1048576.0:0} MB without it (buffers the process pools for the loopback traffic)");
        // Its outputs, kept by the logs as text (two bytes a character), and the emulator's own share of the buffers its
        // server pooled for the messages it took: linear in the outputs, where keeping what it delivered was 211 MB.
        Assert.InRange(kept, 0, 6L * Steps * StepSize);
    }

    /// <summary>One workflow message as the SDK publishes it to <c>/v2/batch</c>.</summary>
    private static JsonContent Message(Uri url, string runId, bool init, string body) => JsonContent.Create(new[]
    {
        new
        {
            destination = url.AbsoluteUri,
            headers = new Dictionary<string, string>
            {
                ["upstash-workflow-runid"] = runId,
                ["upstash-workflow-init"] = init ? "true" : "false",
                ["upstash-workflow-url"] = url.AbsoluteUri,
                ["upstash-workflow-sdk-version"] = "1",
            },
            body,
        },
    });
}
