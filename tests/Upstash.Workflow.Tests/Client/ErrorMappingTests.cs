using Microsoft.AspNetCore.Http;
using Upstash.Workflow.Authentication;
using Upstash.Workflow.TestSupport;

namespace Upstash.Workflow.Tests.Client;

/// <summary>Every documented status and every odd body becomes its typed exception with its fields filled.</summary>
public sealed class ErrorMappingTests
{
    [Theory]
    [InlineData(400, typeof(BadRequestException), "not a workflow message")]
    [InlineData(401, typeof(UnauthorizedException), "invalid token")]
    [InlineData(404, typeof(NotFoundException), "dlq message not found")]
    [InlineData(500, typeof(ServerErrorException), "internal error")]
    [InlineData(503, typeof(ServerErrorException), "try later")]
    [InlineData(409, typeof(UpstashWorkflowException), "conflict")]
    public async Task Status_maps_to_its_exception_with_the_servers_message(int status, Type expected, string message)
    {
        var error = await CallAsync(Respond(status, "application/json", $$"""{ "error": "{{message}}" }"""));

        Assert.IsType(expected, error);
        Assert.Equal(status, error.StatusCode);
        Assert.Equal(message, error.ErrorMessage);
        Assert.Equal($$"""{ "error": "{{message}}" }""", error.ResponseBody);
        Assert.EndsWith($": {message}", error.Message, StringComparison.Ordinal);
        Assert.StartsWith($"The Upstash Workflow API answered {status}", error.Message, StringComparison.Ordinal);
        // Which call was answered, in the message and as values.
        Assert.Contains(" to POST /v2/workflows/dlq/restart/", error.Message, StringComparison.Ordinal);
        Assert.Equal(HttpMethod.Post, error.Method);
        Assert.StartsWith("/v2/workflows/dlq/restart/", error.RequestUri!.AbsolutePath, StringComparison.Ordinal);
        Assert.Equal("application/json", Assert.Single(error.Headers["Content-Type"]));
    }

    [Fact]
    public async Task Burst_rate_limit_headers_are_exposed()
    {
        var error = Assert.IsType<RateLimitedException>(await CallAsync(Respond(429, "application/json", """{ "error": "burst rate limit exceeded" }""",
            ("Burst-RateLimit-Limit", "100"), ("Burst-RateLimit-Remaining", "0"), ("Burst-RateLimit-Reset", "1725323659"), ("Retry-After", "2"))));

        Assert.Equal(RateLimitKind.Burst, error.Kind);
        Assert.Equal(100, error.Limit);
        Assert.Equal(0, error.Remaining);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1725323659), error.Reset);
        Assert.Equal(TimeSpan.FromSeconds(2), error.RetryAfter);
        Assert.Equal("burst rate limit exceeded", error.ErrorMessage);
    }

    [Fact]
    public async Task Daily_rate_limit_headers_are_exposed()
    {
        var error = Assert.IsType<RateLimitedException>(await CallAsync(Respond(429, "application/json", """{ "error": "daily limit" }""",
            ("RateLimit-Limit", "500000"), ("RateLimit-Remaining", "12"), ("RateLimit-Reset", "1725408000000"))));

        Assert.Equal(RateLimitKind.Daily, error.Kind);
        Assert.Equal(500000, error.Limit);
        Assert.Equal(12, error.Remaining);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1725408000000), error.Reset);
        Assert.Equal(TimeSpan.Zero, error.RetryAfter); // no Retry-After: the time until the reset, which has passed
    }

    [Fact]
    public async Task Rate_limit_without_headers_still_maps()
    {
        var error = Assert.IsType<RateLimitedException>(await CallAsync(Respond(429, null, "")));
        Assert.Equal(RateLimitKind.Unknown, error.Kind);
        Assert.Null(error.Limit);
    }

    [Fact]
    public async Task Empty_body_gives_the_typed_exception_and_says_it_was_empty()
    {
        var error = Assert.IsType<ServerErrorException>(await CallAsync(Respond(500, null, "")));
        Assert.Null(error.ErrorMessage);
        Assert.Null(error.ResponseBody);
        Assert.Equal("The Upstash Workflow API answered 500 Internal Server Error to POST /v2/workflows/dlq/restart/dlq-1 with an empty body.", error.Message);
    }

    [Fact]
    public async Task Html_from_a_proxy_gives_the_typed_exception_and_keeps_the_page()
    {
        const string page = "<html><body><h1>502 Bad Gateway</h1></body></html>";
        var error = Assert.IsType<ServerErrorException>(await CallAsync(Respond(502, "text/html", page)));
        Assert.Equal(502, error.StatusCode);
        Assert.Null(error.ErrorMessage);
        Assert.Equal(page, error.ResponseBody);
        Assert.Equal($"The Upstash Workflow API answered 502 Bad Gateway to POST /v2/workflows/dlq/restart/dlq-1 with a body that is not JSON (text/html, {page.Length} bytes); see ResponseBody.", error.Message);
    }

    [Fact]
    public async Task Truncated_json_gives_the_typed_exception_not_a_json_error()
    {
        var error = Assert.IsType<NotFoundException>(await CallAsync(Respond(404, "application/json", """{ "error": "dlq mess""")));
        Assert.Null(error.ErrorMessage);
        Assert.Null(error.InnerException);
        Assert.Equal("""{ "error": "dlq mess""", error.ResponseBody);
        Assert.Contains("JSON body that has no error message", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Huge_body_is_cut_short()
    {
        var error = await CallAsync(Respond(500, "text/plain", new string('x', 200_000)));
        Assert.Equal(UpstashWorkflowException.MaxBodyLength, error.ResponseBody!.Length);
        Assert.Contains("more than 65536 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Success_with_an_unreadable_body_is_reported_with_its_cause()
    {
        var error = await CallAsync(Respond(200, "application/json", "{ not json"));
        Assert.IsType<UpstashWorkflowException>(error);
        Assert.Equal(200, error.StatusCode);
        Assert.IsAssignableFrom<System.Text.Json.JsonException>(error.InnerException);
    }

    [Fact]
    public async Task Undocumented_redirect_is_reported_not_followed()
    {
        var error = await CallAsync(Respond(307, null, "", ("Location", "https://elsewhere.example/")));
        Assert.IsType<UpstashWorkflowException>(error);
        Assert.Equal(307, error.StatusCode);
    }

    [Theory]
    [InlineData(UpstashAuthMode.BearerHeader)]
    [InlineData(UpstashAuthMode.QueryToken)]
    public async Task Token_appears_in_no_error(UpstashAuthMode mode)
    {
        foreach (var status in new[] { 400, 401, 404, 429, 500, 502 })
        {
            var error = await CallAsync(Respond(status, "application/json", """{ "error": "no" }""", ("Burst-RateLimit-Limit", "1")), mode);
            Assert.DoesNotContain(Clients.Token, Clients.Everything(error), StringComparison.Ordinal);
            Assert.DoesNotContain(Uri.EscapeDataString(Clients.Token), Clients.Everything(error), StringComparison.Ordinal);
        }
    }

    private static async Task<UpstashWorkflowException> CallAsync(Func<HttpContext, Task> respond, UpstashAuthMode mode = UpstashAuthMode.BearerHeader)
    {
        await using var server = await RecordingServer.StartAsync(respond);
        using var client = Clients.For(server, mode);
        var error = await Assert.ThrowsAnyAsync<UpstashWorkflowException>(() => client.Dlq.RestartWorkflowAsync("dlq-1", cancellationToken: TestContext.Token));
        Assert.Single(server.Requests);
        return error;
    }

    private static Func<HttpContext, Task> Respond(int status, string? contentType, string body, params (string Name, string Value)[] headers) => async context =>
    {
        context.Response.StatusCode = status;
        if (contentType is not null)
        {
            context.Response.ContentType = contentType;
        }
        foreach (var (name, value) in headers)
        {
            context.Response.Headers[name] = value;
        }
        await context.Response.WriteAsync(body);
    };
}
