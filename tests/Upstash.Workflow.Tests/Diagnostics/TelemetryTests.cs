using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Upstash.Workflow.Testing;
using Upstash.Workflow.TestSupport.Emulator;
using Upstash.Workflow.TestSupport.Operations;
using Upstash.Workflow.Tests.Operations;
using Upstash.Workflow.TestSupport;

namespace Upstash.Workflow.Tests.Diagnostics;

/// <summary>Listeners are process-wide: these tests run alone, so what they see is only what they cause.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection
{
    public const string Name = "Telemetry listeners";
}

/// <summary>
/// The client's spans and metrics as a listener sees them (ActivityListener, MetricCollector): one CLIENT span
/// per operation call named after its group and method, with the operation id, the server, the status and the
/// ids; error.type on failures; a duration per call; nothing, not even an allocation, while nobody listens.
/// </summary>
[Collection(TelemetryCollection.Name)]
public sealed class TelemetryTests
{
    /// <summary>Records every span of the given sources that ends.</summary>
    private sealed class Spans : IDisposable
    {
        private readonly ActivityListener _listener;

        public Spans(params string[] sources)
        {
            _listener = new ActivityListener
            {
                ShouldListenTo = source => sources.Contains(source.Name),
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = Ended.Enqueue,
            };
            ActivitySource.AddActivityListener(_listener);
        }

        public ConcurrentQueue<Activity> Ended { get; } = new();

        public List<Activity> Of(string source) => [.. Ended.Where(a => a.Source.Name == source)];

        public void Dispose() => _listener.Dispose();
    }

    private static Func<HttpContext, Task> Answer(OperationCase @case) => async context =>
    {
        context.Response.StatusCode = @case.Status;
        if (@case.ResponseJson is not null)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(@case.ResponseJson);
        }
    };

    [Fact]
    public async Task Every_operation_emits_one_span_with_its_name_operation_server_and_status()
    {
        var names = new Dictionary<string, string>();
        foreach (var @case in OperationCases.All)
        {
            await using var server = await RecordingServer.StartAsync(Answer(@case));
            using var client = Clients.For(server);
            using var spans = new Spans("Upstash.Workflow");

            await @case.Call(client, TestContext.Token);

            var span = Assert.Single(spans.Of("Upstash.Workflow"));
            Assert.Equal(ActivityKind.Client, span.Kind);
            Assert.Matches(@"^[A-Z][A-Za-z]+\.[A-Z][A-Za-z]+$", span.OperationName);
            Assert.Equal(@case.OperationId, span.GetTagItem("upstash.workflow.operation"));
            Assert.Equal(("127.0.0.1", server.BaseAddress.Port, @case.Status), (span.GetTagItem("server.address"), span.GetTagItem("server.port"), span.GetTagItem("http.response.status_code")));
            Assert.Null(span.GetTagItem("error.type"));
            Assert.Equal(ActivityStatusCode.Unset, span.Status);
            Assert.True(names.TryAdd(@case.OperationId, span.OperationName) || names[@case.OperationId] == span.OperationName, $"{@case.Key}: {span.OperationName}");
        }
        // One span name per operation, each its own.
        Assert.Equal(OperationCases.All.Select(c => c.OperationId).Distinct().Count(), names.Count);
        Assert.Equal(names.Count, names.Values.Distinct().Count());
        Assert.Equal("Dlq.RestartWorkflow", names["restartWorkflow"]);
        Assert.Equal("Runs.TriggerWorkflow", names["triggerWorkflow"]);
    }

    [Fact]
    public async Task Spans_carry_the_ids_a_user_searches_by_and_what_a_bulk_call_did()
    {
        await using var server = await RecordingServer.StartAsync(async context =>
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(context.Request.Path.StartsWithSegments("/v2/workflows/dlq/restart/d1")
                ? """{ "workflowRunId": "wfr_new", "workflowCreatedAt": 1725323658779 }"""
                : """{ "cursor": "next", "workflowRuns": [ { "workflowRunId": "a", "workflowCreatedAt": 1 }, { "workflowRunId": "b", "workflowCreatedAt": 1 } ] }""");
        });
        using var client = Clients.For(server);
        using var spans = new Spans("Upstash.Workflow");

        await client.Dlq.RestartWorkflowAsync("d1", cancellationToken: TestContext.Token);
        await client.Dlq.RestartWorkflowsAsync(dlqIds: ["d2", "d3", "d4"], cancellationToken: TestContext.Token);

        var (one, bulk) = (spans.Of("Upstash.Workflow")[0], spans.Of("Upstash.Workflow")[1]);
        Assert.Equal(("d1", "wfr_new"), (one.GetTagItem("upstash.workflow.dlq_id"), one.GetTagItem("upstash.workflow.workflow_run_id")));
        Assert.Equal((3, false, 2, true), (bulk.GetTagItem("upstash.workflow.dlq_ids.count"), bulk.GetTagItem("upstash.workflow.all"), bulk.GetTagItem("upstash.workflow.affected"), bulk.GetTagItem("upstash.workflow.cursor_returned")));
    }

    [Fact]
    public async Task Failures_set_error_type_and_status_and_rate_limits_are_counted()
    {
        using var durations = new MetricCollector<double>(null, "Upstash.Workflow", "upstash.workflow.operation.duration");
        using var limited = new MetricCollector<long>(null, "Upstash.Workflow", "upstash.workflow.rate_limited");
        using var spans = new Spans("Upstash.Workflow");
        await using (var server = await RecordingServer.StartAsync(RecordingServer.Json(404, """{ "error": "not found" }""")))
        {
            using var client = Clients.For(server);
            await Assert.ThrowsAsync<NotFoundException>(() => client.Dlq.GetFailedRunAsync("gone", TestContext.Token));
        }
        await using (var server = await RecordingServer.StartAsync(async context =>
        {
            context.Response.StatusCode = 429;
            context.Response.Headers["Burst-RateLimit-Limit"] = "100";
            context.Response.Headers["Burst-RateLimit-Remaining"] = "0";
            context.Response.Headers["Burst-RateLimit-Reset"] = "1725323660";
            await context.Response.WriteAsync("""{ "error": "too many" }""");
        }))
        {
            using var client = Clients.For(server);
            await Assert.ThrowsAsync<RateLimitedException>(() => client.Dlq.RestartWorkflowAsync("d1", cancellationToken: TestContext.Token));
        }
        using (var nowhere = new UpstashWorkflowClient(new UpstashWorkflowClientOptions { BaseAddress = new Uri($"http://127.0.0.1:{ClosedPort()}/"), Token = Clients.Token }))
        {
            await Assert.ThrowsAsync<UpstashConnectionException>(() => nowhere.Logs.ListLogsAsync(cancellationToken: TestContext.Token));
        }

        var ended = spans.Of("Upstash.Workflow");
        Assert.Equal(["404", "429", "Upstash.Workflow.UpstashConnectionException"], ended.Select(s => s.GetTagItem("error.type")));
        Assert.All(ended, s => Assert.Equal(ActivityStatusCode.Error, s.Status));
        var measured = durations.GetMeasurementSnapshot();
        Assert.Equal(3, measured.Count);
        Assert.Equal(["getFailedRun", "restartWorkflow", "listLogs"], measured.Select(m => m.Tags["upstash.workflow.operation"]));
        Assert.Equal([404, 429, null], measured.Select(m => m.Tags.GetValueOrDefault("http.response.status_code")));
        Assert.All(measured, m => Assert.True(m.Value > 0));
        // Low cardinality: no ids on a measurement.
        Assert.All(measured, m => Assert.DoesNotContain(m.Tags.Keys, k => k.EndsWith("_id", StringComparison.Ordinal) || k.EndsWith("_key", StringComparison.Ordinal)));
        var limit = Assert.Single(limited.GetMeasurementSnapshot());
        Assert.Equal((1L, "Burst"), (limit.Value, limit.Tags["upstash.workflow.rate_limit.kind"]));
    }

    [Theory]
    [InlineData(UpstashAuthMode.BearerHeader)]
    [InlineData(UpstashAuthMode.QueryToken)]
    public async Task No_span_or_measurement_ever_holds_the_token_with_the_platforms_http_spans_on(UpstashAuthMode mode)
    {
        await using var emulator = await UpstashWorkflowEmulator.StartAsync(new UpstashWorkflowEmulatorOptions { Token = "tok_" + Guid.NewGuid().ToString("N"), Deliver = false });
        var options = emulator.ClientOptions();
        options.AuthMode = mode;
        using var client = new UpstashWorkflowClient(options);
        using var durations = new MetricCollector<double>(null, "Upstash.Workflow", "upstash.workflow.operation.duration");
        using var spans = new Spans("Upstash.Workflow", "System.Net.Http");

        await EmulatorSession.RunAsync(client, emulator);

        var ours = spans.Of("Upstash.Workflow");
        var http = spans.Of("System.Net.Http");
        Assert.True(ours.Count >= 28, $"{ours.Count} spans");
        Assert.NotEmpty(http);
        // The socket handler's spans (System.Net.Http) are children of the operation's.
        Assert.All(http, h => Assert.Contains(ours, o => o.SpanId == h.ParentSpanId));
        var seen = spans.Ended.SelectMany(a => a.TagObjects.Select(t => $"{t.Key}={t.Value}").Append(a.DisplayName))
            .Concat(durations.GetMeasurementSnapshot().SelectMany(m => m.Tags.Select(t => $"{t.Key}={t.Value}")))
            .ToList();
        Assert.DoesNotContain(seen, value => value.Contains(emulator.Token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task While_nobody_listens_nothing_is_made()
    {
        Assert.False(Upstash.Workflow.Diagnostics.UpstashTelemetry.Default.Listening);
        var current = new List<Activity?>();
        await using var server = await RecordingServer.StartAsync(RecordingServer.Json(200, """{ "workflowRunId": "wfr_new", "workflowCreatedAt": 1725323658779 }"""));
        var options = new UpstashWorkflowClientOptions { BaseAddress = server.BaseAddress, Token = Clients.Token, Transport = new Observer(current) { InnerHandler = new SocketsHttpHandler() } };
        using var client = new UpstashWorkflowClient(options);

        await client.Dlq.RestartWorkflowAsync("d1", cancellationToken: TestContext.Token);

        Assert.Equal([null], current);
    }

    /// <summary>Sees which activity is current when the request reaches the transport.</summary>
    private sealed class Observer(List<Activity?> seen) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            seen.Add(Activity.Current);
            return base.SendAsync(request, cancellationToken);
        }
    }

    private static int ClosedPort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        var port = ((IPEndPoint)socket.LocalEndpoint).Port;
        socket.Stop();
        return port;
    }

    [Fact]
    public async Task Under_dependency_injection_the_meter_comes_from_the_containers_meter_factory()
    {
        await using var server = await RecordingServer.StartAsync(RecordingServer.Json(200, """{ "messages": [] }"""));
        var services = new ServiceCollection();
        services.AddMetrics();
        services.AddUpstashWorkflowClient(o => (o.BaseAddress, o.Token) = (server.BaseAddress, Clients.Token));
        await using var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();
        using var collector = new MetricCollector<double>(factory, "Upstash.Workflow", "upstash.workflow.operation.duration");

        await provider.GetRequiredService<DlqClient>().ListFailedRunsAsync(cancellationToken: TestContext.Token);

        var measured = Assert.Single(collector.GetMeasurementSnapshot());
        Assert.Equal("listFailedRuns", measured.Tags["upstash.workflow.operation"]);
        Assert.Same(factory, collector.Instrument!.Meter.Scope);
    }
}
