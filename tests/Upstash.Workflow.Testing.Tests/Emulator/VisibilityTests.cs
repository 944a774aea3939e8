using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Upstash.Workflow.TestSupport;

namespace Upstash.Workflow.Testing.Tests.Emulator;

/// <summary>
/// A failing endpoint is visible while it fails: in the run's logs as the service shows it, in the record of deliveries,
/// and in the emulator's log, one line per thing that happens to a run.
/// </summary>
public sealed class VisibilityTests
{
    private static readonly DateTimeOffset Start = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_failing_delivery_shows_as_a_retrying_step_with_its_error_and_next_delivery_time()
    {
        var clock = new FakeTimeProvider(Start);
        await using var down = await RecordingServer.StartAsync(RecordingServer.Json(503, """{"error":"the app is down"}"""));
        await using var upstash = await UpstashWorkflowEmulator.StartAsync(new UpstashWorkflowEmulatorOptions { TimeProvider = clock });
        using var client = upstash.CreateClient();

        var run = await client.Runs.TriggerWorkflowAsync(new Uri(down.BaseAddress, "wf"), options: new TriggerWorkflowOptions { Retries = 2 }, cancellationToken: TestContext.Token);
        await upstash.DeliveriesCompletedAsync();

        var logged = Assert.Single((await client.Logs.ListLogsAsync(filter: new RunLogFilter { WorkflowRunId = run.WorkflowRunId }, cancellationToken: TestContext.Token)).Runs);
        var next = logged.Steps[^1];
        var retrying = Assert.Single(next.Steps);
        var nextTry = Start + TimeSpan.FromSeconds(Math.Exp(2.5)); // the first retry's backoff
        Assert.Equal(("next", StepState.StepRetry), (next.Type, retrying.State));
        Assert.Equal(nextTry.ToUnixTimeMilliseconds(), retrying.NextDeliveryTime!.Value.ToUnixTimeMilliseconds());
        var error = Assert.Single(Assert.IsType<System.Text.Json.JsonElement>(retrying.AdditionalProperties!["errors"]).EnumerateArray());
        Assert.Equal(503, error.GetProperty("status").GetInt32());
        Assert.Contains("the app is down", error.GetProperty("body").GetString(), StringComparison.Ordinal);
        var delivery = Assert.Single(upstash.Deliveries);
        Assert.Equal(nextTry.ToUnixTimeMilliseconds(), delivery.NextAttempt!.Value.ToUnixTimeMilliseconds());
        Assert.StartsWith("answered 503", delivery.Failure, StringComparison.Ordinal);

        // Its retries spent, the step fails in place: the same next group, STEP_FAILED, with both errors.
        clock.Advance(TimeSpan.FromSeconds(13));
        await upstash.DeliveriesCompletedAsync();
        clock.Advance(TimeSpan.FromMinutes(3));
        await upstash.DeliveriesCompletedAsync();
        logged = Assert.Single((await client.Logs.ListLogsAsync(filter: new RunLogFilter { WorkflowRunId = run.WorkflowRunId }, cancellationToken: TestContext.Token)).Runs);
        var failed = Assert.Single(logged.Steps[^1].Steps);
        Assert.Equal((WorkflowRunState.RunFailed, "next", StepState.StepFailed), (logged.WorkflowState, logged.Steps[^1].Type, failed.State));
        Assert.Equal(3, Assert.IsType<System.Text.Json.JsonElement>(failed.AdditionalProperties!["errors"]).GetArrayLength());
        Assert.Null(upstash.Deliveries[^1].NextAttempt);
    }

    [Fact]
    public async Task The_emulators_log_tells_a_runs_life_one_line_each_without_its_token_or_bodies()
    {
        var lines = new ConcurrentQueue<string>();
        using var logging = LoggerFactory.Create(b => b.AddProvider(new Lines(lines)));
        await using var down = await RecordingServer.StartAsync(RecordingServer.Json(500, """{"secret":"do-not-log"}"""));
        await using var callback = await RecordingServer.StartAsync(RecordingServer.Json(200, "{}"));
        await using var upstash = await UpstashWorkflowEmulator.StartAsync(new UpstashWorkflowEmulatorOptions { LoggerFactory = logging });
        using var client = upstash.CreateClient();

        var run = await client.Runs.TriggerWorkflowAsync(new Uri(down.BaseAddress, "wf"), WorkflowPayload.Text("payload-not-logged"),
            new TriggerWorkflowOptions { Retries = 0, FailureCallback = new Uri(callback.BaseAddress, "failed") }, TestContext.Token);
        await upstash.DeliveriesCompletedAsync();

        var said = lines.Where(l => l.Contains(run.WorkflowRunId, StringComparison.Ordinal)).ToList();
        Assert.Collection(said,
            l => Assert.EndsWith(": started", l, StringComparison.Ordinal),
            l => Assert.Contains("workflow delivery to " + new Uri(down.BaseAddress, "wf") + ": answered 500", l, StringComparison.Ordinal),
            l => Assert.Matches("failed \\(no retries \\(Upstash-Retries: 0\\)\\); into the DLQ as [0-9]+-[0-9]+", l),
            l => Assert.Contains("failureCallback delivery to " + new Uri(callback.BaseAddress, "failed") + ": answered 200", l, StringComparison.Ordinal),
            l => Assert.EndsWith("its failure callback succeeded", l, StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains(upstash.Token, StringComparison.Ordinal) || l.Contains("do-not-log", StringComparison.Ordinal) || l.Contains("payload-not-logged", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_request_that_fails_unexpectedly_is_logged_and_answered_500_with_its_reason()
    {
        var lines = new ConcurrentQueue<string>();
        using var logging = LoggerFactory.Create(b => b.AddProvider(new Lines(lines)));
        await using var upstash = await UpstashWorkflowEmulator.StartAsync(new UpstashWorkflowEmulatorOptions { LoggerFactory = logging });
        // A fault predicate is code the emulator runs for each call: one that throws stands for any bug on the way.
        upstash.Faults.Inject(call => call.OperationId == "getSigningKeys" ? throw new InvalidOperationException("a bug on the way") : false, EmulatorFault.Failure(503, "unused"));
        using var client = upstash.CreateClient();

        var error = await Assert.ThrowsAsync<ServerErrorException>(() => client.SigningKeys.GetSigningKeysAsync(TestContext.Token));

        Assert.Equal(500, error.StatusCode);
        Assert.Contains("InvalidOperationException: a bug on the way", error.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains(lines, l => l.Contains("GET /v2/keys could not be handled", StringComparison.Ordinal));
    }

    private sealed class Lines(ConcurrentQueue<string> lines) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue(formatter(state, exception));

        public void Dispose()
        {
        }
    }
}
