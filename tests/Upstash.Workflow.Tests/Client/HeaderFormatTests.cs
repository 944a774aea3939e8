using Upstash.Workflow.TestSupport;

namespace Upstash.Workflow.Tests.Client;

/// <summary>Typed values on the wire (options objects, flow control, durations, times, URLs), and the checks that refuse bad values before sending.</summary>
public sealed class HeaderFormatTests
{
    private const string Restarted = """{ "workflowRunId": "wfr_1", "workflowCreatedAt": 1725323658779 }""";

    [Theory]
    [InlineData(0, "0s")]
    [InlineData(10, "10s")]
    [InlineData(90, "90s")]
    [InlineData(300, "5m")]
    [InlineData(5400, "90m")]
    [InlineData(7200, "2h")]
    [InlineData(86400, "1d")]
    [InlineData(86401, "86401s")]
    public void Durations_are_exact(int seconds, string expected) => Assert.Equal(expected, Core.WorkflowDuration.Format(TimeSpan.FromSeconds(seconds)));

    [Fact]
    public void Durations_that_would_lose_precision_or_are_negative_are_refused()
    {
        Assert.Equal("value", Assert.Throws<ArgumentOutOfRangeException>(() => Core.WorkflowDuration.Format(TimeSpan.FromMilliseconds(1500))).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => Core.WorkflowDuration.Format(TimeSpan.FromSeconds(-1)));
    }

    [Fact]
    public void Flow_control_value_lists_the_given_parts()
    {
        Assert.Equal("parallelism=3, rate=10, period=1m", new WorkflowFlowControl("billing", parallelism: 3, rate: 10, period: TimeSpan.FromMinutes(1)).Value);
        Assert.Equal("rate=5", new WorkflowFlowControl("k", rate: 5).Value);
        Assert.Equal("parallelism=1", new WorkflowFlowControl("k", parallelism: 1).Value);
    }

    [Fact]
    public void Flow_control_refuses_what_the_service_would()
    {
        Assert.Equal("parallelism", Assert.Throws<ArgumentException>(() => new WorkflowFlowControl("k")).ParamName);
        Assert.Equal("key", Assert.Throws<ArgumentException>(() => new WorkflowFlowControl(" ", parallelism: 1)).ParamName);
        Assert.Equal("key", Assert.Throws<ArgumentException>(() => new WorkflowFlowControl("a\nb", parallelism: 1)).ParamName);
        Assert.Equal("parallelism", Assert.Throws<ArgumentOutOfRangeException>(() => new WorkflowFlowControl("k", parallelism: 0)).ParamName);
        Assert.Equal("rate", Assert.Throws<ArgumentOutOfRangeException>(() => new WorkflowFlowControl("k", rate: -1)).ParamName);
        Assert.Equal("period", Assert.Throws<ArgumentOutOfRangeException>(() => new WorkflowFlowControl("k", period: TimeSpan.Zero)).ParamName);
    }

    [Fact]
    public void Retry_delays_are_expressions_of_whole_milliseconds()
    {
        Assert.Equal("1500", WorkflowRetryDelay.Fixed(TimeSpan.FromMilliseconds(1500)).Expression);
        Assert.Equal("pow(2, retried) * 1000", WorkflowRetryDelay.Exponential(TimeSpan.FromSeconds(1)).Expression);
        Assert.Equal("min(300000, pow(2, retried) * 1000)", WorkflowRetryDelay.Exponential(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5)).Expression);
        Assert.Equal("1000 * (1 + retried)", WorkflowRetryDelay.FromExpression("1000 * (1 + retried)").ToString());
    }

    [Fact]
    public void Retry_delays_refuse_what_would_not_arrive_as_meant()
    {
        Assert.Equal("delay", Assert.Throws<ArgumentOutOfRangeException>(() => WorkflowRetryDelay.Fixed(TimeSpan.FromMilliseconds(-1))).ParamName);
        Assert.Equal("delay", Assert.Throws<ArgumentOutOfRangeException>(() => WorkflowRetryDelay.Fixed(TimeSpan.FromTicks(15_000))).ParamName);
        Assert.Equal("first", Assert.Throws<ArgumentOutOfRangeException>(() => WorkflowRetryDelay.Exponential(TimeSpan.Zero)).ParamName);
        Assert.Equal("longest", Assert.Throws<ArgumentOutOfRangeException>(() => WorkflowRetryDelay.Exponential(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1))).ParamName);
        Assert.Equal("expression", Assert.Throws<ArgumentException>(() => WorkflowRetryDelay.FromExpression(" ")).ParamName);
        Assert.Equal("expression", Assert.Throws<ArgumentException>(() => WorkflowRetryDelay.FromExpression("1000\n")).ParamName);
        Assert.Equal("expression", Assert.Throws<ArgumentException>(() => WorkflowRetryDelay.FromExpression(new string('1', 257))).ParamName);
    }

    [Fact]
    public async Task A_selection_of_runs_is_sent_as_ids_at_their_creation_times_and_refused_when_empty()
    {
        await using var server = await RecordingServer.StartAsync(RecordingServer.Json(200, """{ "runs": [] }"""));
        using var client = Clients.For(server);
        var created = DateTimeOffset.FromUnixTimeMilliseconds(1725323658779);

        await client.Logs.ListLogsAsync(filter: new RunLogFilter { WorkflowRuns = new() { { "wfr_a", created }, { "wfr_b", created.AddSeconds(1) } } }, cancellationToken: TestContext.Token);

        Assert.Equal("/v2/workflows/logs?workflowRuns=wfr_a%401725323658779%2Cwfr_b%401725323659779", Assert.Single(server.Requests).RawTarget);
        var empty = await Assert.ThrowsAsync<ArgumentException>(() => client.Logs.ListLogsAsync(filter: new RunLogFilter { WorkflowRuns = new() }, cancellationToken: TestContext.Token));
        Assert.Equal("filter.WorkflowRuns", empty.ParamName);
        Assert.Single(server.Requests);
        Assert.Equal("workflowRunId", Assert.Throws<ArgumentException>(() => new WorkflowRunSelection { { "a,b", created } }).ParamName);
        Assert.Equal("createdAt", Assert.Throws<ArgumentOutOfRangeException>(() => new WorkflowRunSelection { { "a", DateTimeOffset.UnixEpoch.AddTicks(-1) } }).ParamName);
    }

    [Fact]
    public async Task Trigger_options_send_times_in_seconds_and_forwarded_headers_by_prefix()
    {
        await using var server = await RecordingServer.StartAsync(RecordingServer.Json(200, Restarted));
        using var client = Clients.For(server);

        await client.Runs.TriggerWorkflowAsync(new Uri("https://shop.example/api/workflow"), options: new TriggerWorkflowOptions
        {
            WorkflowRunId = "wfr_order-42",
            NotBefore = new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.FromHours(1)),
            ForwardHeaders = new Dictionary<string, string> { ["Tenant"] = "acme" },
        }, cancellationToken: TestContext.Token);

        var request = Assert.Single(server.Requests);
        Assert.Equal("/v2/trigger/https%3A%2F%2Fshop.example%2Fapi%2Fworkflow", request.RawTarget);
        Assert.Equal("wfr_order-42", request.Header("Upstash-Workflow-RunId"));
        Assert.Equal("1796108400", request.Header("Upstash-Not-Before"));
        Assert.Equal("acme", request.Header("Upstash-Forward-Tenant"));
    }

    [Fact]
    public async Task Filters_send_times_as_unix_milliseconds_and_lists_once_per_value()
    {
        await using var server = await RecordingServer.StartAsync(RecordingServer.Json(200, """{ "messages": [] }"""));
        using var client = Clients.For(server);

        await client.Dlq.ListFailedRunsAsync(filter: new FailedRunFilter
        {
            FromDate = DateTimeOffset.FromUnixTimeMilliseconds(1_725_323_658_779),
            Labels = ["nightly", "billing"],
            FailureFunctionStates = [FailureFunctionState.CallbackFail],
        }, cancellationToken: TestContext.Token);

        var request = Assert.Single(server.Requests);
        Assert.Equal("/v2/workflows/dlq?fromDate=1725323658779&label=nightly&label=billing&failureFunctionState=CALLBACK_FAIL", request.RawTarget);
    }

    public static TheoryData<string, Func<UpstashWorkflowClient, Task>> BadOptions => new()
    {
        { "options.Labels", c => c.Dlq.RestartWorkflowAsync("dlq-1", new RestartWorkflowOptions { Labels = ["a,b"] }) },
        { "options.Labels", c => c.Dlq.RestartWorkflowAsync("dlq-1", new RestartWorkflowOptions { Labels = [] }) },
        { "options.Delay", c => c.Dlq.RestartWorkflowAsync("dlq-1", new RestartWorkflowOptions { Delay = TimeSpan.FromMilliseconds(1500) }) },
        { "options.Delay", c => c.Dlq.RestartWorkflowAsync("dlq-1", new RestartWorkflowOptions { Delay = TimeSpan.FromSeconds(-1) }) },
        { "options.FailureCallback", c => c.Dlq.RestartWorkflowAsync("dlq-1", new RestartWorkflowOptions { FailureCallback = new Uri("/relative", UriKind.Relative) }) },
        { "options.FailureCallback", c => c.Dlq.RestartWorkflowAsync("dlq-1", new RestartWorkflowOptions { FailureCallback = new Uri("ftp://shop.example/") }) },
        { "options.NotBefore", c => c.Runs.TriggerWorkflowAsync(new Uri("https://shop.example/w"), options: new TriggerWorkflowOptions { NotBefore = new DateTimeOffset(1969, 12, 31, 0, 0, 0, TimeSpan.Zero) }) },
        { "options.NotBefore", c => c.Runs.TriggerWorkflowAsync(new Uri("https://shop.example/w"), options: new TriggerWorkflowOptions { NotBefore = DateTimeOffset.FromUnixTimeMilliseconds(1_725_323_658_779) }) },
        { "filter.FromDate", c => c.Dlq.ListFailedRunsAsync(filter: new FailedRunFilter { FromDate = DateTimeOffset.MinValue }) },
        { "limits.Period", c => c.FlowControl.PinFlowControlKeyAsync("k", new FlowControlLimits { Period = TimeSpan.FromMilliseconds(500) }) },
        { "limits.Period", c => c.FlowControl.PinFlowControlKeyAsync("k", new FlowControlLimits { Period = TimeSpan.Zero }) },
        { "workflowUrl", c => c.Runs.TriggerWorkflowAsync(new Uri("shop.example/w", UriKind.Relative)) },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public async Task Bad_option_values_and_options_a_call_does_not_take_are_refused_unsent(string parameter, Func<UpstashWorkflowClient, Task> call)
    {
        await using var server = await RecordingServer.StartAsync(RecordingServer.Json(200, Restarted));
        using var client = Clients.For(server);

        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => call(client));

        Assert.Equal(parameter, error.ParamName);
        Assert.Empty(server.Requests);
    }

    [Theory]
    [InlineData("a\r\nX-Injected: 1")]
    [InlineData("a\nb")]
    [InlineData("a\0b")]
    [InlineData("a\u007Fb")]
    [InlineData("caf\u00E9")]
    public async Task Header_values_with_control_or_non_ascii_characters_are_refused_unsent(string value)
    {
        await using var server = await RecordingServer.StartAsync(RecordingServer.Json(200, Restarted));
        using var client = Clients.For(server);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.Dlq.RestartWorkflowAsync("dlq-1", new RestartWorkflowOptions { Labels = [value] }, TestContext.Token));

        Assert.Equal("options.Labels", error.ParamName);
        Assert.Empty(server.Requests);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("\t")]
    [InlineData(".")]
    [InlineData("..")]
    public async Task Empty_blank_or_dot_ids_are_refused_unsent(string dlqId)
    {
        await using var server = await RecordingServer.StartAsync(RecordingServer.Json(200, Restarted));
        using var client = Clients.For(server);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.Dlq.RestartWorkflowAsync(dlqId, cancellationToken: TestContext.Token));

        Assert.Equal("dlqId", error.ParamName);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public void Date_parameters_are_rfc_3339_whatever_the_culture()
    {
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("ar-SA");
        try
        {
            var at = new DateTimeOffset(2026, 3, 1, 12, 30, 0, TimeSpan.FromHours(1));
            Assert.Equal("2026-03-01T12:30:00.0000000+01:00", Core.RequestGuard.DateTimeText(at));
            Assert.Equal("2026-03-01", Core.RequestGuard.DateText(at));
            Assert.Equal("", Core.RequestGuard.DateTimeText(null));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }
}
