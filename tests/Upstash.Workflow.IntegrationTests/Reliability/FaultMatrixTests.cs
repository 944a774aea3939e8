using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using Upstash.Workflow.Authentication;
using Upstash.Workflow.IntegrationTests.Support;
using Upstash.Workflow.TestSupport;
using Upstash.Workflow.TestSupport.Generation;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Upstash.Workflow.IntegrationTests.Reliability;

/// <summary>
/// Each fault of a misbehaving server against each operation that must never run twice: the exact
/// outcome, that it comes by itself (no hang past the timeout), how many times the server received the
/// request, and that the token is in no exception. The table is printed at the end of the run.
/// </summary>
[Collection(FaultMatrixCollection.Name)]
public sealed class FaultMatrixTests(FaultMatrixReport report)
{
    /// <summary>The client's timeout where the timeout is what a fault shows (a server that never answers, a body that stalls).</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    // Every other fault must show itself, not the timeout: room for a loaded machine, where a reset 50 ms into the
    // body has been seen to arrive after a second.
    private static readonly TimeSpan RoomyTimeout = TimeSpan.FromSeconds(10);

    private sealed record Operation(string Name, int SuccessStatus, string Valid, string Minimal, string Extra, UpstashAuthMode Mode, Func<UpstashWorkflowClient, CancellationToken, Task<object?>> Call)
    {
        /// <summary>Answers with one odd field, by fault name: what the service might send one day.</summary>
        public Dictionary<string, Reading> Odd { get; init; } = [];
    }

    /// <summary>A success answer whose <paramref name="Field"/> holds an odd <paramref name="Value"/>.</summary>
    private sealed record Reading(string Body, string Field, string Value);

    private const string Run = """{ "workflowRunId": "wfr_1", "workflowCreatedAt": 1725323658779 }""";

    private static readonly Dictionary<string, Reading> RunAnswerOddities = new()
    {
        ["success without a required field"] = new("""{ "workflowCreatedAt": 1725323658779 }""", "workflowRunId", "missing required"),
        ["out-of-range timestamp"] = new("""{ "workflowRunId": "wfr_1", "workflowCreatedAt": 9223372036854775807 }""", "workflowCreatedAt", "9223372036854775807"),
        ["field of the wrong JSON type"] = new("""{ "workflowRunId": "wfr_1", "workflowCreatedAt": "yesterday" }""", "workflowCreatedAt", "yesterday"),
    };

    private static readonly Operation[] Operations =
    [
        new("restart", 200, Run, Run, """{ "workflowRunId": "wfr_1", "workflowCreatedAt": 1725323658779, "region": "eu", "extra": { "a": [1] } }""", UpstashAuthMode.BearerHeader,
            async (c, ct) => await c.Dlq.RestartWorkflowAsync("dlq-1", new RestartWorkflowOptions { Retries = 1 }, ct)) { Odd = RunAnswerOddities },
        new("restart (query token)", 200, Run, Run, """{ "workflowRunId": "wfr_1", "workflowCreatedAt": 1725323658779, "more": true }""", UpstashAuthMode.QueryToken,
            async (c, ct) => await c.Dlq.RestartWorkflowAsync("dlq-1", cancellationToken: ct)) { Odd = RunAnswerOddities },
        new("resume", 200, Run, Run, """{ "workflowRunId": "wfr_1", "workflowCreatedAt": 1725323658779, "more": true }""", UpstashAuthMode.BearerHeader,
            async (c, ct) => await c.Dlq.ResumeWorkflowAsync("dlq-1", new ResumeWorkflowOptions { Delay = TimeSpan.FromSeconds(10) }, ct)) { Odd = RunAnswerOddities },
        new("trigger", 200, Run, Run, """{ "workflowRunId": "wfr_1", "workflowCreatedAt": 1725323658779, "more": true }""", UpstashAuthMode.BearerHeader,
            async (c, ct) => await c.Runs.TriggerWorkflowAsync(new Uri("https://example.com/w"), payload: WorkflowPayload.Json(new { a = 1 }), cancellationToken: ct)) { Odd = RunAnswerOddities },
        new("notify", 201, """[{ "messageId": "m1" }]""", "[{}]", """[{ "messageId": "m1", "more": true }]""", UpstashAuthMode.BearerHeader,
            async (c, ct) => await c.Notify.NotifyEventAsync("ev", WorkflowPayload.Text("paid"), ct))
        {
            Odd = new()
            {
                ["bytes field that is not base64"] = new("""[{ "messageId": "m1", "waiter": { "url": "https://example.com/w", "timeoutBody": "not base64!" } }]""", "[0].waiter.timeoutBody", "not base64!"),
                ["field of the wrong JSON type"] = new("""[{ "messageId": "m1", "deduplicated": "sometimes" }]""", "[0].deduplicated", "sometimes"),
            },
        },
        new("list logs", 200, """{ "runs": [] }""", """{ "runs": [] }""", """{ "runs": [], "more": true }""", UpstashAuthMode.BearerHeader,
            async (c, ct) => await c.Logs.ListLogsAsync(filter: new RunLogFilter { WorkflowRunId = "wfr_1" }, cancellationToken: ct))
        {
            Odd = new()
            {
                // A state and a step grouping the client does not know yet: kept, readable and written back as they came.
                ["unknown enum value"] = new($$"""{ "cursor": "", "runs": [ {{Answers.Run("wfr_1", "RUN_PAUSED", extra: ", \"steps\": [ { \"type\": \"fan-out\", \"steps\": [] } ]")}} ] }""", "runs[0].workflowState", "RUN_PAUSED"),
                ["out-of-range timestamp"] = new("""{ "runs": [ { "workflowRunId": "wfr_1", "workflowUrl": "https://example.com/api", "workflowState": "RUN_FAILED", "workflowRunCreatedAt": -9223372036854775808 } ] }""", "runs[0].workflowRunCreatedAt", "-9223372036854775808"),
                ["field of the wrong JSON type"] = new("""{ "runs": [ { "workflowRunId": "wfr_1", "workflowUrl": "https://example.com/api", "workflowState": 3, "workflowRunCreatedAt": 1725323658779 } ] }""", "runs[0].workflowState", "3"),
                ["success without a required field"] = new("""{ "runs": [ { "workflowRunId": "wfr_1", "workflowState": "RUN_FAILED", "workflowRunCreatedAt": 1725323658779 } ] }""", "workflowUrl", "missing required"),
            },
        },
    ];

    private static Func<Socket, NetworkStream, CancellationToken, Task> OddAnswer(Operation op, string fault) =>
        FaultyServer.Answer($"{op.SuccessStatus} OK", "application/json", op.Odd[fault].Body);

    /// <summary>fault → (server behaviour, expected outcome: an exception type, or null for a result).</summary>
    private static readonly Dictionary<string, (Func<Operation, Func<Socket, NetworkStream, CancellationToken, Task>?> Server, Type? Outcome, int Receipts)> Faults = new()
    {
        ["connection refused"] = (_ => null, typeof(UpstashConnectionException), 0),
        ["reset before the answer"] = (_ => (socket, _, _) => { FaultyServer.Reset(socket); return Task.CompletedTask; }, typeof(UpstashConnectionException), 1),
        ["reset during the body"] = (op => async (socket, stream, ct) =>
        {
            await FaultyServer.WriteAsync(stream, FaultyServer.Head($"{op.SuccessStatus} OK", "application/json", 500) + op.Valid[..10], ct);
            await stream.FlushAsync(ct);
            await Task.Delay(50, ct);
            FaultyServer.Reset(socket);
        }, typeof(UpstashConnectionException), 1),
        ["headers never sent"] = (_ => (_, _, ct) => Task.Delay(System.Threading.Timeout.Infinite, ct), typeof(UpstashTimeoutException), 1),
        ["body stalls"] = (op => async (_, stream, ct) =>
        {
            await FaultyServer.WriteAsync(stream, FaultyServer.Head($"{op.SuccessStatus} OK", "application/json", 500) + op.Valid[..10], ct);
            await Task.Delay(System.Threading.Timeout.Infinite, ct);
        }, typeof(UpstashTimeoutException), 1),
        ["truncated JSON"] = (op => FaultyServer.Answer($"{op.SuccessStatus} OK", "application/json", op.Valid[..(op.Valid.Length / 2)]), typeof(UpstashWorkflowException), 1),
        ["invalid JSON"] = (op => FaultyServer.Answer($"{op.SuccessStatus} OK", "application/json", "{ workflowRunId: wfr_1 ]"), typeof(UpstashWorkflowException), 1),
        ["HTML 502"] = (_ => FaultyServer.Answer("502 Bad Gateway", "text/html", "<html><body>502 Bad Gateway</body></html>"), typeof(ServerErrorException), 1),
        ["empty 500"] = (_ => FaultyServer.Answer("500 Internal Server Error", null, ""), typeof(ServerErrorException), 1),
        ["success with only its required fields"] = (op => FaultyServer.Answer($"{op.SuccessStatus} OK", "application/json", op.Minimal), null, 1),
        ["success without a required field"] = (op => OddAnswer(op, "success without a required field"), typeof(UpstashWorkflowException), 1),
        ["success with unknown extra fields"] = (op => FaultyServer.Answer($"{op.SuccessStatus} OK", "application/json", op.Extra), null, 1),
        ["oversized error body (5 MB)"] = (_ => FaultyServer.Answer("500 Internal Server Error", "text/html", new string('x', 5_000_000)), typeof(ServerErrorException), 1),
        ["429 with rate-limit headers"] = (_ => FaultyServer.Answer("429 Too Many Requests", "application/json", """{ "error": "slow down" }""",
            "Burst-RateLimit-Limit: 100", "Burst-RateLimit-Remaining: 0", "Burst-RateLimit-Reset: 1725323659"), typeof(RateLimitedException), 1),
        ["undocumented 3xx"] = (_ => FaultyServer.Answer("307 Temporary Redirect", null, "", "Location: https://elsewhere.example/"), typeof(UpstashWorkflowException), 1),
        ["wrong content type"] = (op => FaultyServer.Answer($"{op.SuccessStatus} OK", "text/html", "<html>maintenance</html>"), typeof(UpstashWorkflowException), 1),
        ["unknown enum value"] = (op => OddAnswer(op, "unknown enum value"), null, 1),
        ["bytes field that is not base64"] = (op => OddAnswer(op, "bytes field that is not base64"), typeof(UpstashWorkflowException), 1),
        ["out-of-range timestamp"] = (op => OddAnswer(op, "out-of-range timestamp"), typeof(UpstashWorkflowException), 1),
        ["field of the wrong JSON type"] = (op => OddAnswer(op, "field of the wrong JSON type"), typeof(UpstashWorkflowException), 1),
    };

    /// <summary>A fault that needs an odd answer applies to the operations that have one; the others to all.</summary>
    private static bool Applies(string fault, Operation operation) =>
        operation.Odd.ContainsKey(fault) || !Operations.Any(o => o.Odd.ContainsKey(fault));

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var fault in Faults.Keys)
        {
            foreach (var operation in Operations.Where(o => Applies(fault, o)))
            {
                data.Add(fault, operation.Name);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Fault_gives_a_truthful_outcome_and_the_request_arrives_at_most_once(string fault, string operationName)
    {
        var operation = Operations.Single(o => o.Name == operationName);
        var (serverFor, outcome, receipts) = Faults[fault];
        var script = serverFor(operation);
        await using var server = new FaultyServer(script ?? ((_, _, _) => Task.CompletedTask));
        var baseAddress = server.BaseAddress;
        if (script is null)
        {
            await server.DisposeAsync(); // nothing listens there any more: connection refused
        }
        var timeout = outcome == typeof(UpstashTimeoutException) ? Timeout : RoomyTimeout;
        using var client = new UpstashWorkflowClient(new UpstashWorkflowClientOptions { BaseAddress = baseAddress, Token = Clients.Token, AuthMode = operation.Mode, Timeout = timeout });

        var clock = Stopwatch.StartNew();
        Exception? error = null;
        object? result = null;
        try
        {
            result = await operation.Call(client, TestContext.Token);
        }
        catch (Exception e)
        {
            error = e;
        }
        clock.Stop();
        await Task.Delay(100, TestContext.Token); // a second attempt, if any, would have arrived by now

        report.Add(fault, operation.Name, error is UpstashConnectionException ? $"{error.GetType().Name} (inner {error.InnerException?.GetType().Name})" : error?.GetType().Name ?? "result", server.Received, clock.Elapsed);
        Assert.True(outcome == error?.GetType(), $"expected {outcome?.Name ?? "a result"}, got {error?.ToString() ?? "a result"}");
        if (error is UpstashConnectionException)
        {
            // What broke is kept, and the call it broke.
            Assert.True(error.InnerException is HttpRequestException or IOException, error.ToString());
            var failed = (UpstashWorkflowException)error;
            Assert.Equal((0, baseAddress.Authority), (failed.StatusCode, failed.RequestUri?.Authority));
        }
        if (operation.Odd.TryGetValue(fault, out var odd))
        {
            if (error is null)
            {
                // Kept as it came: written back, the answer still says what the service sent.
                Assert.Contains($"\"{odd.Value}\"", System.Text.Json.JsonSerializer.Serialize(result, result!.GetType(), UpstashWorkflowJsonContext.Default), StringComparison.Ordinal);
            }
            else
            {
                Assert.True(error.Message.Contains($"'{odd.Field}'", StringComparison.Ordinal) && error.Message.Contains(odd.Value, StringComparison.Ordinal),
                    $"the message should name field '{odd.Field}' and value {odd.Value}: {error.Message}");
            }
        }
        Assert.Equal(receipts, server.Received);
        Assert.True(clock.Elapsed < timeout + TimeSpan.FromSeconds(5), $"took {clock.Elapsed}: the call did not end by itself");
        if (error is not null)
        {
            var everything = Clients.Everything(error);
            Assert.DoesNotContain(Clients.Token, everything, StringComparison.Ordinal);
            Assert.DoesNotContain(Uri.EscapeDataString(Clients.Token), everything, StringComparison.Ordinal);
        }
    }
}

/// <summary>Collects the matrix and prints it as a table when the run ends.</summary>
public sealed class FaultMatrixReport(IMessageSink sink) : IDisposable
{
    private readonly ConcurrentQueue<(string Fault, string Operation, string Outcome, int Receipts, TimeSpan Elapsed)> _rows = new();

    public void Add(string fault, string operation, string outcome, int receipts, TimeSpan elapsed) => _rows.Enqueue((fault, operation, outcome, receipts, elapsed));

    public void Dispose()
    {
        var text = new StringBuilder($"Fault matrix ({_rows.Count} runs, timeout {FaultMatrixTests.Timeout.TotalSeconds:0.#} s where the timeout is the fault): fault | outcome | receipts per operation | slowest\n");
        foreach (var fault in _rows.GroupBy(r => r.Fault))
        {
            var outcomes = string.Join(", ", fault.Select(r => r.Outcome).Distinct());
            var receipts = string.Join(", ", fault.OrderBy(r => r.Operation, StringComparer.Ordinal).Select(r => $"{r.Operation}={r.Receipts}"));
            text.Append($"  {fault.Key} | {outcomes} | {receipts} | {fault.Max(r => r.Elapsed).TotalSeconds:0.00} s\n");
        }
        sink.OnMessage(new DiagnosticMessage(text.ToString().TrimEnd()));
    }
}

// Its outcomes depend on a 1 s timeout, so it runs alone, after the parallel tests: the drift corpus
// and other generator tests keep both cores busy, and a call could then time out instead.
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FaultMatrixCollection : ICollectionFixture<FaultMatrixReport>
{
    public const string Name = "Fault matrix";
}
