using Upstash.Workflow.TestSupport.Emulator;
using System.Diagnostics;
using System.Text;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Upstash.Workflow.QuickStart;
using Upstash.Workflow.TestSupport;
using Upstash.Workflow.Testing.Tests.Support;

namespace Upstash.Workflow.Testing.Tests.Emulator;

/// <summary>
/// What a user sees with the OpenTelemetry SDK wired as docs/observability.md shows (AddSource, AddMeter), here
/// with its in-memory exporters: the quick start's session as a tree of spans, printed in the test output.
/// </summary>
public sealed class OpenTelemetryTests(Reporter reporter) : IClassFixture<Reporter>
{
    [Fact]
    public async Task A_quick_start_session_is_one_trace_of_operation_spans_over_http_spans()
    {
        var spans = new List<Activity>();
        var metrics = new List<Metric>();
        using var root = new ActivitySource("QuickStart test");
        using (var tracing = Sdk.CreateTracerProviderBuilder().AddSource("QuickStart test", "Upstash.Workflow", "System.Net.Http").AddInMemoryExporter(spans).Build())
        using (var meters = Sdk.CreateMeterProviderBuilder().AddMeter("Upstash.Workflow").AddInMemoryExporter(metrics).Build())
        {
            using (var session = root.StartActivity("quick start"))
            {
                Assert.Equal(0, await Tour.RunAsync([], TextWriter.Null, _ => null));
            }
        }

        var trace = spans.Single(s => s.Source.Name == "QuickStart test").TraceId;
        var ours = spans.Where(s => s.TraceId == trace).ToList();
        var operations = ours.Where(s => s.Source.Name == "Upstash.Workflow").ToList();
        var http = ours.Where(s => s.Source.Name == "System.Net.Http").ToList();
        reporter.Say("Spans of the quick start, as an OpenTelemetry exporter receives them:\n" + Tree(ours));
        Assert.NotEmpty(operations);
        Assert.All(operations, o => Assert.Equal(ActivityKind.Client, o.Kind));
        Assert.All(http, h => Assert.Contains(operations, o => o.SpanId == h.ParentSpanId));
        Assert.Equal(operations.Count, http.Count);
        Assert.Contains(operations, o => o.DisplayName == "Dlq.RestartWorkflow" && o.GetTagItem("upstash.workflow.dlq_id") is string);
        // Exported at the flush and again when the provider ends.
        Assert.Contains(metrics, m => m is { Name: "upstash.workflow.operation.duration", Unit: "s", MetricType: MetricType.Histogram });
    }

    /// <summary>The spans as an indented tree, each with its attributes that say what it was about.</summary>
    private static string Tree(List<Activity> spans)
    {
        var text = new StringBuilder();
        void Print(Activity span, int depth)
        {
            var tags = span.TagObjects.Where(t => t.Key.StartsWith("upstash.", StringComparison.Ordinal) || t.Key is "http.response.status_code" or "http.request.method" or "error.type")
                .Select(t => $"{t.Key}={t.Value}");
            text.Append(' ', depth * 2).Append(span.DisplayName).Append("  ").AppendJoin(", ", tags).Append('\n');
            foreach (var child in spans.Where(s => s.ParentSpanId == span.SpanId).OrderBy(s => s.StartTimeUtc))
            {
                Print(child, depth + 1);
            }
        }
        foreach (var top in spans.Where(s => spans.All(p => p.SpanId != s.ParentSpanId)).OrderBy(s => s.StartTimeUtc))
        {
            Print(top, 1);
        }
        return text.ToString().TrimEnd();
    }
}
