using Microsoft.AspNetCore.Http;
using Upstash.Workflow.Release;
using Upstash.Workflow.TestSupport;
using Upstash.Workflow.TestSupport.Generation;

namespace Upstash.Workflow.Generator.Tests.Release;

/// <summary>Upstream's file read as published: from a path or a URL, within a size cap, never over plain http elsewhere; a file that cannot be read fails the run.</summary>
public sealed class SpecSourceTests
{
    [Fact]
    public async Task A_url_is_read_within_the_cap_and_a_larger_answer_is_refused()
    {
        var spec = await File.ReadAllBytesAsync(Path.Combine(Repository.Root, "openapi", "openapi.yaml"));
        await using var server = await RecordingServer.StartAsync(context => context.Request.Path == "/huge"
            ? context.Response.Body.WriteAsync(new byte[SpecSource.MaxSize + 1]).AsTask()
            : context.Request.Path == "/missing" ? Task.FromResult(context.Response.StatusCode = 404) : context.Response.Body.WriteAsync(spec).AsTask());

        Assert.Equal(spec, await SpecSource.ReadAsync(new Uri(server.BaseAddress, "workflow/openapi.yaml").AbsoluteUri));
        Assert.StartsWith("UG0001: ", (await Assert.ThrowsAsync<UpdateFailedException>(() => SpecSource.ReadAsync(new Uri(server.BaseAddress, "huge").AbsoluteUri))).Message, StringComparison.Ordinal);
        Assert.EndsWith("answered 404 Not Found", (await Assert.ThrowsAsync<UpdateFailedException>(() => SpecSource.ReadAsync(new Uri(server.BaseAddress, "missing").AbsoluteUri))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plain_http_elsewhere_and_a_missing_file_are_refused()
    {
        Assert.Contains("only https URLs", (await Assert.ThrowsAsync<UpdateFailedException>(() => SpecSource.ReadAsync("http://specs.example/openapi.yaml"))).Message, StringComparison.Ordinal);
        Assert.Contains("no spec at", (await Assert.ThrowsAsync<UpdateFailedException>(() => SpecSource.ReadAsync("/no/such/openapi.yaml"))).Message, StringComparison.Ordinal);
    }
}
