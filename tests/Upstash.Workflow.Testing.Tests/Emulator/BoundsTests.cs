using System.Net;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using Upstash.Workflow.TestSupport;
using static Upstash.Workflow.Testing.Tests.Support.RawProtocol;

namespace Upstash.Workflow.Testing.Tests.Emulator;

/// <summary>
/// Every value that could make the emulator do unbounded work, keep unbounded memory or fail half-way is refused with a
/// 400 (or 413) naming the limit, before anything changes; what it keeps and does is bounded by its options.
/// </summary>
public sealed class BoundsTests
{
    [Theory]
    [InlineData("Upstash-Retry-Delay", "15000 deep", "longer than 256 characters")]
    [InlineData("Upstash-Retry-Delay", "20 deep", "nested deeper than 16 levels")]
    [InlineData("Upstash-Retry-Delay", "long", "longer than 256 characters")]
    [InlineData("Upstash-Delay", "99999999d", "of at most 365 days")]
    [InlineData("Upstash-Not-Before", "99999999999999", "no later than the year 9999")]
    [InlineData("Upstash-Flow-Control-Value", "parallelism=0", "each at least 1")]
    public async Task A_value_out_of_range_is_a_400_naming_its_limit_and_leaves_no_run(string header, string value, string says)
    {
        await using var upstash = await UpstashWorkflowEmulator.StartAsync();
        // 15,000 nested parentheses once overflowed the parser's stack and ended the process.
        var sent = value switch
        {
            "15000 deep" => Nested(15_000),
            "20 deep" => Nested(20),
            "long" => string.Join('+', Enumerable.Repeat("1", 200)),
            _ => value,
        };

        var answer = await TriggerWith(upstash, (header, sent), ("Upstash-Flow-Control-Key", "lane"));

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Contains(says, await ErrorOf(answer), StringComparison.Ordinal);
        Assert.Empty(upstash.RunIds);
    }

    [Fact]
    public async Task Retries_past_the_plans_maximum_are_refused_with_412_as_the_service_refuses_them()
    {
        await using var upstash = await UpstashWorkflowEmulator.StartAsync();

        var answer = await TriggerWith(upstash, ("Upstash-Retries", "2147483647"));

        // 2,147,483,647 retries at a zero delay once made ~2,200 deliveries a second until cancelled.
        Assert.Equal(HttpStatusCode.PreconditionFailed, answer.StatusCode);
        Assert.Contains("more than the 20 retries the plan allows", await ErrorOf(answer), StringComparison.Ordinal);
        Assert.Empty(upstash.RunIds);
    }

    [Fact]
    public async Task A_pin_of_no_parallelism_is_a_400()
    {
        await using var upstash = await UpstashWorkflowEmulator.StartAsync();
        upstash.AddRun("http://127.0.0.1:9/wf", flowControlKey: "lane");
        using var http = Http(upstash);

        var zero = await http.PostAsync("v2/flowControl/lane/pin?parallelism=0", null, TestContext.Token);
        var fine = await http.PostAsync("v2/flowControl/lane/pin?parallelism=2", null, TestContext.Token);

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.OK), (zero.StatusCode, fine.StatusCode));
        Assert.Contains("invalid parallelism '0'", await ErrorOf(zero), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_batch_past_the_services_item_limit_or_with_a_lone_surrogate_is_a_400_and_starts_nothing()
    {
        await using var upstash = await UpstashWorkflowEmulator.StartAsync();
        using var http = Http(upstash);
        var item = """{"destination":"http://127.0.0.1:9/wf"}""";

        var many = await http.PostAsync("v2/batch/trigger", new StringContent($"[{string.Join(',', Enumerable.Repeat(item, 1001))}]", Encoding.UTF8, "application/json"), TestContext.Token);
        // Five good items and one whose label is half a character: all or nothing.
        var surrogate = await http.PostAsync("v2/batch/trigger", new StringContent(
            "[" + string.Join(',', Enumerable.Repeat(item, 5)) + """,{"destination":"http://127.0.0.1:9/wf","headers":{"Upstash-Label":"\ud800"}}]""", Encoding.UTF8, "application/json"), TestContext.Token);
        using var badUtf8 = new ByteArrayContent([.. "[{\"destination\":\"http://127.0.0.1:9/"u8, 0xff, 0xfe, .. "\"}]"u8]);
        badUtf8.Headers.ContentType = new("application/json");
        var invalid = await http.PostAsync("v2/batch/trigger", badUtf8, TestContext.Token);

        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest], new[] { many.StatusCode, surrogate.StatusCode, invalid.StatusCode });
        Assert.Contains("at most 1000 items", await ErrorOf(many), StringComparison.Ordinal);
        Assert.Contains("not valid text", await ErrorOf(surrogate), StringComparison.Ordinal);
        Assert.Empty(upstash.RunIds);
    }

    [Fact]
    public async Task A_body_past_the_message_limit_is_refused_unread()
    {
        await using var upstash = await UpstashWorkflowEmulator.StartAsync(new UpstashWorkflowEmulatorOptions { MaxMessageSize = 1024 });
        using var http = Http(upstash);

        var declared = await http.PostAsync("v2/trigger/http://127.0.0.1:9/wf", new ByteArrayContent(new byte[1025]), TestContext.Token);
        // Chunked: no length to judge by, so the limit is met while reading.
        using var chunked = new StreamContent(new MemoryStream(new byte[4096]));
        using var request = new HttpRequestMessage(HttpMethod.Post, "v2/notify/evt") { Content = chunked };
        request.Headers.TransferEncodingChunked = true;
        var streamed = await http.SendAsync(request, TestContext.Token);

        Assert.Equal((HttpStatusCode.RequestEntityTooLarge, HttpStatusCode.RequestEntityTooLarge), (declared.StatusCode, streamed.StatusCode));
        Assert.Contains("MaxMessageSize", await ErrorOf(streamed), StringComparison.Ordinal);
        Assert.Empty(upstash.RunIds);
    }

    [Fact]
    public async Task A_wait_timeout_out_of_range_is_a_400_and_leaves_no_waiter()
    {
        await using var workflow = await SdkEndpointAsync();
        await using var upstash = await UpstashWorkflowEmulator.StartAsync();
        using var http = Http(upstash);
        var url = new Uri(workflow.BaseAddress, "wf").AbsoluteUri;
        await http.PostAsync("v2/batch", Batch(url, "wfr_waits", init: true, "{}"), TestContext.Token);

        using var wait = new HttpRequestMessage(HttpMethod.Post, "v2/wait/evt") { Content = new StringContent("""{"timeout":1e11,"step":{"stepId":1,"stepName":"w","stepType":"Wait"}}""") };
        wait.Headers.Add("Upstash-Workflow-RunId", "wfr_waits");
        var answer = await http.SendAsync(wait, TestContext.Token);

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Contains("invalid wait timeout", await ErrorOf(answer), StringComparison.Ordinal);
        Assert.Empty(await upstash.CreateClient().Notify.ListWaitersAsync("evt", TestContext.Token));
    }

    [Fact]
    public async Task A_zero_retry_delay_waits_the_floor_before_each_retry()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));
        await using var failing = await RecordingServer.StartAsync(context =>
        {
            context.Response.StatusCode = 500;
            return Task.CompletedTask;
        });
        await using var upstash = await UpstashWorkflowEmulator.StartAsync(new UpstashWorkflowEmulatorOptions { TimeProvider = clock });
        using var client = upstash.CreateClient();

        await client.Runs.TriggerWorkflowAsync(new Uri(failing.BaseAddress, "wf"), options: new TriggerWorkflowOptions { Retries = 20, RetryDelay = WorkflowRetryDelay.Fixed(TimeSpan.Zero) }, cancellationToken: TestContext.Token);
        await upstash.DeliveriesCompletedAsync();
        var before = upstash.Deliveries.Count;
        clock.Advance(TimeSpan.FromMilliseconds(99));
        await upstash.DeliveriesCompletedAsync();
        var early = upstash.Deliveries.Count;
        clock.Advance(TimeSpan.FromMilliseconds(1));
        await upstash.DeliveriesCompletedAsync();

        // A zero delay once made ~2,200 deliveries a second until cancelled; now each retry waits 100 ms on the clock.
        Assert.Equal((1, 1, 2), (before, early, upstash.Deliveries.Count));
        Assert.Equal(clock.GetUtcNow(), upstash.Deliveries[0].NextAttempt);
    }

    [Fact]
    public async Task A_large_delivery_is_recorded_as_its_size_and_hash()
    {
        await using var workflow = await SdkEndpointAsync();
        await using var upstash = await UpstashWorkflowEmulator.StartAsync(new UpstashWorkflowEmulatorOptions { MaxRecordedBodySize = 100 });
        using var client = upstash.CreateClient();
        var payload = new string('x', 1000);

        await client.Runs.TriggerWorkflowAsync(new Uri(workflow.BaseAddress, "wf"), WorkflowPayload.Text(payload), cancellationToken: TestContext.Token);
        await upstash.DeliveriesCompletedAsync();

        var delivery = Assert.Single(upstash.Deliveries);
        var received = Encoding.UTF8.GetBytes(Assert.Single(workflow.Requests).Body);
        Assert.Empty(delivery.Body);
        Assert.Equal((received.LongLength, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(received))), (delivery.BodySize, delivery.BodySha256));
    }

    [Fact]
    public async Task Past_max_runs_the_oldest_ended_runs_go_with_their_deliveries_and_running_ones_stay()
    {
        // No SDK answers (one would act on a trigger's delivery): the runs stay running until cancelled.
        await using var workflow = await RecordingServer.StartAsync(RecordingServer.Json(200, "{}"));
        await using var upstash = await UpstashWorkflowEmulator.StartAsync(new UpstashWorkflowEmulatorOptions { MaxRuns = 3 });
        using var client = upstash.CreateClient();
        var running = upstash.AddRun("http://127.0.0.1:9/wf");
        var ended = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var run = await client.Runs.TriggerWorkflowAsync(new Uri(workflow.BaseAddress, "wf"), cancellationToken: TestContext.Token);
            await upstash.DeliveriesCompletedAsync();
            await client.Runs.CancelWorkflowRunAsync(run.WorkflowRunId, TestContext.Token);
            ended.Add(run.WorkflowRunId);
        }

        Assert.Equal([running, ended[3], ended[4]], upstash.RunIds);
        Assert.Equal([ended[3], ended[4]], upstash.Deliveries.Select(d => d.WorkflowRunId));
    }

    [Fact]
    public async Task A_call_and_its_result_count_against_the_step_limit()
    {
        await using var workflow = await SdkEndpointAsync();
        await using var called = await RecordingServer.StartAsync(RecordingServer.Json(200, "{}"));
        await using var upstash = await UpstashWorkflowEmulator.StartAsync(new UpstashWorkflowEmulatorOptions { MaxStepsPerRun = 2 });
        using var http = Http(upstash);
        var url = new Uri(workflow.BaseAddress, "wf").AbsoluteUri;
        await http.PostAsync("v2/batch", Batch(url, "wfr_calls", init: true, "{}"), TestContext.Token);
        await upstash.DeliveriesCompletedAsync();

        // The call is the run's second message; its result would be the third, past the limit of two.
        var call = await http.PostAsync("v2/batch", Batch(new Uri(called.BaseAddress, "api").AbsoluteUri, "wfr_calls", init: false, "{}",
            ("upstash-workflow-calltype", "toCallback"), ("upstash-callback", url), ("upstash-callback-forward-upstash-workflow-stepid", "1")), TestContext.Token);
        await upstash.DeliveriesCompletedAsync();

        Assert.Equal(HttpStatusCode.OK, call.StatusCode);
        Assert.Single(called.Requests);
        Assert.Equal(WorkflowRunState.RunFailed, upstash.RunState("wfr_calls"));
        var entry = await upstash.CreateClient().Dlq.GetFailedRunAsync(Assert.Single(upstash.FailedRunIds), TestContext.Token);
        Assert.Contains("MaxStepsPerRun", entry.ResponseBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deliveries_to_one_host_are_capped_at_once()
    {
        var inFlight = 0;
        var most = 0;
        using var release = new SemaphoreSlim(0);
        await using var slow = await RecordingServer.StartAsync(async context =>
        {
            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref most, now);
            await release.WaitAsync(context.RequestAborted);
            Interlocked.Decrement(ref inFlight);
            context.Response.Headers["Upstash-Workflow-Sdk-Version"] = "1";
        });
        await using var upstash = await UpstashWorkflowEmulator.StartAsync(new UpstashWorkflowEmulatorOptions { MaxDeliveriesPerHost = 2 });
        using var client = upstash.CreateClient();

        await client.Runs.TriggerWorkflowBatchAsync([.. Enumerable.Range(0, 6).Select(_ => new BatchTriggerItem { Destination = new Uri(slow.BaseAddress, "wf") })], TestContext.Token);
        while (slow.Requests.Count < 2)
        {
            await Task.Delay(10, TestContext.Token);
        }
        await Task.Delay(200, TestContext.Token); // room for a third to arrive, were it let through
        var heldAtOnce = Volatile.Read(ref most);
        release.Release(6);
        await upstash.DeliveriesCompletedAsync();

        Assert.Equal(2, heldAtOnce);
        Assert.Equal(6, upstash.Deliveries.Count);
    }

    private static string Nested(int depth) => new string('(', depth) + "1" + new string(')', depth);

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
