using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Upstash.Workflow.TestSupport;

namespace Upstash.Workflow.Tests.Receiving;

/// <summary>Upstash.Workflow.AspNetCore on Kestrel at 127.0.0.1: endpoints that take only what Upstash signed.</summary>
public sealed class SignedEndpointTests
{
    private const string Current = "sig_current_3pBSpnxmBJ9XUeC5d1qfWz";
    private const string Next = "sig_next_DVzB1wjE8S6rZ7eenA8Pdnhs";

    public sealed record Order(int OrderId);

    private sealed class App : IAsyncDisposable
    {
        public required WebApplication Web { get; init; }
        public required HttpClient Http { get; init; }
        public required CapturingLoggerProvider Logs { get; init; }
        /// <summary>What the endpoints were called with, in order.</summary>
        public required List<string> Handled { get; init; }

        public async ValueTask DisposeAsync()
        {
            Http.Dispose();
            await Web.DisposeAsync();
        }
    }

    private static async Task<App> StartAsync(Dictionary<string, string?>? configuration = null, Action<WebApplication, List<string>>? map = null)
    {
        var logs = new CapturingLoggerProvider();
        var handled = new List<string>();
        var (web, address) = await LoopbackApp.StartAsync(
            builder =>
            {
                builder.Configuration.AddInMemoryCollection(configuration ?? new() { ["Upstash:CurrentSigningKey"] = Current, ["Upstash:NextSigningKey"] = Next });
                builder.Logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace);
                builder.Services.AddUpstashSignatureVerification(builder.Configuration.GetSection("Upstash"));
            },
            web => (map ?? MapDefault)(web, handled));
        return new App { Web = web, Http = new HttpClient { BaseAddress = address }, Logs = logs, Handled = handled };

        static void MapDefault(WebApplication web, List<string> handled)
        {
            // A typed body, bound by the framework after the check read the raw bytes.
            web.MapPost("/api/order", (Order order) => { handled.Add($"order {order.OrderId}"); return Results.Ok(); }).RequireUpstashSignature();
            var group = web.MapGroup("/steps").RequireUpstashSignature();
            group.MapPost("/{name}", async (string name, HttpRequest request) => { handled.Add($"{name}: {await new StreamReader(request.Body).ReadToEndAsync()}"); });
            web.MapPost("/open", () => { handled.Add("open"); });
        }
    }

    private static HttpRequestMessage Signed(App app, string path, string body, string? key = Current, string? signedBody = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (key is not null)
        {
            request.Headers.Add("Upstash-Signature", UpstashSignatureVerifier.Sign(key, Encoding.UTF8.GetBytes(signedBody ?? body), new Uri(app.Http.BaseAddress!, path)));
        }
        return request;
    }

    [Fact]
    public async Task A_signed_request_reaches_the_endpoint_with_its_body_bound()
    {
        await using var app = await StartAsync();

        var order = await app.Http.SendAsync(Signed(app, "/api/order", """{"orderId":42}"""), TestContext.Token);
        var step = await app.Http.SendAsync(Signed(app, "/steps/charge", "charge it", Next), TestContext.Token);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (order.StatusCode, step.StatusCode));
        Assert.Equal(["order 42", "charge: charge it"], app.Handled);
    }

    [Fact]
    public async Task Unsigned_forged_and_tampered_requests_are_refused_before_the_endpoint_runs()
    {
        await using var app = await StartAsync();

        var unsigned = await app.Http.SendAsync(Signed(app, "/api/order", """{"orderId":1}""", key: null), TestContext.Token);
        var forged = await app.Http.SendAsync(Signed(app, "/api/order", """{"orderId":2}""", key: "sig_guessed"), TestContext.Token);
        var tampered = await app.Http.SendAsync(Signed(app, "/api/order", """{"orderId":3}""", signedBody: """{"orderId":4}"""), TestContext.Token);
        var open = await app.Http.SendAsync(Signed(app, "/open", "{}", key: null), TestContext.Token);
        var accepted = await app.Http.SendAsync(Signed(app, "/api/order", """{"orderId":5}"""), TestContext.Token);

        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        Assert.Equal("This endpoint takes only requests signed by Upstash: the Upstash-Signature header is missing.", await unsigned.Content.ReadAsStringAsync(TestContext.Token));
        // Every 403 says the same, and nothing of why: that is for the log.
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, tampered.StatusCode);
        Assert.Equal("The Upstash-Signature header does not prove this request comes from Upstash.", await forged.Content.ReadAsStringAsync(TestContext.Token));
        Assert.Equal("The Upstash-Signature header does not prove this request comes from Upstash.", await tampered.Content.ReadAsStringAsync(TestContext.Token));
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (open.StatusCode, accepted.StatusCode));
        Assert.Equal(["open", "order 5"], app.Handled);
        // The log says what was refused and why, and holds no key, token or body.
        var log = string.Join("\n", app.Logs.Lines);
        Assert.Contains("Refused POST /api/order: not signed by Upstash (InvalidSignature). Not accepted as sent by Upstash: it is signed with neither signing key.", log, StringComparison.Ordinal);
        Assert.Contains("Refused POST /api/order: not signed by Upstash (WrongBody). Not accepted as sent by Upstash: the body is not the one that was signed.", log, StringComparison.Ordinal);
        Assert.DoesNotContain(Current, log, StringComparison.Ordinal);
        Assert.DoesNotContain("orderId", log, StringComparison.Ordinal);
        Assert.DoesNotContain("eyJ", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failure_callback_endpoint_hands_over_the_typed_callback()
    {
        var received = new List<WorkflowFailureCallback>();
        await using var app = await StartAsync(map: (web, _) => web.MapUpstashFailureCallback("/failed", (callback, _) => { received.Add(callback); return Task.CompletedTask; }));

        var ok = await app.Http.SendAsync(Signed(app, "/failed", """{ "status": 500, "dlqId": "d1", "workflowRunId": "wfr_1", "createdAt": "1725323658779" }"""), TestContext.Token);
        var forged = await app.Http.SendAsync(Signed(app, "/failed", """{ "status": 500, "dlqId": "d2" }""", key: "sig_guessed"), TestContext.Token);
        // Signed by Upstash, but no failure callback: a body meant for another endpoint of the account.
        var notAnObject = await app.Http.SendAsync(Signed(app, "/failed", "[]"), TestContext.Token);
        var empty = await app.Http.SendAsync(Signed(app, "/failed", "{}"), TestContext.Token);
        var aStep = await app.Http.SendAsync(Signed(app, "/failed", """{ "orderId": 42 }"""), TestContext.Token);
        var wrongType = await app.Http.SendAsync(Signed(app, "/failed", """{ "dlqId": "d3", "status": "failed" }"""), TestContext.Token);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Forbidden), (ok.StatusCode, forged.StatusCode));
        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest], new[] { notAnObject, empty, aStep, wrongType }.Select(r => r.StatusCode));
        Assert.Equal("Not a failure callback: The body names neither a workflowRunId nor a dlqId.", await empty.Content.ReadAsStringAsync(TestContext.Token));
        var callback = Assert.Single(received);
        Assert.Equal((500, "d1", "wfr_1"), (callback.Status, callback.DlqId, callback.WorkflowRunId));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1725323658779), callback.CreatedAt);
    }

    [Fact]
    public async Task Keys_changed_in_the_configuration_apply_to_the_next_request()
    {
        await using var app = await StartAsync();
        var configuration = (IConfigurationRoot)app.Web.Services.GetRequiredService<IConfiguration>();

        Assert.Equal(HttpStatusCode.OK, (await app.Http.SendAsync(Signed(app, "/steps/a", "x"), TestContext.Token)).StatusCode);
        configuration["Upstash:CurrentSigningKey"] = Next;
        configuration["Upstash:NextSigningKey"] = "sig_newer";
        configuration.Reload();

        Assert.Equal(HttpStatusCode.Forbidden, (await app.Http.SendAsync(Signed(app, "/steps/a", "x", Current), TestContext.Token)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Http.SendAsync(Signed(app, "/steps/a", "x", "sig_newer"), TestContext.Token)).StatusCode);
    }

    [Fact]
    public async Task Without_a_signing_key_the_application_does_not_start()
    {
        using var environment = new EnvironmentVariables(new Dictionary<string, string>());
        var error = await Assert.ThrowsAnyAsync<Exception>(() => StartAsync(configuration: []));
        Assert.Contains("No Upstash signing key: set CurrentSigningKey in the configuration section 'Upstash', or the environment variable QSTASH_CURRENT_SIGNING_KEY.", error.Message, StringComparison.Ordinal);
    }
}
