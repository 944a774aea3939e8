namespace Upstash.Workflow;

/// <summary>
/// The connection to the API failed: it could not be opened, or it broke before the answer, or while its
/// body was read. The inner exception says how (an <see cref="HttpRequestException"/> or an
/// <see cref="IOException"/>). Unless it could not be opened, the request may or may not have been carried out.
/// </summary>
public sealed class UpstashConnectionException : UpstashWorkflowException
{
    /// <summary>Creates the exception, for code that stands in for the client.</summary>
    /// <param name="message">What went wrong, in words: the exception's <see cref="Exception.Message"/>.</param>
    /// <param name="innerException">The network error (an <see cref="HttpRequestException"/> or <see cref="IOException"/>).</param>
    public UpstashConnectionException(string message, Exception? innerException = null) : base(message, innerException) { }

    /// <summary>The connection failed during the call to <paramref name="request"/>.</summary>
    internal UpstashConnectionException(HttpRequestMessage request, string message, Exception innerException) : base(request, message, innerException) { }
}
