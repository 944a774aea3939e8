using Upstash.Workflow.TestSupport;

namespace Upstash.Workflow.Tests.Reliability;

/// <summary>A caller's cancellation is a cancellation; a timeout is a timeout; neither hangs.</summary>
public sealed class CancellationTests
{
    private static FaultyServer Stalling(bool sendHeaders) => new(async (_, stream, ct) =>
    {
        if (sendHeaders)
        {
            await FaultyServer.WriteAsync(stream, FaultyServer.Head("200 OK", "application/json", 100) + "{ \"workflowRunId\"", ct);
        }
        await Task.Delay(Timeout.Infinite, ct);
    });

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Cancelling_a_pending_call_ends_it_with_OperationCanceledException(bool whileReadingTheBody)
    {
        await using var server = Stalling(whileReadingTheBody);
        using var client = new UpstashWorkflowClient(new UpstashWorkflowClientOptions { BaseAddress = server.BaseAddress, Token = Clients.Token, Timeout = TimeSpan.FromSeconds(30) });
        using var cancel = new CancellationTokenSource();

        // Cancelled once the request is at the server and its answer pending (a fixed delay from the start
        // could fall before the request is sent on a busy machine).
        var call = client.Dlq.RestartWorkflowAsync("dlq-1", cancellationToken: cancel.Token);
        Assert.Equal(1, await server.ReceivedSettledAsync());
        cancel.CancelAfter(TimeSpan.FromMilliseconds(200));
        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);

        Assert.Equal(cancel.Token, error.CancellationToken);
        Assert.IsNotType<UpstashTimeoutException>(error.InnerException);
        Assert.Equal(1, server.Received);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_timeout_is_reported_as_a_timeout_not_a_cancellation(bool whileReadingTheBody)
    {
        await using var server = Stalling(whileReadingTheBody);
        using var client = new UpstashWorkflowClient(new UpstashWorkflowClientOptions { BaseAddress = server.BaseAddress, Token = Clients.Token, Timeout = TimeSpan.FromSeconds(1) });

        var error = await Assert.ThrowsAsync<UpstashTimeoutException>(() => client.Dlq.RestartWorkflowAsync("dlq-1", cancellationToken: TestContext.Token));

        Assert.IsAssignableFrom<UpstashWorkflowException>(error); // one hierarchy with the other failures, and not an OperationCanceledException
        Assert.IsType<TimeoutException>(error.InnerException);
        Assert.Equal((HttpMethod.Post, 0), (error.Method, error.StatusCode));
        Assert.Equal(TimeSpan.FromSeconds(1), error.Timeout);
        Assert.Contains("POST http://127.0.0.1", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, await server.ReceivedSettledAsync());
    }

    [Fact]
    public async Task An_already_cancelled_token_sends_nothing()
    {
        await using var server = Stalling(false);
        using var client = new UpstashWorkflowClient(new UpstashWorkflowClientOptions { BaseAddress = server.BaseAddress, Token = Clients.Token });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.Dlq.RestartWorkflowAsync("dlq-1", cancellationToken: new CancellationToken(canceled: true)));

        await Task.Delay(100, TestContext.Token);
        Assert.Equal(0, server.Received);
    }

    /// <summary>
    /// A handler in the chain may stop on cancellation with an exception that names no token (or its own): which token
    /// was cancelled decides, so the deadline is still a timeout and the caller's cancel still theirs.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_handler_that_names_no_token_when_stopped_still_tells_a_timeout_from_a_cancel(bool callerCancels)
    {
        using var client = new UpstashWorkflowClient(new UpstashWorkflowClientOptions
        {
            BaseAddress = new Uri("http://127.0.0.1:9/"),
            Token = Clients.Token,
            Timeout = TimeSpan.FromMilliseconds(callerCancels ? 30_000 : 300),
            Transport = new StopsWithoutToken(),
        });
        using var cancel = new CancellationTokenSource();
        if (callerCancels)
        {
            cancel.CancelAfter(TimeSpan.FromMilliseconds(300));
        }

        var error = await Record.ExceptionAsync(() => client.Dlq.RestartWorkflowAsync("dlq-1", cancellationToken: callerCancels ? cancel.Token : default));

        if (callerCancels)
        {
            Assert.Equal(cancel.Token, Assert.IsAssignableFrom<OperationCanceledException>(error).CancellationToken);
        }
        else
        {
            Assert.IsType<UpstashTimeoutException>(error);
        }
    }

    private sealed class StopsWithoutToken : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken).ContinueWith(static _ => { }, TaskScheduler.Default);
            throw new OperationCanceledException("Stopped.");
        }
    }
}
