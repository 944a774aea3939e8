using Upstash.Workflow.TestSupport.Emulator;
using System.Net;
using Upstash.Workflow.Testing;
using Upstash.Workflow.TestSupport;
using Upstash.Workflow.Testing.Tests.Support;

namespace Upstash.Workflow.Testing.Tests.Emulator;

/// <summary>Faults on demand, as a team testing its retry, alerting and timeout code uses them.</summary>
public sealed class FaultTests
{
    [Fact]
    public async Task An_operation_answers_429_with_the_services_headers_for_the_next_calls_then_works()
    {
        await using var upstash = await UpstashWorkflowEmulator.StartAsync();
        using var client = upstash.CreateClient();
        var first = upstash.AddFailedRun("https://shop.example/api/nightly");
        upstash.Faults.Inject("restartWorkflow", EmulatorFault.RateLimited(retryAfter: TimeSpan.FromSeconds(30)), times: 2);

        var limited = await Assert.ThrowsAsync<RateLimitedException>(() => client.Dlq.RestartWorkflowAsync(first, cancellationToken: TestContext.Token));
        await Assert.ThrowsAsync<RateLimitedException>(() => client.Dlq.RestartWorkflowAsync(first, cancellationToken: TestContext.Token));
        var restarted = await client.Dlq.RestartWorkflowAsync(first, cancellationToken: TestContext.Token);

        Assert.Equal((RateLimitKind.Burst, 100L, 0L, TimeSpan.FromSeconds(30)), (limited.Kind, limited.Limit, limited.Remaining, limited.RetryAfter));
        Assert.StartsWith("wfr_", restarted.WorkflowRunId, StringComparison.Ordinal);
        Assert.Empty(upstash.FailedRunIds);
    }

    [Fact]
    public async Task A_429s_reset_counts_from_when_it_answers_on_the_emulators_clock()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));
        await using var upstash = await UpstashWorkflowEmulator.StartAsync(time: clock);
        using var client = upstash.CreateClient();
        upstash.Faults.Inject("getSigningKeys", EmulatorFault.RateLimited(RateLimitKind.Daily, TimeSpan.FromMinutes(1)));
        clock.Advance(TimeSpan.FromHours(1));

        var limited = await Assert.ThrowsAsync<RateLimitedException>(() => client.SigningKeys.GetSigningKeysAsync(TestContext.Token));

        Assert.Equal((RateLimitKind.Daily, new DateTimeOffset(2030, 1, 1, 1, 1, 0, TimeSpan.Zero)), (limited.Kind, limited.Reset));
    }

    [Fact]
    public async Task A_predicate_picks_the_calls_until_the_faults_are_cleared()
    {
        await using var upstash = await UpstashWorkflowEmulator.StartAsync();
        using var client = upstash.CreateClient();
        upstash.Faults.Inject(call => call.OperationId is "listLogs" or "listFailedRuns", EmulatorFault.Failure(503, "maintenance"));

        var logs = await Assert.ThrowsAsync<ServerErrorException>(() => client.Logs.ListLogsAsync(cancellationToken: TestContext.Token));
        await Assert.ThrowsAsync<ServerErrorException>(() => client.Dlq.ListFailedRunsAsync(cancellationToken: TestContext.Token));
        await client.SigningKeys.GetSigningKeysAsync(TestContext.Token);
        upstash.Faults.Clear();
        await client.Logs.ListLogsAsync(cancellationToken: TestContext.Token);

        Assert.Equal((HttpStatusCode.ServiceUnavailable, "maintenance"), ((HttpStatusCode)logs.StatusCode, logs.ErrorMessage));
    }

    [Fact]
    public async Task A_slow_answer_runs_into_the_clients_timeout()
    {
        await using var upstash = await UpstashWorkflowEmulator.StartAsync();
        var options = upstash.ClientOptions();
        options.Timeout = TimeSpan.FromMilliseconds(200);
        using var client = new UpstashWorkflowClient(options);
        upstash.Faults.Inject("getSigningKeys", EmulatorFault.Slow(TimeSpan.FromSeconds(5)));

        await Assert.ThrowsAsync<UpstashTimeoutException>(() => client.SigningKeys.GetSigningKeysAsync(TestContext.Token));
        // The fault was for one call: the next one answers (asked with the default timeout, as 200 ms is short on a busy machine).
        using var patient = upstash.CreateClient();
        await patient.SigningKeys.GetSigningKeysAsync(TestContext.Token);
    }

    [Fact]
    public async Task A_delivery_target_fails_the_next_times_without_being_called()
    {
        await using var workflow = await RecordingServer.StartAsync(_ => Task.CompletedTask);
        await using var upstash = await UpstashWorkflowEmulator.StartAsync();
        using var client = upstash.CreateClient();
        var url = new Uri(workflow.BaseAddress, "api/workflow");
        upstash.Faults.FailDeliveries(url, times: 1, status: 502);

        await client.Runs.TriggerWorkflowAsync(url, options: new TriggerWorkflowOptions { Retries = 0 }, cancellationToken: TestContext.Token);
        await upstash.DeliveriesCompletedAsync();
        await client.Runs.TriggerWorkflowAsync(url, cancellationToken: TestContext.Token);
        await upstash.DeliveriesCompletedAsync();

        Assert.Single(workflow.Requests);
        Assert.Equal([502, 200], upstash.Deliveries.Select(d => d.Status));
        Assert.Contains("Faults.FailDeliveries", upstash.Deliveries[0].Failure, StringComparison.Ordinal);
        Assert.Single(upstash.FailedRunIds);
    }

    [Fact]
    public void A_fault_answers_at_least_one_call_and_an_error_is_a_4xx_or_5xx()
    {
        var faults = new EmulatorFaults();
        Assert.Throws<ArgumentOutOfRangeException>(() => faults.Inject(_ => true, EmulatorFault.Failure(), times: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => EmulatorFault.Failure(302));
        Assert.Throws<ArgumentOutOfRangeException>(() => EmulatorFault.Slow(TimeSpan.Zero));
    }
}
