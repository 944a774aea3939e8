namespace Upstash.Workflow;

/// <summary>
/// The call did not finish within <see cref="UpstashWorkflowClientOptions.Timeout"/>: no answer, or an
/// answer whose body stopped arriving. Unlike a cancellation the caller asked for, it is an
/// <see cref="UpstashWorkflowException"/>; its inner exception is a <see cref="TimeoutException"/>. The
/// request may or may not have been carried out.
/// </summary>
public sealed class UpstashTimeoutException : UpstashWorkflowException
{
    /// <summary>Creates the exception, for code that stands in for the client.</summary>
    /// <param name="timeout">The timeout that ran out.</param>
    /// <param name="request">The call, as a message names it ("POST /v2/workflows/dlq/restart/…").</param>
    /// <param name="innerException">What stopped the call.</param>
    public UpstashTimeoutException(TimeSpan timeout, string request, Exception? innerException = null)
        : this(timeout, null, Describe(timeout, request), innerException)
    {
    }

    /// <summary>The call to <paramref name="request"/> ran out of <paramref name="timeout"/>.</summary>
    internal UpstashTimeoutException(TimeSpan timeout, HttpRequestMessage request, Exception? innerException)
        : this(timeout, request, Describe(timeout, Core.ClientCore.Describe(request)), innerException)
    {
    }

    private UpstashTimeoutException(TimeSpan timeout, HttpRequestMessage? request, string message, Exception? innerException)
        : base(request, message, new TimeoutException(message, innerException))
    {
        Timeout = timeout;
    }

    /// <summary>The timeout that ran out.</summary>
    public TimeSpan Timeout { get; }

    private static string Describe(TimeSpan timeout, string request) =>
        $"{request} did not complete within {timeout} (UpstashWorkflowClientOptions.Timeout). The request may or may not have been carried out.";
}
