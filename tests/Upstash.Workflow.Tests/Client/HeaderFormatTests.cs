using Upstash.Workflow.Tests.Support;

namespace Upstash.Workflow.Tests.Client;

/// <summary>The typed header helpers, and the checks that refuse bad header and path values before sending.</summary>
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
    public void Durations_are_exact(int seconds, string expected) => Assert.Equal(expected, WorkflowDuration.Format(TimeSpan.FromSeconds(seconds)));

    [Fact]
    public void Durations_that_would_lose_precision_or_are_negative_are_refused()
    {
        Assert.Equal("value", Assert.Throws<ArgumentOutOfRangeException>(() => WorkflowDuration.Format(TimeSpan.FromMilliseconds(1500))).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => WorkflowDuration.Format(TimeSpan.FromSeconds(-1)));
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
    public void Labels_are_comma_joined_and_checked()
    {
        Assert.Equal("nightly,billing", WorkflowLabels.Join("nightly", "billing"));
        Assert.Throws<ArgumentException>(() => WorkflowLabels.Join("a,b"));
        Assert.Throws<ArgumentException>(() => WorkflowLabels.Join(""));
        Assert.Throws<ArgumentException>(() => WorkflowLabels.Join());
    }

    [Fact]
    public async Task Helpers_values_reach_the_wire_exactly()
    {
        await using var server = await RecordingServer.StartAsync(RecordingServer.Json(200, Restarted));
        using var client = Clients.For(server);
        var flow = new WorkflowFlowControl("billing", parallelism: 3, rate: 10, period: TimeSpan.FromMinutes(1));

        await client.Dlq.RestartWorkflowAsync("dlq-1",
            delay: WorkflowDuration.Format(TimeSpan.FromMinutes(5)),
            flowControlKey: flow.Key,
            flowControlValue: flow.Value,
            label: WorkflowLabels.Join("nightly", "billing"),
            cancellationToken: TestContext.Token);

        var request = Assert.Single(server.Requests);
        Assert.Equal("5m", request.Header("Upstash-Delay"));
        Assert.Equal("billing", request.Header("Upstash-Flow-Control-Key"));
        Assert.Equal("parallelism=3, rate=10, period=1m", request.Header("Upstash-Flow-Control-Value"));
        Assert.Equal("nightly,billing", request.Header("Upstash-Label"));
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

        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.Dlq.RestartWorkflowAsync("dlq-1", label: value, cancellationToken: TestContext.Token));

        Assert.Equal("label", error.ParamName);
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
