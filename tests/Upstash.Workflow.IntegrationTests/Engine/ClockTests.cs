using Microsoft.Extensions.Time.Testing;
using Upstash.Workflow.Testing;
using Upstash.Workflow.IntegrationTests.Support;
using Upstash.Workflow.TestSupport;
using Upstash.Workflow.TestSupport.Generation;

namespace Upstash.Workflow.IntegrationTests.Engine;

/// <summary>
/// Sleeps, wait timeouts and retries' backoff on the emulator's clock, which the test moves. The app verifies no
/// signature here: its receiver checks a token's times against the real clock, and the emulator signs on its own,
/// which these tests move hours ahead (OfficialSdkTests verifies every delivery).
/// </summary>
public sealed class ClockTests
{
    [SkippableFact]
    public async Task A_sleep_lasts_until_the_emulators_clock_has_moved_past_it()
    {
        await using var clocked = await Clocked.StartAsync();
        var (clock, upstash, app, client) = clocked;

        var run = await client.Runs.TriggerWorkflowAsync(app.Workflow("sleep"), WorkflowPayload.RawJson("{}"), cancellationToken: TestContext.Token);
        await Runs.UntilAsync(async () => await Logged(client, run.WorkflowRunId, "nap"), "the sleep was accepted", app);
        await upstash.DeliveriesCompletedAsync();
        clock.Advance(TimeSpan.FromSeconds(3599));
        await upstash.DeliveriesCompletedAsync();
        var early = await app.CountAsync("sleep:after");
        clock.Advance(TimeSpan.FromSeconds(1));
        var ended = await Runs.EndedAsync(client, run.WorkflowRunId, WorkflowRunState.RunSuccess, app);

        Assert.Equal(0, early);
        Assert.Equal((1, 1), (await app.CountAsync("sleep:before"), await app.CountAsync("sleep:after")));
        Assert.Equal("\"awake again\"", ended.WorkflowRunResponse);
    }

    [SkippableFact]
    public async Task A_wait_nobody_answers_times_out_when_the_clock_reaches_its_deadline()
    {
        await using var clocked = await Clocked.StartAsync();
        var (clock, upstash, app, client) = clocked;

        var run = await client.Runs.TriggerWorkflowAsync(app.Workflow("wait"), WorkflowPayload.RawJson("""{"eventId":"nobody"}"""), cancellationToken: TestContext.Token);
        using var http = new HttpClient { BaseAddress = upstash.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new("Bearer", upstash.Token);
        await Runs.UntilAsync(async () => (await http.GetStringAsync("v2/waiters/nobody")).Contains(app.Workflow("wait").AbsoluteUri, StringComparison.Ordinal), "the wait registered", app);
        clock.Advance(TimeSpan.FromMinutes(59));
        await upstash.DeliveriesCompletedAsync();
        var early = await app.CountAsync("wait:decided");
        clock.Advance(TimeSpan.FromMinutes(1));
        var ended = await Runs.EndedAsync(client, run.WorkflowRunId, WorkflowRunState.RunSuccess, app);

        Assert.Equal(0, early);
        Assert.Equal("\"timed out\"", ended.WorkflowRunResponse);
    }

    [SkippableFact]
    public async Task A_failing_step_is_retried_after_the_services_backoff_then_fails_into_the_dlq()
    {
        await using var clocked = await Clocked.StartAsync();
        var (clock, upstash, app, client) = clocked;

        var run = await client.Runs.TriggerWorkflowAsync(app.Workflow("flaky"), WorkflowPayload.RawJson("{}"), new TriggerWorkflowOptions { Retries = 2 }, TestContext.Token);
        var seen = new List<int>();
        async Task Settle()
        {
            await Task.Delay(200);
            await upstash.DeliveriesCompletedAsync();
            seen.Add(await app.CountAsync("flaky:fragile"));
        }
        await Runs.UntilAsync(async () => await app.CountAsync("flaky:fragile") == 1, "the first attempt", app);
        await Settle();
        // The first retry comes e^2.5 = 12.2 s later, the second e^5 = 148.4 s after that.
        foreach (var seconds in new[] { 12, 1, 147, 2 })
        {
            clock.Advance(TimeSpan.FromSeconds(seconds));
            await Settle();
        }
        await Runs.EndedAsync(client, run.WorkflowRunId, WorkflowRunState.RunFailed, app);
        var entry = Assert.Single((await client.Dlq.ListFailedRunsAsync(cancellationToken: TestContext.Token)).Messages);

        Assert.Equal([1, 1, 2, 2, 3], seen);
        Assert.Equal((2, 500), (entry.MaxRetries, entry.ResponseStatus));
        // The first step's delivery, then the failing step's: first sent, then retried twice.
        Assert.Equal(["0", "0", "1", "2"], upstash.Deliveries.Where(d => d.Url.AbsolutePath == "/wf/flaky" && d.Kind == EmulatorDelivery.Workflow)
            .Select(d => d.Headers["Upstash-Retried"]).Take(4));
    }

    [SkippableFact]
    public async Task A_retry_delay_expression_sets_when_the_retry_comes()
    {
        await using var clocked = await Clocked.StartAsync();
        var (clock, upstash, app, client) = clocked;

        await client.Runs.TriggerWorkflowAsync(app.Workflow("flaky"), WorkflowPayload.RawJson("{}"), new TriggerWorkflowOptions { Retries = 1, RetryDelay = WorkflowRetryDelay.FromExpression("1000 * (retried + 5)") }, TestContext.Token);
        await Runs.UntilAsync(async () => await app.CountAsync("flaky:fragile") == 1, "the first attempt", app);
        await upstash.DeliveriesCompletedAsync();
        clock.Advance(TimeSpan.FromMilliseconds(4999));
        await Task.Delay(200);
        var early = await app.CountAsync("flaky:fragile");
        clock.Advance(TimeSpan.FromMilliseconds(1));
        await Runs.UntilAsync(async () => await app.CountAsync("flaky:fragile") == 2, "the retry after 5 s", app);

        Assert.Equal(1, early);
    }

    /// <summary>An emulator on a clock the test moves, the app it drives (verifying no signature), and a client.</summary>
    private sealed record Clocked(FakeTimeProvider Clock, UpstashWorkflowEmulator Upstash, WorkflowApp App, UpstashWorkflowClient Client) : IAsyncDisposable
    {
        public static async Task<Clocked> StartAsync()
        {
            var unavailable = WorkflowApp.Unavailable();
            Skip.If(unavailable is not null, unavailable);
            var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
            var upstash = await UpstashWorkflowEmulator.StartAsync(new UpstashWorkflowEmulatorOptions { TimeProvider = clock });
            return new Clocked(clock, upstash, await WorkflowApp.StartAsync(upstash, verifySignatures: false), upstash.CreateClient());
        }

        public async ValueTask DisposeAsync()
        {
            Client.Dispose();
            await App.DisposeAsync();
            await Upstash.DisposeAsync();
        }
    }

    private static async Task<bool> Logged(UpstashWorkflowClient client, string runId, string step) =>
        (await client.Logs.ListLogsAsync(filter: new RunLogFilter { WorkflowRunId = runId }, cancellationToken: TestContext.Token)).Runs
            .SelectMany(r => r.Steps).SelectMany(g => g.Steps).Any(s => s.StepName == step);
}
