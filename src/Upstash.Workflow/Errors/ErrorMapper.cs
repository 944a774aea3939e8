using System.Text;

namespace Upstash.Workflow.Errors;

/// <summary>
/// The one place that turns an error answer into an exception: 400, 401, 404, 429 and 5xx each get
/// their own type; any other status gets <see cref="UpstashWorkflowException"/>. The body is read
/// defensively: empty, HTML from a proxy, cut-off JSON or a huge page all give a readable message.
/// </summary>
internal static class ErrorMapper
{
    /// <summary>At most this many bytes of an error body are read; the rest is not waited for.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    /// <summary>Reads <paramref name="response"/> and returns the exception to throw for it.</summary>
    internal static async Task<UpstashWorkflowException> FromResponseAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        var status = (int)response.StatusCode;
        var (body, truncated) = await ReadBodyAsync(response, cancellationToken).ConfigureAwait(false);
        var error = ErrorDetails.ReadErrorMessage(body);
        var details = ErrorDetails.Of(response, Describe(response, status, body, truncated, error), body, error);
        return status switch
        {
            400 => new BadRequestException(details),
            401 => new UnauthorizedException(details),
            404 => new NotFoundException(details),
            429 => new RateLimitedException(details, DateTimeOffset.UtcNow),
            >= 500 and < 600 => new ServerErrorException(details),
            _ => new UpstashWorkflowException(details),
        };
    }

    private static string Describe(HttpResponseMessage response, int status, string? body, bool truncated, string? error)
    {
        var reason = Enum.IsDefined(response.StatusCode) ? $" {SplitWords(response.StatusCode.ToString())}" : "";
        var head = $"The Upstash Workflow API answered {status}{reason} to {ErrorDetails.Call(response)}";
        if (error is not null)
        {
            return $"{head}: {error}";
        }
        if (string.IsNullOrEmpty(body))
        {
            return $"{head} with an empty body.";
        }
        var type = response.Content.Headers.ContentType?.MediaType ?? "no content type";
        var size = truncated ? $"more than {MaxBodyBytes} bytes" : $"{Encoding.UTF8.GetByteCount(body)} bytes";
        return body.TrimStart().StartsWith('{')
            ? $"{head} with a JSON body that has no error message ({type}, {size})."
            : $"{head} with a body that is not JSON ({type}, {size}); see ResponseBody.";
    }

    private static async Task<(string? Body, bool Truncated)> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var buffer = new byte[MaxBodyBytes + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false)) > 0)
        {
            length += read;
        }
        var truncated = length > MaxBodyBytes;
        return (length == 0 ? null : Encoding.UTF8.GetString(buffer, 0, Math.Min(length, MaxBodyBytes)), truncated);
    }

    /// <summary>Response and content headers, copied only for an answer that becomes an exception.</summary>
    internal static Dictionary<string, IEnumerable<string>> Headers(HttpResponseMessage response)
    {
        var headers = new Dictionary<string, IEnumerable<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in response.Headers)
        {
            headers[name] = values;
        }
        foreach (var (name, values) in response.Content.Headers)
        {
            headers[name] = values;
        }
        return headers;
    }

    private static string SplitWords(string name) =>
        string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + c : c.ToString()));
}
