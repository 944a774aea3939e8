using Upstash.Workflow.TestSupport.Emulator;
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Trace;
using Upstash.Workflow.Testing;
using Upstash.Workflow.TestSupport;
using Upstash.Workflow.Testing.Tests.Support;

namespace Upstash.Workflow.Testing.Tests.Emulator;

/// <summary>
/// docs/observability.md's advice for calls made inside ASP.NET Core requests, with the OpenTelemetry SDK: the
/// request's activity is the client span's parent, and the default parent-based sampler drops the children of a
/// parent nobody records. Recording the requests, or choosing a sampler, keeps the client's spans.
/// </summary>
[Collection(ListenerCollection.Name)]
public sealed class RequestTracingTests
{
    [Theory]
    [InlineData("the source alone", 0)]
    [InlineData("with the ASP.NET Core instrumentation", 1)]
    [InlineData("with a sampler that records local roots' children", 1)]
    public async Task A_call_inside_a_request_is_traced_when_the_request_is(string setup, int expected)
    {
        await using var upstash = await UpstashWorkflowEmulator.StartAsync();
        var spans = new List<Activity>();
        var (web, address) = await LoopbackApp.StartAsync(
            builder =>
            {
                // Logging on, as in any application: ASP.NET Core then makes an activity for each request.
                builder.Logging.AddProvider(new CapturingLoggerProvider());
                builder.Services.AddUpstashWorkflowClient(o => o.Token = "unused").Services.UseUpstashWorkflowEmulator(upstash);
                builder.Services.AddOpenTelemetry().WithTracing(tracing =>
                {
                    tracing.AddSource("Upstash.Workflow").AddInMemoryExporter(spans);
                    if (setup == "with the ASP.NET Core instrumentation")
                    {
                        tracing.AddAspNetCoreInstrumentation();
                    }
                    else if (setup == "with a sampler that records local roots' children")
                    {
                        tracing.SetSampler(new ParentBasedSampler(new AlwaysOnSampler(), localParentNotSampled: new AlwaysOnSampler()));
                    }
                });
            },
            web => web.MapGet("/failed", async (DlqClient dlq) => (await dlq.ListFailedRunsAsync()).Messages.Count));
        await using (web)
        {
            using var http = new HttpClient { BaseAddress = address };
            Assert.Equal("0", await http.GetStringAsync("failed", TestContext.Token));
        }

        // Tests running beside this one make spans too: only those of this test's emulator count (docs/testing.md#spans-in-tests-that-run-side-by-side).
        Assert.Equal(expected, spans.Count(s => s.DisplayName == "Dlq.ListFailedRuns" && s.GetTagItem("server.port") is int port && port == upstash.BaseAddress.Port));
    }

    [Fact]
    public async Task Parallel_tests_tell_their_spans_apart_by_the_emulators_port()
    {
        await using var mine = await UpstashWorkflowEmulator.StartAsync();
        await using var theirs = await UpstashWorkflowEmulator.StartAsync();
        var spans = new List<Activity>();
        var port = mine.BaseAddress.Port;
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Upstash.Workflow",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = span =>
            {
                if (span.GetTagItem("server.port") is int p && p == port)
                {
                    lock (spans)
                    {
                        spans.Add(span);
                    }
                }
            },
        };
        ActivitySource.AddActivityListener(listener);

        using var client = mine.CreateClient();
        using var other = theirs.CreateClient();
        await Task.WhenAll(client.Dlq.ListFailedRunsAsync(cancellationToken: TestContext.Token), other.Dlq.ListFailedRunsAsync(cancellationToken: TestContext.Token), other.Logs.ListLogsAsync(cancellationToken: TestContext.Token));

        Assert.Equal(["Dlq.ListFailedRuns"], spans.Select(s => s.DisplayName));
    }
}
