using Upstash.Workflow.Errors;

namespace Upstash.Workflow;

/// <summary>
/// A call to the Upstash Workflow API that did not succeed: the root of everything a call throws but
/// argument checks and the caller's cancellation, so one <c>catch</c> handles them all. A call may throw:
/// <list type="bullet">
/// <item><see cref="BadRequestException"/> (400), <see cref="UnauthorizedException"/> (401), <see cref="NotFoundException"/> (404),
/// <see cref="RateLimitedException"/> (429), <see cref="ServerErrorException"/> (5xx): the service answered so;</item>
/// <item>this type itself: any other status, or a success whose body cannot be read (the message names the field and the value);</item>
/// <item><see cref="UpstashConnectionException"/>: the connection failed, before the answer or while its body was read;</item>
/// <item><see cref="UpstashTimeoutException"/>: no whole answer within <see cref="UpstashWorkflowClientOptions.Timeout"/>;</item>
/// <item><see cref="UpstashConfigurationException"/>: refused before sending, because of how the client is configured;</item>
/// </list>
/// and, outside this hierarchy, <see cref="ArgumentException"/> for bad input (nothing was sent) and
/// <see cref="OperationCanceledException"/> when the caller's token cancels the call. Nothing is retried:
/// after a connection failure, a timeout or a 5xx the request may or may not have been carried out.
/// </summary>
public class UpstashWorkflowException : Exception
{
    /// <summary>How much of a response body is kept in <see cref="ResponseBody"/>.</summary>
    public const int MaxBodyLength = 4096;

    /// <summary>An answer with <paramref name="statusCode"/>, for code that stands in for the client (a test's fake of <see cref="DlqClient"/>, say).</summary>
    /// <param name="statusCode">The HTTP status the answer had.</param>
    /// <param name="message">What went wrong, in words: the exception's <see cref="Exception.Message"/>.</param>
    /// <param name="innerException">What caused it, if anything.</param>
    public UpstashWorkflowException(int statusCode, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        Headers = new Dictionary<string, IEnumerable<string>>();
    }

    /// <summary>A call that got no answer to read (<see cref="StatusCode"/> 0), for the subclasses that say why and for fakes.</summary>
    /// <param name="message">What went wrong, in words: the exception's <see cref="Exception.Message"/>.</param>
    /// <param name="innerException">What caused it, if anything.</param>
    public UpstashWorkflowException(string message, Exception? innerException = null)
        : this(0, message, innerException)
    {
    }

    /// <summary>A call to <paramref name="request"/> that got no answer to read: its method and address (never a token) are kept.</summary>
    internal UpstashWorkflowException(HttpRequestMessage? request, string message, Exception? innerException)
        : this(0, message, innerException)
    {
        Method = request?.Method;
        RequestUri = ErrorDetails.WithoutToken(request?.RequestUri);
    }

    /// <summary>Creates the exception from what <see cref="ErrorMapper"/> read of a response.</summary>
    internal UpstashWorkflowException(ErrorDetails details, Exception? innerException = null)
        : base(details.Message, innerException)
    {
        StatusCode = details.StatusCode;
        Method = details.Method;
        RequestUri = details.RequestUri;
        ErrorMessage = details.ErrorMessage;
        ResponseBody = details.Body is { Length: > MaxBodyLength } body ? body[..MaxBodyLength] : details.Body;
        Headers = details.Headers;
    }

    /// <summary>The HTTP status code of the answer; 0 when there was none to read.</summary>
    public int StatusCode { get; }

    /// <summary>The HTTP method of the call that was answered.</summary>
    public HttpMethod? Method { get; }

    /// <summary>The address of the call that was answered; a token sent in the query is not part of it.</summary>
    public Uri? RequestUri { get; }

    /// <summary>The server's own message: the <c>error</c> field of its JSON body, when there is one.</summary>
    public string? ErrorMessage { get; }

    /// <summary>The response body as received, cut at <see cref="MaxBodyLength"/> characters; null or empty when there was none.</summary>
    public string? ResponseBody { get; }

    /// <summary>The response's headers, content headers included.</summary>
    public IReadOnlyDictionary<string, IEnumerable<string>> Headers { get; }
}
