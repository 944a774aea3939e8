using System.Globalization;

namespace Upstash.Workflow.Core;

/// <summary>
/// Checks the generated code applies to every path and header value (see generator/templates), so
/// that bad input fails with an <see cref="ArgumentException"/> naming the parameter before any byte is sent.
/// </summary>
internal static class RequestGuard
{
    /// <summary>
    /// A path value must say something: an empty id would turn "dlq/{dlqId}" into "dlq/", the bulk
    /// endpoint, and "." or ".." would be resolved away by URI normalisation. Control characters are
    /// refused too. Anything else is percent-encoded by the generated code and arrives as given.
    /// </summary>
    public static string PathSegment(string? value, string parameterName)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"'{parameterName}' must not be empty or white space: an empty path segment would address a different endpoint.", parameterName);
        }
        if (value.Any(char.IsControl))
        {
            throw new ArgumentException($"'{parameterName}' contains a control character; no id has one, and servers refuse them in a path.", parameterName);
        }
        if (value is "." or "..")
        {
            throw new ArgumentException($"'{parameterName}' must not be '.' or '..': URI normalisation would remove it and address a different endpoint.", parameterName);
        }
        return value;
    }

    /// <summary>A date-time parameter as RFC 3339 text (<c>2026-03-01T12:00:00.0000000+00:00</c>), whatever the culture.</summary>
    public static string DateTimeText(DateTimeOffset? value) =>
        value?.ToString("o", System.Globalization.CultureInfo.InvariantCulture) ?? "";

    /// <summary>A date parameter as RFC 3339 full-date text (<c>2026-03-01</c>), whatever the culture.</summary>
    public static string DateText(DateTimeOffset? value) =>
        value?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "";

    /// <summary>
    /// A header value must be visible ASCII, with spaces or tabs only inside: CR or LF would split the
    /// request, other control characters and non-ASCII are not carried faithfully by HTTP/1.1 headers,
    /// and white space at either end is dropped on the way.
    /// </summary>
    public static string HeaderValue(string? value, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(value, parameterName);
        if (value.Length > 0 && (value[0] is ' ' or '\t' || value[^1] is ' ' or '\t'))
        {
            // HTTP drops white space around a header value, so it would not arrive as given.
            throw new ArgumentException($"'{parameterName}' starts or ends with white space, which HTTP does not carry.", parameterName);
        }
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

    /// <summary>
    /// A family of headers sharing a prefix ("Upstash-Forward-"), from a map of name to value: each
    /// name must be a non-empty header token, each value a valid header value.
    /// </summary>
    public static IEnumerable<KeyValuePair<string, string>> PrefixedHeaders(IDictionary<string, string>? headers, string prefix, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        if (headers is null)
        {
            return [];
        }
        var result = new List<KeyValuePair<string, string>>(headers.Count);
        foreach (var (name, value) in headers)
        {
            if (string.IsNullOrEmpty(name) || !name.All(IsTokenChar))
            {
                throw new ArgumentException($"'{parameterName}' has an entry whose name is not a valid header name (it becomes '{prefix}<name>').", parameterName);
            }
            result.Add(new(prefix + name, HeaderValue(value, parameterName)));
        }
        return result;
    }

    /// <summary>
    /// A list query parameter must hold something: an empty list would be sent as no parameter at all,
    /// which for a bulk call's ids means "everything". Items must not be blank.
    /// </summary>
    public static IReadOnlyList<T> QueryList<T>(IEnumerable<T> values, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(values, parameterName);
        // A caller's list or array is checked where it is; anything else is read once, into a list.
        var list = values as IReadOnlyList<T> ?? values.ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException($"'{parameterName}' is empty: pass null to leave it out, or at least one value.", parameterName);
        }
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is null || list[i] is string text && string.IsNullOrWhiteSpace(text))
            {
                throw new ArgumentException($"'{parameterName}' contains an empty or blank value.", parameterName);
            }
        }
        return list;
    }

    /// <summary>
    /// A list sent in one header, comma-joined (OpenAPI's simple style): no item may be blank or hold a
    /// comma, which would split it in two on the server.
    /// </summary>
    public static string HeaderList(IEnumerable<string> values, string parameterName)
    {
        var list = QueryList(values, parameterName);
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i].Contains(',', StringComparison.Ordinal))
            {
                throw new ArgumentException($"'{parameterName}' has a value with a comma; values are sent comma-joined in one header, so it would arrive as two.", parameterName);
            }
        }
        return HeaderValue(list.Count == 1 ? list[0] : string.Join(',', list), parameterName);
    }

    /// <summary>A query value of a composite member (a selection of runs): present only when set, so never empty.</summary>
    public static string QueryValue(string? value, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(value, parameterName);
        return value.Length > 0 ? value : throw new ArgumentException($"'{parameterName}' is empty; leave it unset for no filter.", parameterName);
    }

    /// <summary>Appends "name=value" to a query being built, both percent-encoded.</summary>
    public static void AppendQuery(ref UrlBuilder query, string name, string value) =>
        query.AppendQuery(Uri.EscapeDataString(name), Uri.EscapeDataString(value));

    /// <summary>A point in time as Unix milliseconds; the API has no times before 1970.</summary>
    public static string UnixMilliseconds(DateTimeOffset value, string parameterName) =>
        NotBefore1970(value, parameterName).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// A point in time as whole Unix seconds. A fraction of a second would be cut off, so it is refused
    /// rather than rounded.
    /// </summary>
    public static string UnixSeconds(DateTimeOffset value, string parameterName)
    {
        if (NotBefore1970(value, parameterName).Ticks % TimeSpan.TicksPerSecond != 0)
        {
            throw new ArgumentOutOfRangeException(parameterName, value, $"'{parameterName}' is sent in whole seconds; this time has a fraction of a second, which would be lost.");
        }
        return value.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>A duration in the API's text form ("10s", "5m", "2d"; see <see cref="WorkflowDuration"/>).</summary>
    public static string DurationText(TimeSpan value, string parameterName)
    {
        Seconds(value, parameterName);
        return WorkflowDuration.Format(value);
    }

    /// <summary>A duration as a whole number of seconds, more than zero.</summary>
    public static string WholeSeconds(TimeSpan value, string parameterName)
    {
        if (value <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(parameterName, value, $"'{parameterName}' must be more than zero.");
        }
        return Seconds(value, parameterName).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>A URL the service calls or reads: it must be absolute, http or https. Sent in its escaped form.</summary>
    public static string AbsoluteUrl(Uri? value, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(value, parameterName);
        if (!value.IsAbsoluteUri || value.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException($"'{parameterName}' must be an absolute http or https URL.", parameterName);
        }
        return value.AbsoluteUri;
    }

    private static long Seconds(TimeSpan value, string parameterName)
    {
        if (value < TimeSpan.Zero || value.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            throw new ArgumentOutOfRangeException(parameterName, value, $"'{parameterName}' must be a whole number of seconds, not negative; a fraction of a second would be lost.");
        }
        return value.Ticks / TimeSpan.TicksPerSecond;
    }

    private static DateTimeOffset NotBefore1970(DateTimeOffset value, string parameterName) =>
        value < DateTimeOffset.UnixEpoch
            ? throw new ArgumentOutOfRangeException(parameterName, value, $"'{parameterName}' is before 1970, which the API cannot express.")
            : value;

    /// <summary>A number the spec bounds (e.g. a page size of at most 100) must be within its bounds.</summary>
    public static long InRange(long? value, long? minimum, long? maximum, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(value, parameterName);
        if (value < minimum || value > maximum)
        {
            throw new ArgumentOutOfRangeException(parameterName, value,
                $"'{parameterName}' must be {(minimum is null ? "" : $"at least {minimum}")}{(minimum is not null && maximum is not null ? " and " : "")}{(maximum is null ? "" : $"at most {maximum}")}.");
        }
        return value.Value;
    }

    /// <summary>
    /// A bulk operation acts on everything when it has no ids and no filter. That must be asked for
    /// with <paramref name="all"/> = true; and "all" together with a filter is refused as ambiguous.
    /// </summary>
    /// <param name="url">The request's URL as the method has built it, before it is finished.</param>
    /// <param name="all">The caller's explicit "everything".</param>
    /// <param name="filters">The operation's query parameters that select entries (the overlay's x-bulk-filter), as they are written in a URL.</param>
    public static void CheckBulk(scoped ref UrlBuilder url, bool all, string[] filters)
    {
        ArgumentNullException.ThrowIfNull(filters);
        var filtered = false;
        foreach (var filter in filters)
        {
            filtered |= url.HasQuery(filter);
        }
        if (!filtered && !all)
        {
            throw new ArgumentException(
                "This bulk call has no ids and no filter, so it would act on every entry. Pass ids or a filter, or all: true to act on everything.", nameof(all));
        }
        if (filtered && all)
        {
            throw new ArgumentException("all: true acts on everything and cannot be combined with ids or filters; pass one or the other.", nameof(all));
        }
    }

    private static bool IsTokenChar(char c) =>
        char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c, StringComparison.Ordinal);
}
