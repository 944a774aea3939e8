using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Upstash.Workflow.TestSupport;

namespace Upstash.Workflow.Tests.Receiving;

/// <summary>
/// Which key verifies a request, over configuration, <c>QSTASH_REGION</c> and the request's <c>upstash-region</c>:
/// configuration, then the region's own environment names, then the plain names (each key on its own).
/// </summary>
public sealed class SigningKeyOrderTests
{
    private static readonly Dictionary<string, string> Environment = new()
    {
        ["QSTASH_CURRENT_SIGNING_KEY"] = "sig_plain_current",
        ["QSTASH_NEXT_SIGNING_KEY"] = "sig_plain_next",
        ["US_EAST_1_QSTASH_CURRENT_SIGNING_KEY"] = "sig_us_current",
    };

    // configured current key, QSTASH_REGION, upstash-region header → current and next key used
    public static TheoryData<string?, string?, string?, string, string> Order => new()
    {
        { "sig_configured", null, null, "sig_configured", "sig_plain_next" },
        { "sig_configured", null, "us-east-1", "sig_configured", "sig_plain_next" },
        { "sig_configured", "eu-central-1", null, "sig_configured", "sig_plain_next" },
        { "sig_configured", "eu-central-1", "us-east-1", "sig_configured", "sig_plain_next" },
        { "sig_configured", "eu-central-1", "US_EAST_1", "sig_configured", "sig_plain_next" },
        { null, null, null, "sig_plain_current", "sig_plain_next" },
        { null, null, "us-east-1", "sig_plain_current", "sig_plain_next" },
        { null, "eu-central-1", null, "sig_plain_current", "sig_plain_next" },
        { null, "eu-central-1", "us-east-1", "sig_us_current", "sig_plain_next" },
        { null, "eu-central-1", "US_EAST_1", "sig_us_current", "sig_plain_next" },
        { null, "eu-central-1", "eu-central-1", "sig_plain_current", "sig_plain_next" },
        { null, "eu-central-1", "mars-north-1", "sig_plain_current", "sig_plain_next" },
    };

    [Theory]
    [MemberData(nameof(Order))]
    public void Configuration_then_the_regions_names_then_the_plain_names(string? configured, string? qstashRegion, string? requestRegion, string current, string next)
    {
        var variables = new Dictionary<string, string>(Environment);
        if (qstashRegion is not null)
        {
            variables["QSTASH_REGION"] = qstashRegion;
        }
        var keys = new UpstashSignatureVerifierOptions { CurrentSigningKey = configured }.WithEnvironment(requestRegion, variables.GetValueOrDefault);
        Assert.Equal((current, next), (keys.CurrentSigningKey, keys.NextSigningKey));
    }
}

/// <summary>The same order at an endpoint, read from the process's environment: alone, as nothing else may change it meanwhile.</summary>
[Collection(Name)]
public sealed class SigningKeyEnvironmentTests
{
    public const string Name = "Process environment: signing keys";

    [CollectionDefinition(Name, DisableParallelization = true)]
    public sealed class Definition;

    [Theory]
    [InlineData(null, "us-east-1", "sig_us_current", HttpStatusCode.OK)]
    [InlineData(null, "us-east-1", "sig_plain_current", HttpStatusCode.Forbidden)]
    [InlineData(null, null, "sig_plain_current", HttpStatusCode.OK)]
    [InlineData("sig_configured", "us-east-1", "sig_configured", HttpStatusCode.OK)]
    [InlineData("sig_configured", "us-east-1", "sig_us_current", HttpStatusCode.Forbidden)]
    [InlineData("sig_configured", null, "sig_configured", HttpStatusCode.OK)]
    public async Task An_endpoint_verifies_with_the_key_the_order_gives(string? configured, string? requestRegion, string signedWith, HttpStatusCode expected)
    {
        using var environment = new EnvironmentVariables(new Dictionary<string, string>
        {
            ["QSTASH_REGION"] = "eu-central-1",
            ["QSTASH_CURRENT_SIGNING_KEY"] = "sig_plain_current",
            ["US_EAST_1_QSTASH_CURRENT_SIGNING_KEY"] = "sig_us_current",
        });
        var (web, address) = await LoopbackApp.StartAsync(
            builder =>
            {
                builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Upstash:CurrentSigningKey"] = configured });
                builder.Services.AddUpstashSignatureVerification(builder.Configuration.GetSection("Upstash"));
            },
            web => web.MapPost("/step", () => Results.Ok()).RequireUpstashSignature());
        await using var _ = web;
        using var http = new HttpClient { BaseAddress = address };

        var response = await http.SendAsync(Request(address, signedWith, requestRegion), TestContext.Token);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task A_region_with_no_key_is_refused_and_logged_never_a_500()
    {
        using var environment = new EnvironmentVariables(new Dictionary<string, string>
        {
            ["QSTASH_REGION"] = "us-east-1",
            ["US_EAST_1_QSTASH_CURRENT_SIGNING_KEY"] = "sig_us_current",
        });
        var logs = new CapturingLoggerProvider();
        var (web, address) = await LoopbackApp.StartAsync(
            builder =>
            {
                builder.Logging.AddProvider(logs);
                builder.Services.AddUpstashSignatureVerification();
            },
            web => web.MapPost("/step", () => Results.Ok()).RequireUpstashSignature());
        await using var _ = web;
        using var http = new HttpClient { BaseAddress = address };

        var fromUs = await http.SendAsync(Request(address, "sig_us_current", "us-east-1"), TestContext.Token);
        var fromNowhere = await http.SendAsync(Request(address, "sig_us_current", null), TestContext.Token);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Forbidden), (fromUs.StatusCode, fromNowhere.StatusCode));
        Assert.Contains(logs.Lines, l => l.Contains("no signing key is configured for requests from region 'none'", StringComparison.Ordinal));
    }

    private static HttpRequestMessage Request(Uri address, string key, string? region)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "step") { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        request.Headers.Add("Upstash-Signature", UpstashSignatureVerifier.Sign(key, "{}"u8, new Uri(address, "step")));
        if (region is not null)
        {
            request.Headers.Add("upstash-region", region);
        }
        return request;
    }
}
