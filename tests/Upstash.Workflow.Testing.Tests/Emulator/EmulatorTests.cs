using Upstash.Workflow.TestSupport.Emulator;
using Upstash.Workflow.Authentication;
using Upstash.Workflow.Testing;
using Upstash.Workflow.TestSupport;
using Upstash.Workflow.Testing.Tests.Support;

namespace Upstash.Workflow.Testing.Tests.Emulator;

/// <summary>The emulator behaves as the API documents, seen through the generated client.</summary>
public sealed class EmulatorTests
{
    [Fact]
    public async Task A_session_over_every_group_behaves_as_documented()
    {
        await using var emulator = await UpstashWorkflowEmulator.StartAsync();
        using var client = emulator.CreateClient();
        await EmulatorSession.RunAsync(client, emulator);
    }

    [Theory]
    [InlineData(UpstashAuthMode.BearerHeader)]
    [InlineData(UpstashAuthMode.QueryToken)]
    public async Task Both_auth_schemes_are_accepted_and_anything_else_is_401(UpstashAuthMode mode)
    {
        await using var emulator = await UpstashWorkflowEmulator.StartAsync(token: "tok+/=");
        var options = emulator.ClientOptions();
        options.AuthMode = mode;
        using var client = new UpstashWorkflowClient(options);
        var keys = await client.SigningKeys.GetSigningKeysAsync();
        Assert.StartsWith("sig_", keys.Current, StringComparison.Ordinal);
        Assert.NotEqual(keys.Current, keys.Next);

        using var wrong = new UpstashWorkflowClient(new UpstashWorkflowClientOptions { BaseAddress = emulator.BaseAddress, Token = "wrong", AuthMode = mode });
        var error = await Assert.ThrowsAsync<UnauthorizedException>(() => wrong.SigningKeys.GetSigningKeysAsync());
        Assert.Equal("invalid token", error.ErrorMessage);
    }

    [Fact]
    public async Task Bulk_restart_takes_fifty_per_request_and_returns_a_cursor_while_more_remain()
    {
        await using var emulator = await UpstashWorkflowEmulator.StartAsync();
        for (var i = 0; i < 120; i++)
        {
            emulator.AddFailedRun("https://example.com/api/bulk", labels: ["bulk"]);
        }
        using var client = emulator.CreateClient();

        var batches = await client.Dlq.RestartWorkflowsInBatchesAsync(filter: new FailedRunFilter { Labels = ["bulk"] }).AsPages()
            .Select(b => b.Items.Count).ToListAsync();

        Assert.Equal([50, 50, 20], batches);
        Assert.Empty(emulator.FailedRunIds);
    }

    [Fact]
    public async Task Ids_with_slashes_and_spaces_address_one_entry()
    {
        await using var emulator = await UpstashWorkflowEmulator.StartAsync();
        using var client = emulator.CreateClient();
        var run = await client.Runs.TriggerWorkflowAsync(new Uri("https://example.com/api/a b"), options: new TriggerWorkflowOptions { WorkflowRunId = "wfr/with space" });

        await client.Runs.CancelWorkflowRunAsync("wfr/with space");

        Assert.Equal("wfr/with space", run.WorkflowRunId);
        Assert.Equal("RUN_CANCELED", emulator.RunState("wfr/with space"));
    }

    [Fact]
    public async Task A_binary_payload_is_kept_byte_for_byte_and_its_dlq_entry_carries_it_as_base64()
    {
        await using var emulator = await UpstashWorkflowEmulator.StartAsync();
        using var client = emulator.CreateClient();
        byte[] image = [0xff, 0xd8, 0xff, 0x00, 0x80];

        var run = await client.Runs.TriggerWorkflowAsync(new Uri("https://example.com/api/images"), WorkflowPayload.Bytes(image));

        Assert.Equal(image, emulator.Run(run.WorkflowRunId)!.Body);
        Assert.Equal("application/octet-stream", emulator.Run(run.WorkflowRunId)!.ContentType);
        var entry = await client.Dlq.GetFailedRunAsync(emulator.FailRun(run.WorkflowRunId));
        Assert.Equal((null, Convert.ToBase64String(image)), (entry.Body, entry.BodyBase64));
    }

    [Theory]
    [InlineData("Upstash-Retries", "three", "Upstash-Retries")]
    [InlineData("Upstash-Delay", "10 seconds", "Upstash-Delay")]
    [InlineData("Upstash-Not-Before", "tomorrow", "Upstash-Not-Before")]
    [InlineData("Upstash-Failure-Callback", "/relative", "Upstash-Failure-Callback")]
    [InlineData("Upstash-Flow-Control-Value", "parallelism=2", "needs Upstash-Flow-Control-Key")]
    public async Task A_malformed_header_is_a_400_naming_it_and_starts_nothing(string name, string value, string named)
    {
        await using var emulator = await UpstashWorkflowEmulator.StartAsync();
        using var http = new HttpClient { BaseAddress = emulator.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "v2/trigger/" + Uri.EscapeDataString("https://example.com/api/a"));
        request.Headers.Authorization = new("Bearer", emulator.Token);
        request.Headers.TryAddWithoutValidation(name, value);

        using var response = await http.SendAsync(request);

        Assert.Equal(400, (int)response.StatusCode);
        var error = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString();
        Assert.Contains(named, error, StringComparison.Ordinal);
        Assert.Empty(emulator.RunIds);
    }

    [Fact]
    public async Task Restart_keeps_the_failed_runs_settings_and_lays_its_overrides_over_them()
    {
        await using var emulator = await UpstashWorkflowEmulator.StartAsync();
        using var client = emulator.CreateClient();
        var failed = await client.Runs.TriggerWorkflowAsync(new Uri("https://example.com/api/a"), WorkflowPayload.Text("payload"), new TriggerWorkflowOptions
        {
            Retries = 7,
            Labels = ["first"],
            ForwardHeaders = new Dictionary<string, string> { ["X-Tenant"] = "acme" },
        });
        var dlqId = emulator.FailRun(failed.WorkflowRunId);

        var restarted = await client.Dlq.RestartWorkflowAsync(dlqId, new RestartWorkflowOptions { Labels = ["again"], Delay = TimeSpan.FromMinutes(5) });

        var run = emulator.Run(restarted.WorkflowRunId)!;
        Assert.Equal((7, TimeSpan.FromMinutes(5), "acme"), (run.Retries, run.Delay, run.ForwardedHeaders["X-Tenant"]));
        Assert.Equal(["again"], run.Labels);
        Assert.Equal("payload", System.Text.Encoding.UTF8.GetString(run.Body.ToArray()));
    }

    [Fact]
    public async Task A_wait_past_its_deadline_ends_with_wait_timeout_and_leaves_the_waiters()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        await using var emulator = await UpstashWorkflowEmulator.StartAsync(time: time);
        using var client = emulator.CreateClient();
        var run = emulator.AddRun("https://example.com/api/a");
        emulator.AddWaiter("approved", run, TimeSpan.FromMinutes(10));
        Assert.Single(await client.Notify.ListWaitersAsync("approved"));

        // The deadline is a timer on the emulator's clock, as every wait, sleep and retry is: moving the clock fires it.
        time.Advance(TimeSpan.FromMinutes(11));
        await emulator.DeliveriesCompletedAsync();

        Assert.Empty(await client.Notify.ListWaitersAsync("approved"));
        var logs = await client.Logs.ListLogsAsync(filter: new RunLogFilter { WorkflowRunId = run });
        var wait = Assert.Single(logs.Runs).Steps.SelectMany(g => g.Steps).Single(s => s.StepType == "Wait");
        Assert.Equal((true, "approved"), (wait.WaitTimeout, wait.WaitEventId));
    }

    [Fact]
    public async Task A_cursor_the_emulator_did_not_hand_out_is_a_400()
    {
        await using var emulator = await UpstashWorkflowEmulator.StartAsync();
        using var client = emulator.CreateClient();

        var error = await Assert.ThrowsAsync<BadRequestException>(() => client.Logs.ListLogsAsync(cursor: "not-a-cursor"));

        Assert.Contains("not-a-cursor", error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Trim_body_cuts_every_body_of_the_logs_to_that_many_bytes()
    {
        await using var emulator = await UpstashWorkflowEmulator.StartAsync();
        using var client = emulator.CreateClient();
        var run = await client.Runs.TriggerWorkflowAsync(new Uri("https://example.com/api/a"), WorkflowPayload.Text("héllo world"));
        emulator.AddCall(run.WorkflowRunId, new Uri("https://api.example/x"), body: "request body", responseBody: "response body");
        emulator.CompleteRun(run.WorkflowRunId, "all done");

        var trimmed = Assert.Single((await client.Logs.ListLogsAsync(trimBody: 3, filter: new RunLogFilter { WorkflowRunId = run.WorkflowRunId })).Runs);
        var whole = Assert.Single((await client.Logs.ListLogsAsync(filter: new RunLogFilter { WorkflowRunId = run.WorkflowRunId })).Runs);

        var steps = trimmed.Steps.SelectMany(g => g.Steps).ToList();
        Assert.Equal("hé", steps[0].Out); // "h" and the two bytes of "é"
        Assert.Equal(("req", "res"), (steps[1].CallBody, steps[1].CallResponseBody));
        Assert.Equal("all", trimmed.WorkflowRunResponse);
        Assert.Equal(("héllo world", "all done"), (whole.Steps.SelectMany(g => g.Steps).First().Out, whole.WorkflowRunResponse));
    }

    [Fact]
    public async Task A_run_id_already_taken_starts_nothing_new_and_a_batch_says_deduplicated()
    {
        await using var emulator = await UpstashWorkflowEmulator.StartAsync();
        using var client = emulator.CreateClient();
        var url = new Uri("https://example.com/api/a");

        var first = await client.Runs.TriggerWorkflowAsync(url, WorkflowPayload.Text("one"), new TriggerWorkflowOptions { WorkflowRunId = "wfr_once" });
        var again = await client.Runs.TriggerWorkflowAsync(url, WorkflowPayload.Text("two"), new TriggerWorkflowOptions { WorkflowRunId = "wfr_once" });
        var batch = await client.Runs.TriggerWorkflowBatchAsync(
        [
            new BatchTriggerItem { Destination = url, Headers = new Dictionary<string, string> { ["Upstash-Workflow-RunId"] = "wfr_once" } },
            new BatchTriggerItem { Destination = url, Headers = new Dictionary<string, string> { ["Upstash-Workflow-RunId"] = "wfr_new" } },
        ]);

        Assert.Equal(["wfr_once", "wfr_new"], emulator.RunIds);
        Assert.Equal((first.WorkflowRunId, first.WorkflowCreatedAt), (again.WorkflowRunId, again.WorkflowCreatedAt));
        Assert.Equal([true, false], batch.Select(b => b.Deduplicated == true));
        Assert.Equal("one"u8.ToArray(), emulator.Run("wfr_once")!.Body);
    }
}
