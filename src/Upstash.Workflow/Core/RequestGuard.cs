namespace Upstash.Workflow.Core;

/// <summary>
/// Checks the generated code applies to every path and header value (see generator/templates), so
/// that bad input fails with an <see cref="ArgumentException"/> naming the parameter before any byte is sent.
/// </summary>
public static class RequestGuard
{
    /// <summary>
    /// A path value must say something: an empty id would turn "dlq/{dlqId}" into "dlq/", the bulk
    /// endpoint, and "." or ".." would be resolved away by URI normalisation.
    /// </summary>
    public static string PathSegment(string? value, string parameterName)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"'{parameterName}' must not be empty or white space: an empty path segment would address a different endpoint.", parameterName);
        }
        if (value is "." or "..")
        {
            throw new ArgumentException($"'{parameterName}' must not be '.' or '..': URI normalisation would remove it and address a different endpoint.", parameterName);
        }
        return value;
    }

    /// <summary>
    /// A header value must be visible ASCII or spaces: CR or LF would split the request, other
    /// control characters and non-ASCII are not carried faithfully by HTTP/1.1 headers.
    /// </summary>
    public static string HeaderValue(string? value, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(value, parameterName);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '\t' || c is >= ' ' and <= '~')
            {
                continue;
            }
            var what = c is '\r' or '\n' ? "a line break" : char.IsControl(c) ? $"the control character U+{(int)c:X4}" : $"the non-ASCII character U+{(int)c:X4}";
            throw new ArgumentException($"'{parameterName}' contains {what} at position {i}; header values must be printable ASCII.", parameterName);
        }
        return value;
    }
}
