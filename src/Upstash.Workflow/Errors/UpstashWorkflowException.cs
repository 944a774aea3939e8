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

    /// <summary>Creates the exception from what <see cref="Errors.ErrorMapper"/> read of a response.</summary>
    public UpstashWorkflowException(ErrorDetails details, Exception? innerException = null)
        : base(details.Message, innerException)
    {
        ArgumentNullException.ThrowIfNull(details);
        StatusCode = details.StatusCode;
        ErrorMessage = details.ErrorMessage;
        ResponseBody = details.Body is { Length: > MaxBodyLength } body ? body[..MaxBodyLength] : details.Body;
        Headers = details.Headers;
    }

    /// <summary>The HTTP status code of the answer.</summary>
    public int StatusCode { get; }

    /// <summary>The server's own message: the <c>error</c> field of its JSON body, when there is one.</summary>
    public string? ErrorMessage { get; }

    /// <summary>The response body as received, cut at <see cref="MaxBodyLength"/> characters; null or empty when there was none.</summary>
    public string? ResponseBody { get; }

    /// <summary>The response's headers, content headers included.</summary>
    public IReadOnlyDictionary<string, IEnumerable<string>> Headers { get; }
}
