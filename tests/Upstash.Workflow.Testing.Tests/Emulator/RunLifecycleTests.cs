using System.Net.Http.Json;
using System.Text.Json;
using System.Net;
using Microsoft.Extensions.Time.Testing;
using Upstash.Workflow.Testing.Tests.Support;
using Upstash.Workflow.TestSupport;
using static Upstash.Workflow.Testing.Tests.Support.RawProtocol;

namespace Upstash.Workflow.Testing.Tests.Emulator;

/// <summary>
/// The run lifecycle (<see cref="RunLifecycle"/>): one scenario per row of its table, each seen to run that row and leave
/// the run in the row's state; seeded and driven runs meet the same rules; and the table the maintainers read is the code's.
/// </summary>
public sealed class RunLifecycleTests(Reporter reporter) : IClassFixture<Reporter>
{
    private static readonly DateTimeOffset Start = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A scenario that runs one row: its emulator (on a clock it may move) and the run it is about.</summary>
    private delegate Task<string> Scenario(UpstashWorkflowEmulator upstash, FakeTimeProvider clock, RecordingServer sdk, RecordingServer failing);

    private static readonly Dictionary<string, Scenario> Scenarios = new()
    {
        // A workflow at a closed port: its first delivery waits for a retry on the clock, which does not move.
        ["(none) --Triggered--> RUN_STARTED"] = async (upstash, _, _, _) =>
            (await upstash.CreateClient().Runs.TriggerWorkflowAsync(new Uri("http://127.0.0.1:9/wf"), cancellationToken: TestContext.Token)).WorkflowRunId,
        ["RUN_STARTED --Adopted--> RUN_STARTED"] = async (upstash, _, sdk, _) =>
        {
            var url = new Uri(sdk.BaseAddress, "wf").AbsoluteUri;
            using var http = Http(upstash);
            using var trigger = new HttpRequestMessage(HttpMethod.Post, $"v2/trigger/{url}") { Content = new StringContent("{}") };
            trigger.Headers.Add("Upstash-Workflow-Unknown-Sdk", "true");
            var run = (await (await http.SendAsync(trigger, TestContext.Token)).Content.ReadFromJsonAsync<JsonElement>(TestContext.Token)).GetProperty("workflowRunId").GetString()!;
            await upstash.DeliveriesCompletedAsync();
            await http.PostAsync("v2/batch", Batch(url, run, init: true, "{}", ("upstash-workflow-trigger-by-sdk", "true")), TestContext.Token);
            return run;
        },
        ["RUN_STARTED --MessageAccepted--> RUN_STARTED"] = async (upstash, _, sdk, _) =>
        {
            var url = new Uri(sdk.BaseAddress, "wf").AbsoluteUri;
            using var http = Http(upstash);
            await http.PostAsync("v2/batch", Batch(url, "wfr_step", init: true, "{}"), TestContext.Token);
            await http.PostAsync("v2/batch", Batch(url, "wfr_step", init: false, Step(1, "\"one\"")), TestContext.Token);
            return "wfr_step";
        },
        ["RUN_STARTED --Delivered--> RUN_STARTED"] = async (upstash, _, sdk, _) =>
        {
            using var http = Http(upstash);
            await http.PostAsync("v2/batch", Batch(new Uri(sdk.BaseAddress, "wf").AbsoluteUri, "wfr_delivered", init: true, "{}"), TestContext.Token);
            return "wfr_delivered";
        },
        ["RUN_STARTED --DeliveryFailed--> RUN_STARTED"] = async (upstash, _, _, failing) =>
            (await upstash.CreateClient().Runs.TriggerWorkflowAsync(new Uri(failing.BaseAddress, "wf"), options: new TriggerWorkflowOptions { Retries = 1 }, cancellationToken: TestContext.Token)).WorkflowRunId,
        ["RUN_STARTED --WaitStarted--> RUN_STARTED"] = (upstash, _, sdk, _) =>
        {
            var run = upstash.AddRun(new Uri(sdk.BaseAddress, "wf").AbsoluteUri);
            upstash.AddWaiter("approved", run);
            return Task.FromResult(run);
        },
        ["RUN_STARTED --Notified--> RUN_STARTED"] = async (upstash, _, sdk, _) =>
        {
            var run = upstash.AddRun(new Uri(sdk.BaseAddress, "wf").AbsoluteUri);
            upstash.AddWaiter("approved", run);
            await upstash.CreateClient().Notify.NotifyEventAsync("approved", WorkflowPayload.Text("yes"), TestContext.Token);
            return run;
        },
        ["RUN_STARTED --WaitTimedOut--> RUN_STARTED"] = (upstash, clock, sdk, _) =>
        {
            var run = upstash.AddRun(new Uri(sdk.BaseAddress, "wf").AbsoluteUri);
            upstash.AddWaiter("approved", run, TimeSpan.FromMinutes(1));
            clock.Advance(TimeSpan.FromMinutes(1));
            return Task.FromResult(run);
        },
        ["RUN_STARTED --Returned--> RUN_SUCCESS"] = (upstash, _, sdk, _) =>
        {
            var run = upstash.AddRun(new Uri(sdk.BaseAddress, "wf").AbsoluteUri);
            upstash.CompleteRun(run, "done");
            return Task.FromResult(run);
        },
        ["RUN_STARTED --Canceled--> RUN_CANCELED"] = async (upstash, _, sdk, _) =>
        {
            var run = upstash.AddRun(new Uri(sdk.BaseAddress, "wf").AbsoluteUri);
            await upstash.CreateClient().Runs.CancelWorkflowRunAsync(run, TestContext.Token);
            return run;
        },
        ["RUN_STARTED --Failed--> RUN_FAILED"] = async (upstash, _, _, failing) =>
            (await upstash.CreateClient().Runs.TriggerWorkflowAsync(new Uri(failing.BaseAddress, "wf"), options: new TriggerWorkflowOptions { Retries = 0 }, cancellationToken: TestContext.Token)).WorkflowRunId,
    };

    public static TheoryData<string> Rows => [.. RunLifecycle.Table.Select(t => t.ToString())];

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task Each_transition_is_run_by_its_scenario_and_leaves_the_run_in_its_state(string row)
    {
        var transition = RunLifecycle.Table.Single(t => t.ToString() == row);
        Assert.True(Scenarios.TryGetValue(row, out var scenario), $"no scenario runs {row}");
        var clock = new FakeTimeProvider(Start);
        await using var sdk = await SdkEndpointAsync();
        await using var failing = await RecordingServer.StartAsync(RecordingServer.Json(500, """{"error":"down"}"""));
        await using var upstash = await UpstashWorkflowEmulator.StartAsync(new UpstashWorkflowEmulatorOptions { TimeProvider = clock });

        var run = await scenario(upstash, clock, sdk, failing);
        await upstash.DeliveriesCompletedAsync();

        Assert.Contains(transition, upstash.Transitions);
        Assert.Equal(transition.To, upstash.RunState(run));
    }

    [Fact]
    public void Every_transition_has_a_scenario_and_the_maintainers_page_shows_the_table()
    {
        var covered = RunLifecycle.Table.Count(t => Scenarios.ContainsKey(t.ToString()));
        reporter.Say($"Run lifecycle: {RunLifecycle.Table.Count} transitions, {covered} run by tests");

        Assert.Equal(RunLifecycle.Table.Select(t => t.ToString()).Order(), Scenarios.Keys.Order());
        var page = File.ReadAllText(Path.Combine(Repository.Root, "docs", "maintaining", "engine.md")).ReplaceLineEndings("\n");
        Assert.True(page.Contains(RunLifecycle.Markdown(), StringComparison.Ordinal),
            "docs/maintaining/engine.md does not show the table as the code has it; replace its table with:\n" + RunLifecycle.Markdown());
    }

    [Fact]
    public async Task A_seeded_failure_calls_its_callback_and_retries_it_as_a_driven_one_does()
    {
        var clock = new FakeTimeProvider(Start);
        var answers = new Queue<int>([500, 200]);
        await using var callback = await RecordingServer.StartAsync(context =>
        {
            context.Response.StatusCode = answers.Dequeue();
            return Task.CompletedTask;
        });
        await using var upstash = await UpstashWorkflowEmulator.StartAsync(new UpstashWorkflowEmulatorOptions { TimeProvider = clock });
        using var client = upstash.CreateClient();
        var run = await client.Runs.TriggerWorkflowAsync(new Uri("https://shop.example/wf"),
            options: new TriggerWorkflowOptions { FailureCallback = new Uri(callback.BaseAddress, "failed"), Retries = 1 }, cancellationToken: TestContext.Token);

        var dlqId = await upstash.FailRunAsync(run.WorkflowRunId);
        var retrying = (await client.Dlq.GetFailedRunAsync(dlqId, TestContext.Token)).FailureFunctionState;
        clock.Advance(TimeSpan.FromSeconds(13)); // the first retry's backoff: e^2.5 s
        await upstash.DeliveriesCompletedAsync();

        Assert.Equal(FailureFunctionState.CallbackInprogress, retrying);
        Assert.Equal([500, 200], upstash.Deliveries.Select(d => d.Status));
        Assert.Equal(["0", "1"], upstash.Deliveries.Select(d => d.Headers["Upstash-Retried"]));
        Assert.Equal(FailureFunctionState.CallbackSuccess, (await client.Dlq.GetFailedRunAsync(dlqId, TestContext.Token)).FailureFunctionState);
    }

    [Fact]
    public async Task A_wait_ends_by_its_timer_alone_so_reading_after_its_deadline_changes_nothing()
    {
        // A clock whose time moves but whose timers never fire: a read past the deadline must not end the wait itself.
        var clock = new MovingClock(Start);
        await using var upstash = await UpstashWorkflowEmulator.StartAsync(new UpstashWorkflowEmulatorOptions { TimeProvider = clock });
        using var client = upstash.CreateClient();
        var run = upstash.AddRun("https://shop.example/wf");
        upstash.AddWaiter("approved", run, TimeSpan.FromMinutes(1));

        clock.Now = Start.AddHours(1);

        Assert.Single(await client.Notify.ListWaitersAsync("approved", TestContext.Token));
        var wait = Assert.Single((await client.Logs.ListLogsAsync(filter: new RunLogFilter { WorkflowRunId = run }, cancellationToken: TestContext.Token)).Runs)
            .Steps.SelectMany(g => g.Steps).Single(s => s.StepType == "Wait");
        Assert.Equal(StepState.StepProgress, wait.State);
    }

    [Fact]
    public async Task A_timer_that_fires_after_its_run_ended_does_nothing()
    {
        var clock = new FakeTimeProvider(Start);
        await using var failing = await RecordingServer.StartAsync(RecordingServer.Json(500, "{}"));
        await using var upstash = await UpstashWorkflowEmulator.StartAsync(new UpstashWorkflowEmulatorOptions { TimeProvider = clock });
        using var client = upstash.CreateClient();
        var run = await client.Runs.TriggerWorkflowAsync(new Uri(failing.BaseAddress, "wf"), options: new TriggerWorkflowOptions { Retries = 3 }, cancellationToken: TestContext.Token);
        await upstash.DeliveriesCompletedAsync();

        await client.Runs.CancelWorkflowRunAsync(run.WorkflowRunId, TestContext.Token);
        clock.Advance(TimeSpan.FromDays(1));
        await upstash.DeliveriesCompletedAsync();

        Assert.Single(upstash.Deliveries);
        Assert.Equal(WorkflowRunState.RunCanceled, upstash.RunState(run.WorkflowRunId));
        var logged = Assert.Single((await client.Logs.ListLogsAsync(filter: new RunLogFilter { WorkflowRunId = run.WorkflowRunId }, cancellationToken: TestContext.Token)).Runs);
        Assert.DoesNotContain(logged.Steps, g => g.Type == "next");
    }

    private sealed class MovingClock(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = start;

        public override DateTimeOffset GetUtcNow() => Now;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) => new Silent();

        private sealed class Silent : ITimer
        {
            public bool Change(TimeSpan dueTime, TimeSpan period) => true;

            public void Dispose()
            {
            }

            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }
    }
}
