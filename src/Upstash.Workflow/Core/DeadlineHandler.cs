namespace Upstash.Workflow.Core;

/// <summary>
/// One deadline for the whole call: sending, waiting for the answer and reading its body. The
/// generated code reads headers first and the body after (<see cref="HttpCompletionOption.ResponseHeadersRead"/>),
/// where <see cref="HttpClient.Timeout"/> no longer applies, so a body that stalls would hang; the
/// deadline is therefore left on the request (<see cref="UpstashRequestMessage"/>) and
/// <see cref="UpstashClientBase"/> reads the body under it. When it runs out the call fails with
/// <see cref="UpstashTimeoutException"/>; a cancellation by the caller stays an <see cref="OperationCanceledException"/>.
/// A connection that fails before the answer is an <see cref="UpstashConnectionException"/>.
/// Every request the client sends is an <see cref="UpstashRequestMessage"/>; any other gets the deadline
/// for its headers only. It is the first handler of the one chain the client sends through, with or without
/// dependency injection (see <see cref="UpstashWorkflowClient.CreateHandler"/>).
/// </summary>
internal sealed class DeadlineHandler : DelegatingHandler
{
    private readonly TimeSpan _timeout;

    /// <summary>Creates the handler; <see cref="Timeout.InfiniteTimeSpan"/> sets no deadline.</summary>
    public DeadlineHandler(TimeSpan timeout)
    {
        if (timeout <= TimeSpan.Zero && timeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "The timeout must be positive, or Timeout.InfiniteTimeSpan.");
        }
        _timeout = timeout;
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        // One timer-backed source per call, as HttpClient's own timeout makes; it lives until the body is read.
        var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_timeout);
        try
        {
            var response = await base.SendAsync(request, deadline.Token).ConfigureAwait(false);
            if (request is UpstashRequestMessage generated)
            {
                // The generated client reads the body under this deadline itself (UpstashClientBase) and
                // ends it with the request: no wrapper around the body.
                generated.Keep(deadline, _timeout);
                // The answer names the request the caller sent (a handler inside may have sent a copy): it carries the deadline.
                response.RequestMessage = request;
                return response;
            }
            deadline.Dispose();
            return response;
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested && deadline.IsCancellationRequested)
        {
            deadline.Dispose();
            throw new UpstashTimeoutException(_timeout, request, e);
        }
        catch (HttpRequestException e)
        {
            // Outside every handler added to the chain, so a resilience handler inside sees (and may retry) the original.
            deadline.Dispose();
            throw new UpstashConnectionException(request, $"{Describe(request)} got no answer: the connection failed ({e.Message.TrimEnd('.')}).", e);
        }
        catch
        {
            deadline.Dispose();
            throw;
        }
    }

    /// <summary>"POST https://host/path", for the message of a timeout or a failed connection (where the host matters); only made when one happens.</summary>
    internal static string Describe(HttpRequestMessage request) => $"{request.Method} {request.RequestUri?.GetLeftPart(UriPartial.Path)}";
}
