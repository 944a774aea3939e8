using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Upstash.Workflow.TestSupport;
using Upstash.Workflow.TestSupport.Receiving;

namespace Upstash.Workflow.Tests.Receiving;

/// <summary>
/// What anyone on the internet can send to a protected endpoint, over real sockets: refused cheaply, with a reason
/// in the log, never a 500 or a stack trace, the body unread when the header already says no.
/// </summary>
public sealed class HostileRequestTests(Reporter reporter) : IClassFixture<Reporter>
{
    private const string Key = "sig_current_3pBSpnxmBJ9XUeC5d1qfWz";

    private sealed record Alerts(List<string> Sent);

    private static async Task<(WebApplication Web, Uri Address, CapturingLoggerProvider Logs, List<string> Handled)> StartAsync(
        Dictionary<string, string?>? settings = null, Action<WebApplication, List<string>>? map = null)
    {
        var logs = new CapturingLoggerProvider();
        var handled = new List<string>();
        var (web, address) = await LoopbackApp.StartAsync(
            builder =>
            {
                builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Upstash:CurrentSigningKey"] = Key }.Concat(settings ?? []));
                builder.Logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace);
                builder.Services.AddUpstashSignatureVerification(builder.Configuration.GetSection("Upstash"));
                builder.Services.AddSingleton(new Alerts(handled));
                // Kestrel's own guard against slow bodies off: what answers here is the signature check alone.
                builder.WebHost.ConfigureKestrel(k => k.Limits.MinRequestBodyDataRate = null);
            },
            web => (map ?? ((w, h) => w.MapPost("/api/order", () => h.Add("order")).RequireUpstashSignature()))(web, handled));
        return (web, address, logs, handled);
    }

    [Theory]
    [InlineData("no signature", null, HttpStatusCode.Unauthorized)]
    [InlineData("a forged signature", "sig_guessed", HttpStatusCode.Forbidden)]
    public async Task A_request_the_header_refuses_is_answered_while_its_body_is_still_arriving(string @case, string? key, HttpStatusCode expected)
    {
        var (web, address, _, handled) = await StartAsync();
        await using var _ = web;
        using var socket = new TcpClient();
        await socket.ConnectAsync(address.Host, address.Port, TestContext.Token);
        var stream = socket.GetStream();
        var signature = key is null ? "" : $"Upstash-Signature: {UpstashSignatureVerifier.Sign(key, "{}"u8, new Uri(address, "api/order"))}\r\n";
        var clock = Stopwatch.StartNew();

        // Nine megabytes announced, one kilobyte sent, and the rest never: the answer must not wait for it.
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"POST /api/order HTTP/1.1\r\nHost: {address.Authority}\r\nContent-Type: application/json\r\nContent-Length: {9 * 1024 * 1024}\r\n{signature}\r\n"), TestContext.Token);
        await stream.WriteAsync(new byte[1024], TestContext.Token);
        var answer = await ReadHeadAsync(stream);

        reporter.Say($"Refused before reading: {@case}, a 9 MB body 1 KB in, answered {(int)expected} after {clock.Elapsed.TotalMilliseconds:0} ms.");
        Assert.StartsWith($"HTTP/1.1 {(int)expected} ", answer, StringComparison.Ordinal);
        Assert.Contains("Connection: close", answer, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(handled);
    }

    [Fact]
    public async Task Headers_that_once_threw_are_refused_as_malformed_and_never_a_500()
    {
        var (web, address, logs, handled) = await StartAsync();
        await using var _ = web;
        using var http = new HttpClient { BaseAddress = address };
        var body = "{}"u8.ToArray();
        string[] tokens =
        [
            TestTokens.Make("""{"alg":"\ud800"}""", TestTokens.Claims(DateTimeOffset.UtcNow, new Uri(address, "api/order"), TestTokens.BodyHash(body)), "sig_anyone"),
            TestTokens.MakeFromBytes([.. "{\"alg\":\"HS"u8, 0xFF, .. "\"}"u8], "{}"u8.ToArray(), "sig_anyone"),
            TestTokens.Make(TestTokens.Hs256, TestTokens.Claims(DateTimeOffset.UtcNow, new Uri(address, "api/order"), TestTokens.BodyHash(body), iss: "\"\\udfff\""), Key),
            // (A space around the value is not part of it in HTTP: only one inside reaches the verifier.)
            UpstashSignatureVerifier.Sign(Key, body, new Uri(address, "api/order")).Insert(20, " "),
        ];

        foreach (var token in tokens)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "api/order") { Content = new ByteArrayContent(body) };
            request.Headers.TryAddWithoutValidation("Upstash-Signature", token);
            var response = await http.SendAsync(request, TestContext.Token);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        Assert.Empty(handled);
        var log = string.Join("\n", logs.Lines);
        Assert.Equal(tokens.Length, logs.Lines.Count(l => l.Contains("(Malformed)", StringComparison.Ordinal)));
        Assert.DoesNotContain("Exception", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_VerifyUrl_a_token_signed_for_another_endpoint_is_refused()
    {
        var (web, address, logs, handled) = await StartAsync(new() { ["Upstash:VerifyUrl"] = "true" }, (w, h) =>
        {
            w.MapPost("/api/order", () => h.Add("order")).RequireUpstashSignature();
            w.MapPost("/api/refund", () => h.Add("refund")).RequireUpstashSignature();
        });
        await using var _ = web;
        using var http = new HttpClient { BaseAddress = address };

        var right = await http.SendAsync(SignedFor(address, "api/order?x=1", "api/order?x=1"), TestContext.Token);
        var replayedElsewhere = await http.SendAsync(SignedFor(address, "api/refund", "api/order?x=1"), TestContext.Token);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Forbidden), (right.StatusCode, replayedElsewhere.StatusCode));
        Assert.Equal(["order"], handled);
        Assert.Contains(logs.Lines, l => l.Contains("Refused POST /api/refund: not signed by Upstash (WrongUrl)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Behind_a_proxy_the_url_checked_is_the_public_one()
    {
        var (web, address, _, handled) = await StartAsync(new() { ["Upstash:PublicBaseUrl"] = "https://shop.example/" });
        await using var _ = web;
        using var http = new HttpClient { BaseAddress = address };

        var asUpstashCalledIt = await http.SendAsync(Signed(address, new Uri("https://shop.example/api/order")), TestContext.Token);
        var asKestrelSeesIt = await http.SendAsync(Signed(address, new Uri(address, "api/order")), TestContext.Token);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Forbidden), (asUpstashCalledIt.StatusCode, asKestrelSeesIt.StatusCode));
        Assert.Single(handled);
    }

    [Fact]
    public async Task A_failure_callback_handler_takes_services_and_the_callback_as_a_minimal_api_does()
    {
        var (web, address, _, handled) = await StartAsync(map: (w, _) =>
            w.MapUpstashFailureCallback("/failed/{tenant}", (WorkflowFailureCallback callback, Alerts alerts, string tenant, CancellationToken ct) =>
            {
                alerts.Sent.Add($"{tenant}: {callback.WorkflowRunId} failed with {callback.Status}");
                return Results.Accepted();
            }));
        await using var _ = web;
        using var http = new HttpClient { BaseAddress = address };

        var accepted = await http.SendAsync(Signed(new Uri(address, "failed/acme"), """{"workflowRunId":"wfr_1","status":500}"""), TestContext.Token);
        var notACallback = await http.SendAsync(Signed(new Uri(address, "failed/acme"), "{}"), TestContext.Token);

        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.BadRequest), (accepted.StatusCode, notACallback.StatusCode));
        Assert.Equal(["acme: wfr_1 failed with 500"], handled);
    }

    private static HttpRequestMessage SignedFor(Uri address, string path, string signedFor) =>
        Signed(new Uri(address, path), new Uri(address, signedFor), "{}");

    private static HttpRequestMessage Signed(Uri address, Uri signedFor) => Signed(new Uri(address, "api/order"), signedFor, "{}");

    private static HttpRequestMessage Signed(Uri target, string body) => Signed(target, target, body);

    private static HttpRequestMessage Signed(Uri target, Uri signedFor, string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("Upstash-Signature", UpstashSignatureVerifier.Sign(Key, Encoding.UTF8.GetBytes(body), signedFor));
        return request;
    }

    private static async Task<string> ReadHeadAsync(NetworkStream stream)
    {
        var head = new StringBuilder();
        var buffer = new byte[4096];
        while (!head.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var read = await stream.ReadAsync(buffer, TestContext.Token);
            if (read == 0)
            {
                break;
            }
            head.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }
        return head.ToString();
    }
}
