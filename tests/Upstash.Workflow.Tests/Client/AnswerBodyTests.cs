using System.Buffers;
using System.Net;
using System.Text;
using Upstash.Workflow.TestSupport;

namespace Upstash.Workflow.Tests.Client;

/// <summary>
/// How a success body is read: whole into a pooled buffer when its length is announced and small enough, as it
/// streams in otherwise. Both ways read the same answer alike, and the buffer keeps nothing of it afterwards.
/// </summary>
public sealed class AnswerBodyTests
{
    /// <summary>Answers every request with the content it makes, its length announced or not.</summary>
    private sealed class Answering(Func<HttpContent> content) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request, Content = content() });
    }

    /// <summary>A stream that does not say how long it is, so its content announces no length (as a chunked answer).</summary>
    private sealed class Unannounced(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }

    /// <summary>Gives at most 7 bytes a read, as a body arriving in many packets does.</summary>
    private sealed class Trickling(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, 7)], cancellationToken);

        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, 7));
    }

    private static HttpContent Content(byte[] bytes, string form) => form switch
    {
        "unannounced" => new StreamContent(new Unannounced(bytes)),
        "announced, in pieces" => new StreamContent(new Trickling(bytes)) { Headers = { ContentLength = bytes.Length } },
        _ => new ByteArrayContent(bytes),
    };

    private static string Page(int bodyLength) => $$"""
        { "cursor": "next", "messages": [ { "dlqId": "d-1", "workflowUrl": "https://shop.example/w", "workflowRunId": "wfr_1",
          "workflowCreatedAt": 1725323600000, "body": "{{new string('x', bodyLength)}}", "labels": ["nightly"] } ] }
        """;

    public static TheoryData<string, int> Forms() => new()
    {
        { "announced", 100 },
        { "announced, in pieces", 100 },
        { "unannounced", 100 },
        { "announced, past the whole-body limit", Core.ClientCore.WholeBodyLimit },
    };

    [Theory]
    [MemberData(nameof(Forms))]
    public async Task A_page_reads_alike_however_its_length_comes(string form, int bodyLength)
    {
        var bytes = Encoding.UTF8.GetBytes(Page(bodyLength));
        Assert.True(form != "announced, past the whole-body limit" || bytes.Length > Core.ClientCore.WholeBodyLimit);
        using var client = new UpstashWorkflowClient(new UpstashWorkflowClientOptions
        {
            Token = Clients.Token,
            Transport = new Answering(() => Content(bytes, form)),
        });

        var page = await client.Dlq.ListFailedRunsAsync(cancellationToken: TestContext.Token);

        var message = Assert.Single(page.Messages);
        Assert.Equal(("next", "d-1", bodyLength, "nightly"), (page.Cursor, message.DlqId, message.Body!.Length, Assert.Single(message.Labels)));
    }

    [Fact]
    public async Task The_buffer_a_body_was_read_into_goes_back_to_the_pool_cleared()
    {
        var bytes = Encoding.UTF8.GetBytes(Page(100));
        using var client = new UpstashWorkflowClient(new UpstashWorkflowClientOptions { Token = Clients.Token, Transport = new Answering(() => new ByteArrayContent(bytes)) });

        // The call completes on this thread, so the buffer it returned is the one this thread rents next.
        var call = client.Dlq.ListFailedRunsAsync(cancellationToken: TestContext.Token);
        Assert.True(call.IsCompletedSuccessfully, "the call did not complete on this thread");
        var buffer = ArrayPool<byte>.Shared.Rent(bytes.Length);
        try
        {
            Assert.Equal(-1, buffer.AsSpan(0, bytes.Length).IndexOfAnyExcept((byte)0));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        Assert.Equal("d-1", Assert.Single((await call).Messages).DlqId);
    }
}
