using System.Net;
using System.Net.Sockets;
using Microsoft.Kiota.Abstractions.Authentication;
using Upstash.Workflow.Authentication;
using Upstash.Workflow.TestSupport;

namespace Upstash.Workflow.Tests.Client;

/// <summary>Both auth schemes on the wire, the token sources, and the rules on where the token may go.</summary>
public sealed class AuthenticationTests
{
    private const string Restarted = """{ "workflowRunId": "wfr_1", "workflowCreatedAt": 1725323658779 }""";

    [Fact]
    public async Task Bearer_header_carries_the_token_exactly()
    {
        await using var server = await RecordingServer.StartAsync(RecordingServer.Json(200, Restarted));
        using var client = Clients.For(server);

        await client.Dlq.RestartWorkflowAsync("dlq-1", cancellationToken: TestContext.Token);

        var request = Assert.Single(server.Requests);
        Assert.Equal($"Bearer {Clients.Token}", request.Header("Authorization"));
        Assert.DoesNotContain("qstash_token", request.RawTarget, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Query_token_is_percent_encoded_and_round_trips_exactly()
    {
        await using var server = await RecordingServer.StartAsync(RecordingServer.Json(200, Restarted));
        using var client = Clients.For(server, UpstashAuthMode.QueryToken);

        await client.Dlq.RestartWorkflowAsync("a/b c", cancellationToken: TestContext.Token);

        var request = Assert.Single(server.Requests);
        Assert.Equal("/v2/workflows/dlq/restart/a%2Fb%20c?qstash_token=eyJVc2VySUQiOiJ0ZXN0%2BdXNlci%2FRva2Vu%3D%3D", request.RawTarget);
        Assert.Equal(Clients.Token, QueryValue(request.RawTarget, "qstash_token"));
        Assert.Null(request.Header("Authorization"));
    }

    [Fact]
    public async Task Rotating_kiota_provider_is_asked_for_each_request()
    {
        await using var server = await RecordingServer.StartAsync(RecordingServer.Json(200, Restarted));
        var provider = new RotatingProvider();
        using var client = new UpstashWorkflowClient(new UpstashWorkflowClientOptions { BaseAddress = server.BaseAddress, TokenProvider = provider });

        await client.Dlq.RestartWorkflowAsync("dlq-1", cancellationToken: TestContext.Token);
        await client.Dlq.RestartWorkflowAsync("dlq-2", cancellationToken: TestContext.Token);

        Assert.Equal(["Bearer token-1", "Bearer token-2"], server.Requests.Select(r => r.Header("Authorization")));
        Assert.All(provider.Asked, uri => Assert.StartsWith(server.BaseAddress.AbsoluteUri + "v2/workflows/dlq/restart/", uri.AbsoluteUri, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Kiota_providers_allowed_hosts_are_respected()
    {
        await using var server = await RecordingServer.StartAsync(RecordingServer.Json(200, Restarted));
        var provider = new RotatingProvider(new AllowedHostsValidator(["qstash.upstash.io"]));
        using var client = new UpstashWorkflowClient(new UpstashWorkflowClientOptions { BaseAddress = server.BaseAddress, TokenProvider = provider });

        var error = await Assert.ThrowsAsync<UpstashConfigurationException>(() => client.Dlq.RestartWorkflowAsync("dlq-1", cancellationToken: TestContext.Token));

        Assert.Contains("AllowedHostsValidator", error.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
        Assert.Empty(provider.Asked);
    }

    [Fact]
    public async Task Token_is_not_sent_to_a_host_that_is_not_allowed()
    {
        using var client = new UpstashWorkflowClient(new UpstashWorkflowClientOptions { BaseAddress = new Uri("https://api.example.test/"), Token = Clients.Token });

        var error = await Assert.ThrowsAsync<UpstashConfigurationException>(() => client.Dlq.RestartWorkflowAsync("dlq-1", cancellationToken: TestContext.Token));

        Assert.Contains("'api.example.test'", error.Message, StringComparison.Ordinal);
        Assert.Contains("AllowedHosts", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Clients.Token, Clients.Everything(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plain_http_to_a_remote_host_is_refused_even_when_listed_and_nothing_reaches_the_server()
    {
        // The socket layer would deliver "gateway.test" to the recording server: the refusal must come first.
        await using var server = await RecordingServer.StartAsync(RecordingServer.Json(200, Restarted));
        var options = new UpstashWorkflowClientOptions { BaseAddress = new Uri($"http://gateway.test:{server.BaseAddress.Port}/"), Token = Clients.Token };
        options.AllowedHosts.Add("gateway.test");
        using var sockets = new SocketsHttpHandler
        {
            ConnectCallback = async (_, ct) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
                await socket.ConnectAsync(IPAddress.Loopback, server.BaseAddress.Port, ct);
                return new NetworkStream(socket, ownsSocket: true);
            },
        };
        options.Transport = sockets;
        using var client = new UpstashWorkflowClient(options);

        var error = await Assert.ThrowsAsync<UpstashConfigurationException>(() => client.Dlq.RestartWorkflowAsync("dlq-1", cancellationToken: TestContext.Token));

        Assert.Contains("plain http", error.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Theory]
    [InlineData("https://qstash.upstash.io/")]
    [InlineData("https://qstash-eu-central-1.upstash.io/")]
    [InlineData("https://qstash-us-east-1.upstash.io/")]
    [InlineData("https://QSTASH-US-EAST-1.upstash.io/")]
    [InlineData("http://localhost:8080/")]
    [InlineData("http://127.0.0.1/")]
    [InlineData("http://[::1]/")]
    public void Upstash_hosts_and_loopback_are_allowed_by_default(string url) => new TokenHostPolicy().EnsureAllowed(new Uri(url));

    [Theory]
    [InlineData("https://qstash.upstash.io.evil.test/")]
    [InlineData("https://evilqstash.upstash.io/")]
    [InlineData("https://upstash.io/")]
    [InlineData("http://qstash.upstash.io/")]
    [InlineData("ftp://qstash.upstash.io/")]
    public void Look_alikes_and_plain_http_are_refused(string url) =>
        Assert.Throws<UpstashConfigurationException>(() => new TokenHostPolicy().EnsureAllowed(new Uri(url)));

    [Theory]
    [InlineData("https://qstash.upstash.io.evil.test/v2/keys")]
    [InlineData("https://qstash.upstash.io@evil.test/v2/keys")]
    [InlineData("http://qstash.upstash.io/v2/keys")]
    public void An_origin_once_allowed_lets_through_no_look_alike_after_it(string url)
    {
        var policy = new TokenHostPolicy();
        policy.EnsureAllowed(new Uri("https://qstash.upstash.io/v2/workflows/dlq"));
        policy.EnsureAllowed(new Uri("https://qstash.upstash.io/v2/keys"));

        var refused = Assert.Throws<UpstashConfigurationException>(() => policy.EnsureAllowed(new Uri(url)));

        Assert.Contains("Refusing", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_sent_again_carries_one_authorization_the_current_token()
    {
        await using var server = await RecordingServer.StartAsync(RecordingServer.Json(200, Restarted));
        var options = new UpstashWorkflowClientOptions { BaseAddress = server.BaseAddress, TokenProvider = new RotatingProvider() };
        using var invoker = new HttpMessageInvoker(UpstashWorkflowClient.CreateAuthenticatedHandler(options));
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(server.BaseAddress, "v2/keys"));

        (await invoker.SendAsync(request, TestContext.Token)).Dispose();
        (await invoker.SendAsync(request, TestContext.Token)).Dispose();

        Assert.Equal(["Bearer token-1", "Bearer token-2"], server.Requests.Select(r => r.Header("Authorization")));
    }

    [Fact]
    public void Listed_hosts_are_allowed_over_https_only()
    {
        var policy = new TokenHostPolicy(["gateway.internal.test"]);
        policy.EnsureAllowed(new Uri("https://gateway.internal.test/v2/"));
        Assert.Throws<UpstashConfigurationException>(() => policy.EnsureAllowed(new Uri("http://gateway.internal.test/v2/")));
        Assert.Throws<UpstashConfigurationException>(() => policy.EnsureAllowed(new Uri("https://other.internal.test/v2/")));
    }

    [Fact]
    public async Task No_token_fails_loudly_instead_of_sending_unauthenticated()
    {
        await using var server = await RecordingServer.StartAsync(RecordingServer.Json(200, Restarted));
        var error = Assert.Throws<UpstashConfigurationException>(() => new UpstashWorkflowClient(new UpstashWorkflowClientOptions { BaseAddress = server.BaseAddress }));
        Assert.Contains("QSTASH_TOKEN", error.Message, StringComparison.Ordinal);

        using var client = new UpstashWorkflowClient(new UpstashWorkflowClientOptions { BaseAddress = server.BaseAddress, TokenProvider = new RotatingProvider(empty: true) });
        await Assert.ThrowsAsync<UpstashConfigurationException>(() => client.Dlq.RestartWorkflowAsync("dlq-1", cancellationToken: TestContext.Token));
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Token_read_with_a_trailing_newline_is_refused_without_echoing_it()
    {
        await using var server = await RecordingServer.StartAsync(RecordingServer.Json(200, Restarted));
        using var client = Clients.For(server, token: Clients.Token + "\n");

        var error = await Assert.ThrowsAsync<UpstashConfigurationException>(() => client.Dlq.RestartWorkflowAsync("dlq-1", cancellationToken: TestContext.Token));

        Assert.DoesNotContain(Clients.Token, Clients.Everything(error), StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public void Environment_gives_token_and_url_and_the_regions_pair_wins()
    {
        var plain = UpstashWorkflowClientOptions.FromEnvironment(Env(("QSTASH_TOKEN", "t0"), ("QSTASH_URL", "http://127.0.0.1:8080")));
        Assert.Equal("t0", plain.Token);
        Assert.Equal("http://127.0.0.1:8080/", plain.ResolveBaseAddress().AbsoluteUri);

        var regional = UpstashWorkflowClientOptions.FromEnvironment(Env(
            ("QSTASH_REGION", "US_EAST_1"), ("QSTASH_TOKEN", "t0"), ("US_EAST_1_QSTASH_TOKEN", "t-us"), ("EU_CENTRAL_1_QSTASH_TOKEN", "t-eu")));
        Assert.Equal("t-us", regional.Token);
        Assert.Equal("https://qstash-us-east-1.upstash.io/", regional.ResolveBaseAddress().AbsoluteUri);

        var fallback = UpstashWorkflowClientOptions.FromEnvironment(Env(("QSTASH_REGION", "eu-central-1"), ("QSTASH_TOKEN", "t0")));
        Assert.Equal("t0", fallback.Token);
        Assert.Equal("https://qstash-eu-central-1.upstash.io/", fallback.ResolveBaseAddress().AbsoluteUri);

        Assert.Throws<ArgumentException>(() => UpstashWorkflowClientOptions.FromEnvironment(Env(("QSTASH_REGION", "mars-1"))));
    }

    private static Func<string, string?> Env(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;

    private static string? QueryValue(string rawTarget, string name) =>
        rawTarget[(rawTarget.IndexOf('?', StringComparison.Ordinal) + 1)..].Split('&')
            .Select(p => p.Split('=', 2)).Where(p => p[0] == name).Select(p => Uri.UnescapeDataString(p[1])).SingleOrDefault();

    private sealed class RotatingProvider(AllowedHostsValidator? validator = null, bool empty = false) : IAccessTokenProvider
    {
        private int _count;

        public List<Uri> Asked { get; } = [];

        public AllowedHostsValidator AllowedHostsValidator { get; } = validator ?? new AllowedHostsValidator();

        public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default)
        {
            Asked.Add(uri);
            return Task.FromResult(empty ? "" : $"token-{Interlocked.Increment(ref _count)}");
        }
    }
}
