using Upstash.Workflow.Authentication;
using Upstash.Workflow.TestSupport.Operations;
using Upstash.Workflow.IntegrationTests.Support;
using Upstash.Workflow.TestSupport;
using Upstash.Workflow.TestSupport.Generation;

namespace Upstash.Workflow.IntegrationTests.Contract;

/// <summary>
/// Every request the client sends for the spec's operations passes Prism's validation of the effective
/// spec (zero <c>sl-violations</c>), in both auth modes, and Prism's answers deserialize.
/// </summary>
[Collection(PrismCollection.Name)]
public sealed class PrismContractTests(PrismFixture prism)
{
    [SkippableTheory]
    [InlineData(UpstashAuthMode.BearerHeader)]
    [InlineData(UpstashAuthMode.QueryToken)]
    public async Task Restart_with_every_override_passes_validation(UpstashAuthMode mode)
    {
        using var client = Client(mode);
        var flow = new WorkflowFlowControl("billing", parallelism: 3, rate: 10, period: TimeSpan.FromMinutes(1));

        var result = await client.Dlq.RestartWorkflowAsync(
            "1725323658779-0",
            new RestartWorkflowOptions
            {
                Retries = 3,
                Delay = TimeSpan.FromSeconds(10),
                RetryDelay = WorkflowRetryDelay.FromExpression("1000 * pow(2, retried)"),
                FlowControl = flow,
                Labels = ["nightly", "billing"],
                FailureCallback = new Uri("https://example.com/failed"),
            },
            TestContext.Token);

        Assert.NotNull(result.WorkflowRunId);
        Assert.True(result.WorkflowCreatedAt >= DateTimeOffset.UnixEpoch);
        AssertNoViolations("POST /v2/workflows/dlq/restart/1725323658779-0");
    }

    [SkippableTheory]
    [MemberData(nameof(OperationCases.Keys), MemberType = typeof(OperationCases))]
    public async Task Every_operation_passes_validation(string key)
    {
        var @case = OperationCases.Get(key);
        using var client = Client(UpstashAuthMode.BearerHeader);
        var before = prism.Exchanges.Count;

        await @case.Call(client, TestContext.Token);

        var mine = prism.Exchanges.Skip(before).Where(e => e.Authenticated && e.Request.StartsWith(@case.Method + " ", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(mine);
        Assert.All(mine, e => Assert.True(e.Violations is null, $"Prism found violations in {e.Request}: {e.Violations}"));
    }

    [SkippableFact]
    public async Task Restart_with_no_overrides_passes_validation()
    {
        using var client = Client(UpstashAuthMode.BearerHeader);
        await client.Dlq.RestartWorkflowAsync("dlq id/with?odd%chars", cancellationToken: TestContext.Token);
        AssertNoViolations("POST /v2/workflows/dlq/restart/dlq%20id%2Fwith%3Fodd%25chars");
    }

    [SkippableFact]
    public async Task Call_without_credentials_gets_prisms_401_as_unauthorized()
    {
        Skip.If(prism.Unavailable is not null, prism.Unavailable);
        using var handler = prism.Recorder(new SocketsHttpHandler(), authenticated: false);
        var dlq = new DlqClient(new Core.ClientCore(UpstashWorkflowJsonContext.Default, handler, prism.BaseAddress));

        var error = await Assert.ThrowsAsync<UnauthorizedException>(() => dlq.RestartWorkflowAsync("dlq-1", cancellationToken: TestContext.Token));

        Assert.Equal(401, error.StatusCode);
        var exchange = Assert.Single(prism.Exchanges, e => e.Request == "POST /v2/workflows/dlq/restart/dlq-1" && e.Status == 401);
        Assert.Contains("security", exchange.Violations, StringComparison.OrdinalIgnoreCase);
    }

    private UpstashWorkflowClient Client(UpstashAuthMode mode)
    {
        Skip.If(prism.Unavailable is not null, prism.Unavailable);
        return new UpstashWorkflowClient(new UpstashWorkflowClientOptions
        {
            BaseAddress = prism.BaseAddress, Token = Clients.Token, AuthMode = mode, Transport = prism.Recorder(new SocketsHttpHandler { AllowAutoRedirect = false }),
        });
    }

    private void AssertNoViolations(string request)
    {
        var exchanges = prism.Exchanges.Where(e => e.Request == request && e.Authenticated).ToList();
        Assert.NotEmpty(exchanges);
        Assert.All(exchanges, e => Assert.True(e.Violations is null, $"Prism found violations in {e.Request}: {e.Violations}"));
    }
}
