using Upstash.Workflow.Testing.Tests.Support;
using Upstash.Workflow.TestSupport;

namespace Upstash.Workflow.Testing.Tests.Emulator;

/// <summary>What a workflow test suite would otherwise write by hand: waiting for a run to end, and the variables an SDK needs.</summary>
public sealed class HelperTests
{
    [Fact]
    public async Task Waiting_for_a_run_returns_it_ended_with_its_steps()
    {
        await using var workflow = await RecordingServer.StartAsync(RecordingServer.Json(500, """{"error":"down for maintenance"}"""));
        await using var upstash = await UpstashWorkflowEmulator.StartAsync();
        using var client = upstash.CreateClient();
        var started = await client.Runs.TriggerWorkflowAsync(new Uri(workflow.BaseAddress, "wf"), options: new TriggerWorkflowOptions { Retries = 0 }, cancellationToken: TestContext.Token);

        var run = await upstash.WaitForRunAsync(started.WorkflowRunId, cancellationToken: TestContext.Token);

        Assert.Equal((started.WorkflowRunId, WorkflowRunState.RunFailed), (run.WorkflowRunId, run.WorkflowState));
        Assert.Contains(run.Steps.SelectMany(g => g.Steps), s => s.State == StepState.StepFailed);
    }

    [Fact]
    public async Task A_run_that_does_not_end_in_time_is_reported_with_why_it_stands_still()
    {
        await using var upstash = await UpstashWorkflowEmulator.StartAsync();
        using var client = upstash.CreateClient();
        var started = await client.Runs.TriggerWorkflowAsync(new Uri("http://127.0.0.1:9/down"), options: new TriggerWorkflowOptions { Retries = 3 }, cancellationToken: TestContext.Token);

        var timedOut = await Assert.ThrowsAsync<TimeoutException>(() => upstash.WaitForRunAsync(started.WorkflowRunId, TimeSpan.FromMilliseconds(500), TestContext.Token));

        Assert.Contains($"Run {started.WorkflowRunId} is still RUN_STARTED", timedOut.Message, StringComparison.Ordinal);
        Assert.Contains("failed: no answer: Connection refused; next try at", timedOut.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_run_is_refused_at_once()
    {
        await using var upstash = await UpstashWorkflowEmulator.StartAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => upstash.WaitForRunAsync("wfr_nobody", cancellationToken: TestContext.Token));
    }

    [Fact]
    public async Task With_QSTASH_DEV_alone_the_client_and_the_verifier_find_an_emulator_on_the_development_credentials()
    {
        await using var endpoint = await RecordingServer.StartAsync(RecordingServer.Json(200, "{}"));
        await using var upstash = await UpstashWorkflowEmulator.StartAsync(new UpstashWorkflowEmulatorOptions
        {
            Token = UpstashDevelopmentServer.Token,
            CurrentSigningKey = UpstashDevelopmentServer.CurrentSigningKey,
            NextSigningKey = UpstashDevelopmentServer.NextSigningKey,
        });
        // Port 8080 may be taken here: QSTASH_DEV_PORT names the one this emulator took, as the official SDKs read it.
        string? Environment(string name) => name switch { "QSTASH_DEV" => "true", "QSTASH_DEV_PORT" => upstash.BaseAddress.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), _ => null };
        using var client = new UpstashWorkflowClient(UpstashWorkflowClientOptions.FromEnvironment(Environment));

        var run = await client.Runs.TriggerWorkflowAsync(new Uri(endpoint.BaseAddress, "wf"), cancellationToken: TestContext.Token);
        await upstash.DeliveriesCompletedAsync();

        var delivery = Assert.Single(upstash.Deliveries, d => d.WorkflowRunId == run.WorkflowRunId);
        new UpstashSignatureVerifier(UpstashSignatureVerifierOptions.FromEnvironment(variables: Environment)).Verify(delivery.Headers["Upstash-Signature"], delivery.Body, delivery.Url);
    }

    [Fact]
    public async Task The_variables_an_sdk_needs_name_this_emulator_and_its_current_keys()
    {
        await using var upstash = await UpstashWorkflowEmulator.StartAsync();

        var variables = upstash.EnvironmentVariables;

        Assert.Equal(upstash.BaseAddress.AbsoluteUri.TrimEnd('/'), variables["QSTASH_URL"]);
        Assert.Equal(upstash.Token, variables["QSTASH_TOKEN"]);
        Assert.Equal(upstash.SigningKeys, (variables["QSTASH_CURRENT_SIGNING_KEY"], variables["QSTASH_NEXT_SIGNING_KEY"]));
        Assert.Equal(4, variables.Count);
    }
}
