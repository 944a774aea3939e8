using System.Globalization;
using FsCheck.Xunit;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Upstash.Workflow.IntegrationTests.Contract;
using Upstash.Workflow.IntegrationTests.Support;
using Upstash.Workflow.TestSupport;
using Upstash.Workflow.TestSupport.Generation;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Upstash.Workflow.IntegrationTests.Reliability;

/// <summary>
/// Property-based bad input over the string and number inputs of the operations. Each property has a
/// model of the documented rule (<see cref="Refuses"/>): a case the model refuses must be refused with
/// an ArgumentException naming the parameter and nothing sent; every other case must reach the
/// recording server with its value exactly as given. So a guard that lets bad input through fails, and
/// so does one that refuses good input. Every 50th case that is sent is also sent to Prism, which must
/// find nothing wrong with it. The run prints how many cases it tried.
/// </summary>
[Collection(PrismCollection.Name)]
public sealed class BadInputProperties(PrismFixture prism, BadInputProperties.Bench bench) : IClassFixture<BadInputProperties.Bench>
{
    private static readonly (string Parameter, string Prefix, Func<UpstashWorkflowClient, string, Task> Call)[] PathOperations =
    [
        ("dlqId", "/v2/workflows/dlq/restart/", (c, id) => c.Dlq.RestartWorkflowAsync(id)),
        ("workflowRunId", "/v2/workflows/runs/", (c, id) => c.Runs.CancelWorkflowRunAsync(id)),
        ("flowControlKey", "/v2/flowControl/", (c, id) => c.FlowControl.GetFlowControlKeyAsync(id)),
        ("eventId", "/v2/waiters/", (c, id) => c.Notify.ListWaitersAsync(id)),
    ];

    [Property(MaxTest = 3000, Arbitrary = [typeof(BadInputs)])]
    public void Path_ids_arrive_exactly_or_are_refused_unsent(PathId id, byte which)
    {
        var (parameter, prefix, call) = PathOperations[which % PathOperations.Length];
        bench.Expect(prism, c => call(c, id.Value), parameter, Refuses.PathId(id.Value), request =>
        {
            Assert.StartsWith(prefix, request.RawTarget, StringComparison.Ordinal);
            var segment = request.RawTarget[prefix.Length..];
            Assert.DoesNotContain('/', segment);
            Assert.DoesNotContain('?', segment);
            Assert.Equal(id.Value, Uri.UnescapeDataString(segment));
        });
    }

    [Property(MaxTest = 2500, Arbitrary = [typeof(BadInputs)])]
    public void Header_values_arrive_exactly_or_are_refused_unsent(HeaderText value, bool asRetryDelay)
    {
        bench.Expect(prism,
            c => asRetryDelay
                ? c.Dlq.ResumeWorkflowAsync("dlq-1", new ResumeWorkflowOptions { RetryDelay = WorkflowRetryDelay.FromExpression(value.Value) })
                : c.Dlq.RestartWorkflowAsync("dlq-1", new RestartWorkflowOptions { Labels = [value.Value] }),
            asRetryDelay ? "expression" : "options.Labels",
            asRetryDelay ? Refuses.RetryDelayExpression(value.Value) : Refuses.Label(value.Value),
            request => Assert.Equal(value.Value, request.Header(asRetryDelay ? "Upstash-Retry-Delay" : "Upstash-Label")));
    }

    [Property(MaxTest = 1000)]
    public void Header_numbers_arrive_exactly(int retries, uint notBefore)
    {
        var options = new TriggerWorkflowOptions { NotBefore = DateTimeOffset.FromUnixTimeSeconds(notBefore), Retries = retries };
        bench.Expect(prism, c => c.Runs.TriggerWorkflowAsync(new Uri("https://example.com/w"), options: options), "-", refused: false, request =>
        {
            Assert.Equal(retries.ToString(CultureInfo.InvariantCulture), request.Header("Upstash-Retries"));
            Assert.Equal(notBefore.ToString(CultureInfo.InvariantCulture), request.Header("Upstash-Not-Before"));
        });
    }

    [Property(MaxTest = 1000)]
    public void Query_numbers_arrive_exactly_or_are_refused_outside_the_specs_bounds(int count, long fromDate)
    {
        // Any time from 1970 to the year 9999, to the millisecond.
        fromDate = Math.Abs(fromDate % (DateTimeOffset.MaxValue.ToUnixTimeMilliseconds() + 1));
        var filter = new FailedRunFilter { FromDate = DateTimeOffset.FromUnixTimeMilliseconds(fromDate) };
        bench.Expect(prism, c => c.Dlq.ListFailedRunsAsync(count: count, filter: filter), "count", Refuses.Count(count), request =>
        {
            var query = QueryHelpers.ParseQuery(new Uri(bench.Server.BaseAddress, request.RawTarget).Query);
            Assert.Equal(count.ToString(CultureInfo.InvariantCulture), query["count"].ToString());
            Assert.Equal(fromDate.ToString(CultureInfo.InvariantCulture), query["fromDate"].ToString());
        });
    }

    [Property(MaxTest = 1500, Arbitrary = [typeof(BadInputs)])]
    public void Query_list_values_arrive_exactly_or_are_refused_unsent(QueryText[] labels)
    {
        var values = labels.Select(l => l.Value).ToList();
        bench.Expect(prism, c => c.Dlq.ListFailedRunsAsync(filter: new FailedRunFilter { Labels = values }), "filter.Labels", Refuses.QueryList(values), request =>
        {
            var query = QueryHelpers.ParseQuery(new Uri(bench.Server.BaseAddress, request.RawTarget).Query);
            Assert.Equal(labels.Select(l => l.Value), query["label"].Select(v => v!));
        });
    }

    [Property(MaxTest = 1500, Arbitrary = [typeof(BadInputs)])]
    public void Durations_format_exactly_or_are_refused(TimeSpan value)
    {
        bench.Count();
        string text;
        try
        {
            text = Core.WorkflowDuration.Format(value);
        }
        catch (ArgumentOutOfRangeException e)
        {
            Assert.Equal("value", e.ParamName);
            Assert.True(Refuses.Duration(value), $"{value} is a whole, non-negative number of seconds, and was refused: {e.Message}");
            bench.Refused();
            return;
        }
        Assert.False(Refuses.Duration(value), $"{value} was formatted as '{text}'");
        Assert.Equal(value, ParseDuration(text));
    }

    [Property(MaxTest = 1000, Arbitrary = [typeof(BadInputs)])]
    public void Flow_control_values_say_exactly_what_was_given_or_are_refused(int? parallelism, int? rate, TimeSpan? period)
    {
        bench.Count();
        WorkflowFlowControl flow;
        try
        {
            flow = new WorkflowFlowControl("key", parallelism, rate, period);
        }
        catch (ArgumentException e)
        {
            Assert.Equal(Refuses.FlowControl(parallelism, rate, period), e.ParamName);
            bench.Refused();
            return;
        }
        Assert.Null(Refuses.FlowControl(parallelism, rate, period));
        var parts = flow.Value.Split(", ").Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1]);
        Assert.Equal(parallelism?.ToString(CultureInfo.InvariantCulture), parts.GetValueOrDefault("parallelism"));
        Assert.Equal(rate?.ToString(CultureInfo.InvariantCulture), parts.GetValueOrDefault("rate"));
        Assert.Equal(period, parts.TryGetValue("period", out var p) ? ParseDuration(p) : null);
    }

    private static TimeSpan ParseDuration(string text)
    {
        var amount = long.Parse(text[..^1], CultureInfo.InvariantCulture);
        return text[^1] switch
        {
            's' => TimeSpan.FromSeconds(amount),
            'm' => TimeSpan.FromMinutes(amount),
            'h' => TimeSpan.FromHours(amount),
            'd' => TimeSpan.FromDays(amount),
            _ => throw new FormatException(text),
        };
    }

    /// <summary>The recording server and clients shared by all cases, and the counts the run prints.</summary>
    public sealed class Bench : IDisposable
    {
        private readonly IMessageSink _sink;
        private readonly UpstashWorkflowClient _client;
        private int _tried, _sent, _refused, _prismChecked;

        public Bench(IMessageSink sink)
        {
            _sink = sink;
            Server = RecordingServer.StartAsync(async context =>
            {
                context.Response.ContentType = "application/json";
                // One object that is a full answer for every call these properties make.
                await context.Response.WriteAsync(context.Request.Path.StartsWithSegments("/v2/waiters") ? "[]"
                    : $$"""{ "workflowRunId": "wfr_1", "workflowCreatedAt": {{Answers.CreatedAt}}, "messages": [], "runs": [], "workflowRuns": [], "deleted": 0, "cancelled": 0, "flowControlKey": "k" }""");
            }).GetAwaiter().GetResult();
            _client = Clients.For(Server);
        }

        public RecordingServer Server { get; }

        public void Count() => Interlocked.Increment(ref _tried);

        public void Refused() => Interlocked.Increment(ref _refused);

        /// <summary>
        /// Runs one case: when <paramref name="refused"/>, an ArgumentException naming <paramref name="parameter"/>
        /// and nothing sent; otherwise one request, which <paramref name="check"/> reads.
        /// </summary>
        public void Expect(PrismFixture prism, Func<UpstashWorkflowClient, Task> call, string parameter, bool refused, Action<RecordedRequest> check)
        {
            Count();
            Server.Clear();
            if (refused)
            {
                var e = Assert.ThrowsAny<ArgumentException>(() => call(_client).GetAwaiter().GetResult());
                Assert.Equal(parameter, e.ParamName);
                Assert.Empty(Server.Requests);
                Assert.DoesNotContain(Clients.Token, Clients.Everything(e), StringComparison.Ordinal);
                Refused();
                return;
            }
            call(_client).GetAwaiter().GetResult();
            check(Assert.Single(Server.Requests));
            if (Interlocked.Increment(ref _sent) % 50 == 1 && prism.Unavailable is null)
            {
                Interlocked.Increment(ref _prismChecked);
                var before = prism.Exchanges.Count;
                var options = Options(prism.BaseAddress);
                options.Transport = prism.Recorder(new SocketsHttpHandler { AllowAutoRedirect = false });
                using var checkedByPrism = new UpstashWorkflowClient(options);
                call(checkedByPrism).GetAwaiter().GetResult();
                Assert.All(prism.Exchanges.Skip(before), e => Assert.True(e.Violations is null, $"Prism: {e.Violations}"));
            }
        }

        private static UpstashWorkflowClientOptions Options(Uri baseAddress) => new() { BaseAddress = baseAddress, Token = Clients.Token };

        public void Dispose()
        {
            _sink.OnMessage(new DiagnosticMessage(
                $"Bad input: {_tried} generated cases: {_sent} sent and received exactly as given, {_refused} refused before sending with the parameter named, " +
                $"{_tried - _sent - _refused} durations and flow-control values formatted exactly; {_prismChecked} of those sent also validated by Prism with no violations."));
            _client.Dispose();
            Server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }
}
