using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Upstash.Workflow.Authentication;
using Upstash.Workflow.TestSupport;

namespace Upstash.Workflow.Tests.Client;

/// <summary>AddUpstashWorkflowClient on IHttpClientFactory: configuration, handler order, logging, no retries.</summary>
public sealed class DependencyInjectionTests
{
    private const string Restarted = """{ "workflowRunId": "wfr_1", "workflowCreatedAt": 1725323658779 }""";

    [Fact]
    public async Task Client_and_its_groups_resolve_and_call_with_the_token()
    {
        await using var server = await RecordingServer.StartAsync(RecordingServer.Json(200, Restarted));
        var services = new ServiceCollection();
        services.AddUpstashWorkflowClient(o =>
        {
            o.BaseAddress = server.BaseAddress;
            o.Token = Clients.Token;
            o.UserAgent = "tests/1.0";
        });
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<DlqClient>().RestartWorkflowAsync("dlq-1", cancellationToken: TestContext.Token);
        await provider.GetRequiredService<UpstashWorkflowClient>().Dlq.RestartWorkflowAsync("dlq-2", cancellationToken: TestContext.Token);

        Assert.All(server.Requests, r => Assert.Equal($"Bearer {Clients.Token}", r.Header("Authorization")));
        Assert.All(server.Requests, r => Assert.Equal("tests/1.0", r.Header("User-Agent")));
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task Options_bind_from_configuration_and_a_base_address_without_slash_keeps_its_path()
    {
        await using var server = await RecordingServer.StartAsync(RecordingServer.Json(200, Restarted));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Upstash:BaseAddress"] = server.BaseAddress.AbsoluteUri + "proxy",
            ["Upstash:Token"] = Clients.Token,
            ["Upstash:AuthMode"] = "QueryToken",
            ["Upstash:Timeout"] = "00:00:07",
            ["Upstash:AllowedHosts:0"] = "gateway.internal.test",
        }).Build();
        var services = new ServiceCollection();
        services.AddUpstashWorkflowClient(configuration.GetSection("Upstash"));
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<DlqClient>().RestartWorkflowAsync("dlq-1", cancellationToken: TestContext.Token);

        var request = Assert.Single(server.Requests);
        Assert.StartsWith("/proxy/v2/workflows/dlq/restart/dlq-1?qstash_token=", request.RawTarget, StringComparison.Ordinal);
        var options = provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<UpstashWorkflowClientOptions>>().Value;
        Assert.Equal(TimeSpan.FromSeconds(7), options.Timeout);
        Assert.Equal(["gateway.internal.test"], options.AllowedHosts);
        Assert.DoesNotContain(Clients.Token, options.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Handlers_added_by_the_user_run_outside_authentication_and_never_see_the_token()
    {
        await using var server = await RecordingServer.StartAsync(RecordingServer.Json(200, Restarted));
        var seen = new SeeingHandler();
        await using var provider = Provider(server, configure: o => o.AuthMode = UpstashAuthMode.QueryToken, build: b => b.AddHttpMessageHandler(() => seen));

        await provider.GetRequiredService<DlqClient>().RestartWorkflowAsync("dlq-1", cancellationToken: TestContext.Token);

        Assert.Contains("qstash_token=", Assert.Single(server.Requests).RawTarget, StringComparison.Ordinal);
        Assert.Equal(2, seen.Seen.Count);
        Assert.All(seen.Seen, s => Assert.DoesNotContain(Uri.EscapeDataString(Clients.Token), s, StringComparison.Ordinal));
        Assert.All(seen.Seen, s => Assert.DoesNotContain(Clients.Token, s, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(UpstashAuthMode.BearerHeader)]
    [InlineData(UpstashAuthMode.QueryToken)]
    public async Task Most_verbose_log_contains_no_token(UpstashAuthMode mode)
    {
        await using var server = await RecordingServer.StartAsync(RecordingServer.Json(404, """{ "error": "not found" }"""));
        var logs = new CapturingLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        services.AddUpstashWorkflowClient(o =>
        {
            o.BaseAddress = server.BaseAddress;
            o.Token = Clients.Token;
            o.AuthMode = mode;
        });
        await using var provider = services.BuildServiceProvider();

        await Assert.ThrowsAsync<NotFoundException>(() => provider.GetRequiredService<DlqClient>().RestartWorkflowAsync("dlq-1", cancellationToken: TestContext.Token));

        Assert.NotEmpty(logs.Lines);
        Assert.Contains(logs.Lines, l => l.Contains("v2/workflows/dlq/restart/dlq-1", StringComparison.Ordinal));
        Assert.All(logs.Lines, l => Assert.DoesNotContain(Clients.Token, l, StringComparison.Ordinal));
        Assert.All(logs.Lines, l => Assert.DoesNotContain(Uri.EscapeDataString(Clients.Token), l, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Restart_is_not_resent_after_a_server_error()
    {
        await using var server = await RecordingServer.StartAsync(RecordingServer.Json(503, """{ "error": "unavailable" }"""));
        await using var provider = Provider(server);

        await Assert.ThrowsAsync<ServerErrorException>(() => RestartAsync(provider));

        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Standard_resilience_configured_as_the_readme_says_does_not_resend_restart()
    {
        await using var server = await RecordingServer.StartAsync(RecordingServer.Json(503, """{ "error": "unavailable" }"""));
        await using var provider = Provider(server, build: b => b.AddStandardResilienceHandler(o =>
        {
            o.Retry.DisableForUnsafeHttpMethods();
            o.Retry.Delay = TimeSpan.FromMilliseconds(1);
        }));

        await Assert.ThrowsAsync<ServerErrorException>(() => RestartAsync(provider));

        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Standard_resilience_left_as_is_would_resend_restart()
    {
        // Why the README says to disable retries for unsafe methods: without it, one restart call restarts several times.
        await using var server = await RecordingServer.StartAsync(RecordingServer.Json(503, """{ "error": "unavailable" }"""));
        await using var provider = Provider(server, build: b => b.AddStandardResilienceHandler(o => o.Retry.Delay = TimeSpan.FromMilliseconds(1)));

        await Assert.ThrowsAsync<ServerErrorException>(() => RestartAsync(provider));

        Assert.True(server.Requests.Count > 1, $"received {server.Requests.Count}");
    }

    [Fact]
    public async Task Restart_is_not_resent_after_a_timeout()
    {
        await using var server = await RecordingServer.StartAsync(async context =>
        {
            await Task.Delay(TimeSpan.FromSeconds(5), context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
        });
        await using var provider = Provider(server, configure: o => { o.Timeout = TimeSpan.FromMilliseconds(300); });

        var error = await Assert.ThrowsAsync<UpstashTimeoutException>(() => RestartAsync(provider));

        Assert.Equal(TimeSpan.FromMilliseconds(300), error.Timeout);
        await Task.Delay(500, TestContext.Token);
        Assert.Single(server.Requests);
    }

    /// <summary>A container with the client registered against <paramref name="server"/> (bearer token), plus what the test adds.</summary>
    private static ServiceProvider Provider(RecordingServer server, Action<UpstashWorkflowClientOptions>? configure = null, Action<IHttpClientBuilder>? build = null)
    {
        var services = new ServiceCollection();
        var builder = services.AddUpstashWorkflowClient(o =>
        {
            o.BaseAddress = server.BaseAddress;
            o.Token = Clients.Token;
            configure?.Invoke(o);
        });
        build?.Invoke(builder);
        return services.BuildServiceProvider();
    }

    private static Task<RestartWorkflowResult> RestartAsync(IServiceProvider provider) =>
        provider.GetRequiredService<DlqClient>().RestartWorkflowAsync("dlq-1", cancellationToken: TestContext.Token);

    private sealed class SeeingHandler : DelegatingHandler
    {
        public List<string> Seen { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Seen.Add($"{request.RequestUri} {request.Headers}");
            var response = await base.SendAsync(request, cancellationToken);
            Seen.Add($"{response.RequestMessage?.RequestUri} {response.RequestMessage?.Headers}");
            return response;
        }
    }
}
