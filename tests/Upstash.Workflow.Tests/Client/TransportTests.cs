using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Upstash.Workflow.TestSupport;

namespace Upstash.Workflow.Tests.Client;

/// <summary>UpstashWorkflowClientOptions.Transport: what sends the requests, under the client's own handling.</summary>
public sealed class TransportTests
{
    /// <summary>Answers every request with a new run and keeps what it was given.</summary>
    private sealed class Answering : HttpMessageHandler
    {
        public List<HttpRequestMessage> Requests { get; } = [];

        public bool Disposed { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add(request);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("""{ "workflowRunId": "wfr_1", "workflowCreatedAt": 1 }""", System.Text.Encoding.UTF8, "application/json") });
        }

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            base.Dispose(disposing);
        }
    }

    [Fact]
    public async Task The_transport_gets_requests_with_the_token_and_stays_the_callers()
    {
        using var transport = new Answering();
        var options = new UpstashWorkflowClientOptions { Token = Clients.Token, Transport = transport };

        using (var client = new UpstashWorkflowClient(options))
        {
            await client.Dlq.RestartWorkflowAsync("dlq-1", cancellationToken: TestContext.Token);
        }
        Assert.False(transport.Disposed);
        using (var again = new UpstashWorkflowClient(options))
        {
            await again.Dlq.RestartWorkflowAsync("dlq-2", cancellationToken: TestContext.Token);
        }

        Assert.Equal(
            ["https://qstash.upstash.io/v2/workflows/dlq/restart/dlq-1", "https://qstash.upstash.io/v2/workflows/dlq/restart/dlq-2"],
            transport.Requests.Select(r => r.RequestUri!.AbsoluteUri));
        Assert.All(transport.Requests, r => Assert.Equal("Bearer " + Clients.Token, r.Headers.Authorization?.ToString()));
    }

    [Fact]
    public async Task A_transport_under_dependency_injection_is_the_primary_handlers_and_stays_the_callers()
    {
        using var transport = new Answering();
        var services = new ServiceCollection();
        services.AddUpstashWorkflowClient(o => (o.Token, o.Transport) = (Clients.Token, transport));

        await using (var provider = services.BuildServiceProvider())
        {
            var client = provider.GetRequiredService<UpstashWorkflowClient>();
            await client.Dlq.RestartWorkflowAsync("dlq-1", cancellationToken: TestContext.Token);
        }

        Assert.False(transport.Disposed);
        Assert.Equal("Bearer " + Clients.Token, Assert.Single(transport.Requests).Headers.Authorization?.ToString());
    }
}
