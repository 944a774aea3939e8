using Upstash.Workflow.Errors;

namespace Upstash.Workflow;

/// <summary>
/// An answer from the Upstash Workflow API that is not the operation's success. The subclasses name
/// the common cases (<see cref="BadRequestException"/>, <see cref="UnauthorizedException"/>,
/// <see cref="NotFoundException"/>, <see cref="RateLimitedException"/>, <see cref="ServerErrorException"/>);
/// this type itself is thrown for any other status, and for a success whose body cannot be read.
/// </summary>
public class UpstashWorkflowException : Exception
{
    /// <summary>How much of a response body is kept in <see cref="ResponseBody"/>.</summary>
    public const int MaxBodyLength = 4096;

    /// <summary>An answer with <paramref name="statusCode"/>, for code that stands in for the client (a test's fake of <see cref="IDlqClient"/>, say).</summary>
    public UpstashWorkflowException(int statusCode, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        Headers = new Dictionary<string, IEnumerable<string>>();
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

    /// <summary>The HTTP status code of the answer.</summary>
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
