using Upstash.Workflow.TestSupport.Operations;
using Microsoft.AspNetCore.Http;
using Newtonsoft.Json.Linq;
using Upstash.Workflow.TestSupport;

namespace Upstash.Workflow.Tests.Operations;

/// <summary>Every operation against the recording server: method, path, query, headers and body as sent; the answer as read.</summary>
public sealed class OperationTests
{
    [Theory]
    [MemberData(nameof(OperationCases.Keys), MemberType = typeof(OperationCases))]
    public async Task Operation_reaches_the_wire_as_specified(string key)
    {
        var @case = OperationCases.Get(key);
        await using var server = await RecordingServer.StartAsync(async context =>
        {
            context.Response.StatusCode = @case.Status;
            if (@case.ResponseJson is not null)
            {
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(@case.ResponseJson);
            }
        });
        using var client = Clients.For(server);

        var result = await @case.Call(client, TestContext.Token);

        var request = Assert.Single(server.Requests);
        Assert.Equal(@case.Method, request.Method);
        Assert.Equal(@case.Target, request.RawTarget);
        // Exactly the case's headers, besides what every request carries: nothing left out, nothing extra.
        // (How the body is framed, Content-Length or chunked, is the transport's business.)
        var expected = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["Host"] = server.BaseAddress.Authority,
            ["Authorization"] = $"Bearer {Clients.Token}",
            ["User-Agent"] = request.Header("User-Agent")!,
        };
        // No Accept header: every answer of the spec comes in one media type, which the service sends unasked.
        if (@case.ContentType is not null)
        {
            expected["Content-Type"] = @case.ContentType;
        }
        foreach (var (name, value) in @case.Headers)
        {
            expected.Add(name, value);
        }
        Assert.Equal(
            expected.OrderBy(h => h.Key, StringComparer.OrdinalIgnoreCase),
            request.Headers.Where(h => h.Key is not ("Content-Length" or "Transfer-Encoding")).OrderBy(h => h.Key, StringComparer.OrdinalIgnoreCase));
        Assert.StartsWith("Upstash.Workflow.DotNet/", request.Header("User-Agent"), StringComparison.Ordinal);
        if (@case.Body is not null)
        {
            Assert.Equal(@case.Body, request.Body);
        }
        else
        {
            Assert.Equal("", request.Body);
        }
        @case.Check(result);
    }

    [Fact]
    public void Every_operation_in_the_spec_has_a_case()
    {
        var spec = JObject.Parse(File.ReadAllText(Repository.EffectiveSpec));
        var operations = ((JObject)spec["paths"]!).Properties()
            .SelectMany(path => ((JObject)path.Value).Properties().Select(method => (string)method.Value["operationId"]!))
            .ToHashSet();
        Assert.NotEmpty(operations);
        Assert.Equal(operations.Order(), OperationCases.All.Select(c => c.OperationId).Distinct().Order());
    }
}
