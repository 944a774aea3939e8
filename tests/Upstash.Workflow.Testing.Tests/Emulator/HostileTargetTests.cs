using Upstash.Workflow.TestSupport.Emulator;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Http;
using Upstash.Workflow.Testing;
using Upstash.Workflow.TestSupport;
using Upstash.Workflow.Testing.Tests.Support;

namespace Upstash.Workflow.Testing.Tests.Emulator;

/// <summary>
/// The endpoints the emulator delivers to answer as they like: an answer is read only up to its cap, a forwarded
/// header cannot pass for one of the service's, only http and https are called, and each failed delivery says why.
/// </summary>
public sealed class HostileTargetTests
{
    private static readonly Uri Elsewhere = new("https://shop.example/api/workflow");

    [Fact]
    public async Task An_answer_is_read_up_to_the_cap_and_no_further()
    {
        // Four megabytes, sent slowly: a delivery that read them all would end after the last.
        var sentAll = false;
        await using var workflow = await RecordingServer.StartAsync(async context =>
        {
            context.Response.StatusCode = 500;
            var chunk = new byte[64 * 1024];
            Array.Fill(chunk, (byte)'x');
            try
            {
                for (var i = 0; i < 64; i++)
                {
                    await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
                    await context.Response.Body.FlushAsync(context.RequestAborted);
                    await Task.Delay(20, context.RequestAborted);
                }
                sentAll = true;
            }
            catch (Exception e) when (e is OperationCanceledException or IOException)
            {
                // The emulator stopped reading and closed the connection.
            }
        });
        var options = new UpstashWorkflowEmulatorOptions { MaxAnswerSize = 1000 };
        await using var upstash = await UpstashWorkflowEmulator.StartAsync(options, TestContext.Token);
        using var client = upstash.CreateClient();

        await client.Runs.TriggerWorkflowAsync(new Uri(workflow.BaseAddress, "wf"), options: new TriggerWorkflowOptions { Retries = 0 }, cancellationToken: TestContext.Token);
        await upstash.DeliveriesCompletedAsync();

        Assert.False(sentAll, "the delivery ended after the whole answer was sent: it read past the cap");
        var failed = await client.Dlq.GetFailedRunAsync(Assert.Single(upstash.FailedRunIds), TestContext.Token);
        Assert.Equal(new string('x', 1000), failed.ResponseBody);
        Assert.StartsWith("answered 500 Internal Server Error: xxx", Assert.Single(upstash.Deliveries).Failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forwarded_headers_do_not_overwrite_the_services_own()
    {
        await using var workflow = await RecordingServer.StartAsync(context => { context.Response.StatusCode = 500; return Task.CompletedTask; });
        await using var callback = await RecordingServer.StartAsync(_ => Task.CompletedTask);
        await using var upstash = await UpstashWorkflowEmulator.StartAsync();
        using var http = new HttpClient { BaseAddress = upstash.BaseAddress };

        // Sent as raw HTTP: the forwarded names are what an attacker, not this client, would choose.
        using var trigger = new HttpRequestMessage(HttpMethod.Post, "v2/trigger/" + new Uri(workflow.BaseAddress, "wf")) { Content = new StringContent("{}") };
        trigger.Headers.Authorization = new("Bearer", upstash.Token);
        trigger.Headers.TryAddWithoutValidation("Upstash-Failure-Callback", new Uri(callback.BaseAddress, "failed").AbsoluteUri);
        trigger.Headers.TryAddWithoutValidation("Upstash-Retries", "0");
        trigger.Headers.TryAddWithoutValidation("Upstash-Forward-Upstash-Workflow-RunId", "wfr_spoofed");
        trigger.Headers.TryAddWithoutValidation("Upstash-Forward-Host", "evil.example");
        trigger.Headers.TryAddWithoutValidation("Upstash-Forward-Upstash-Signature", "forged");
        trigger.Headers.TryAddWithoutValidation("Upstash-Forward-X-Tenant", "acme");
        trigger.Headers.TryAddWithoutValidation("Upstash-Failure-Callback-Forward-Upstash-Workflow-Is-Failure", "false");
        trigger.Headers.TryAddWithoutValidation("Upstash-Failure-Callback-Forward-Content-Length", "1");
        var answer = await http.SendAsync(trigger, TestContext.Token);
        answer.EnsureSuccessStatusCode();
        await upstash.DeliveriesCompletedAsync();

        var runId = upstash.Deliveries[0].WorkflowRunId;
        var step = Assert.Single(workflow.Requests);
        Assert.Equal((runId, workflow.BaseAddress.Authority, "acme"), (step.Header("Upstash-Workflow-RunId"), step.Header("Host"), step.Header("X-Tenant")));
        new UpstashSignatureVerifier(upstash.SigningKeys.Current).Verify(step.Header("Upstash-Signature"), Encoding.UTF8.GetBytes(step.Body));
        var failure = Assert.Single(callback.Requests);
        Assert.Equal("true", failure.Header("Upstash-Workflow-Is-Failure"));
        Assert.StartsWith("wfr_", runId, StringComparison.Ordinal);
        Assert.NotEqual("wfr_spoofed", runId);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5000/failed", true)]
    [InlineData("https://localhost/failed", true)]
    [InlineData("http://tests.internal/failed", true)]
    [InlineData("ftp://127.0.0.1/failed", false)]
    [InlineData("file:///etc/passwd", false)]
    [InlineData("ftp://tests.internal/failed", false)]
    [InlineData("https://shop.example/failed", false)]
    public void Only_http_and_https_to_loopback_or_allowed_hosts_are_called(string url, bool called)
    {
        // The API refuses other schemes (400), but a test's seeding does not; the rule that decides every delivery must.
        var options = new UpstashWorkflowEmulatorOptions { AllowedDeliveryHosts = { "tests.internal" } };
        using var sender = new DeliverySender(new EmulatorState(TimeProvider.System), options, new EmulatorLog(null));

        Assert.Equal(called, sender.Allowed(url));
    }

    [Fact]
    public async Task Every_failed_delivery_says_why()
    {
        // A port nobody listens on, an endpoint that never answers, and one whose signature check refuses.
        using var closed = new TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var refusedUrl = new Uri($"http://127.0.0.1:{((IPEndPoint)closed.LocalEndpoint).Port}/wf");
        closed.Stop();
        await using var hanging = await RecordingServer.StartAsync(context => Task.Delay(Timeout.Infinite, context.RequestAborted));
        await using var checking = await RecordingServer.StartAsync(async context =>
        {
            context.Response.StatusCode = 403;
            await context.Response.WriteAsync("The Upstash-Signature header does not prove this request comes from Upstash.");
        });
        await using var upstash = await UpstashWorkflowEmulator.StartAsync(new UpstashWorkflowEmulatorOptions { DeliveryTimeout = TimeSpan.FromMilliseconds(300) }, TestContext.Token);
        using var client = upstash.CreateClient();

        foreach (var url in new[] { refusedUrl, new Uri(hanging.BaseAddress, "wf"), new Uri(checking.BaseAddress, "wf") })
        {
            await client.Runs.TriggerWorkflowAsync(url, cancellationToken: TestContext.Token);
            await upstash.DeliveriesCompletedAsync();
        }

        var why = upstash.Deliveries.Select(d => (d.Status, d.Failure)).ToList();
        Assert.Equal(0, why[0].Status);
        Assert.StartsWith("no answer: Connection refused", why[0].Failure, StringComparison.Ordinal);
        Assert.Equal((0, "no answer within 0.3 s"), why[1]);
        Assert.Equal((403, "answered 403 Forbidden: The Upstash-Signature header does not prove this request comes from Upstash."), why[2]);
    }
}
