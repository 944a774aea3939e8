using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using Microsoft.Kiota.Abstractions.Authentication;
using Upstash.Workflow.TestSupport;

namespace Upstash.Workflow.Tests.Reliability;

/// <summary>One client, a thousand calls at once, each with its own id, headers and token.</summary>
public sealed class ConcurrencyTests(Reporter reporter) : IClassFixture<Reporter>
{
    public const int Calls = 1000;

    [Fact]
    public async Task Every_answer_matches_its_own_request()
    {
        var connections = new ConcurrentDictionary<string, byte>();
        await using var server = await RecordingServer.StartAsync(async context =>
        {
            connections.TryAdd(context.Connection.Id, 0);
            // Echo what arrived, so the caller can check it was its own request.
            var id = Uri.UnescapeDataString(context.Request.Path.Value!.Split('/')[^1]);
            var echo = $"{id}|{context.Request.Headers["Upstash-Label"]}|{context.Request.Headers["Upstash-Retries"]}|{context.Request.Headers.Authorization}";
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(Newtonsoft.Json.JsonConvert.SerializeObject(new { workflowRunId = echo, workflowCreatedAt = 1725323658779 }));
        });
        using var client = new UpstashWorkflowClient(new UpstashWorkflowClientOptions { BaseAddress = server.BaseAddress, TokenProvider = new PerRequestToken() });

        var mismatches = await Task.WhenAll(Enumerable.Range(0, Calls).Select(async i =>
        {
            var id = $"dlq-{i}";
            var result = await client.Dlq.RestartWorkflowAsync(id, new RestartWorkflowOptions { Retries = i % 7, Labels = [$"label-{i}"] }, TestContext.Token);
            var expected = $"{id}|label-{i}|{i % 7}|Bearer token-for-{id}";
            return result.WorkflowRunId == expected ? null : $"{expected} got {result.WorkflowRunId}";
        }));

        Assert.All(mismatches, Assert.Null);
        Assert.Equal(Calls, server.Requests.Count);
        Assert.InRange(connections.Count, 1, new UpstashWorkflowClientOptions().MaxConnectionsPerServer);
        reporter.Say($"Concurrency: {Calls} concurrent calls on one client, {Calls - mismatches.Count(m => m is not null)} answers matched their own request, {connections.Count} connections used (at most {new UpstashWorkflowClientOptions().MaxConnectionsPerServer} allowed).");
    }

    /// <summary>A token that names the request it is for, so cross-talk would show in the echo.</summary>
    private sealed class PerRequestToken : IAccessTokenProvider
    {
        public AllowedHostsValidator AllowedHostsValidator { get; } = new();

        public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default) =>
            Task.FromResult($"token-for-{Uri.UnescapeDataString(uri.AbsolutePath.Split('/')[^1])}");
    }
}
