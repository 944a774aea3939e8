namespace Upstash.Workflow;

/// <summary>
/// The call did not finish within <see cref="UpstashWorkflowClientOptions.Timeout"/>: no
/// answer, or an answer whose body stopped arriving. Unlike a cancellation the caller asked for, it is a
/// <see cref="TimeoutException"/>. The request may or may not have been carried out.
/// </summary>
public sealed class UpstashTimeoutException : TimeoutException
{
    /// <summary>Creates the exception.</summary>
    public UpstashTimeoutException(TimeSpan timeout, string request, Exception? innerException = null)
        : base($"{request} did not complete within {timeout} (UpstashWorkflowClientOptions.Timeout). The request may or may not have been carried out.", innerException)
    {
        Timeout = timeout;
    }

    /// <summary>The timeout that ran out.</summary>
    public TimeSpan Timeout { get; }
}
