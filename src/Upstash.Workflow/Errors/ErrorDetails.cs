using System.Text.Json;

namespace Upstash.Workflow.Errors;

/// <summary>What an answer that becomes an exception said, and which call it answered.</summary>
/// <param name="Message">The exception message.</param>
/// <param name="StatusCode">The HTTP status code.</param>
/// <param name="Method">The call's HTTP method.</param>
/// <param name="RequestUri">The call's address, without any token.</param>
/// <param name="Body">The body text, possibly cut short; null when there was none.</param>
/// <param name="ErrorMessage">The <c>error</c> field of a JSON body.</param>
/// <param name="Headers">Response and content headers.</param>
internal sealed record ErrorDetails(string Message, int StatusCode, HttpMethod? Method, Uri? RequestUri, string? Body, string? ErrorMessage, IReadOnlyDictionary<string, IEnumerable<string>> Headers)
{
    /// <summary>The details of <paramref name="response"/>: status, call and headers, with the given text.</summary>
    public static ErrorDetails Of(HttpResponseMessage response, string message, string? body = null, string? errorMessage = null) =>
        new(message, (int)response.StatusCode, response.RequestMessage?.Method, WithoutToken(response.RequestMessage?.RequestUri), body, errorMessage, ErrorMapper.Headers(response));

    /// <summary>"POST /v2/workflows/dlq/restart/1725323658779-0": the call, as a message names it (never with a query, so never with a token).</summary>
    public static string Call(HttpResponseMessage response) =>
        $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.AbsolutePath}";

    /// <summary>
    /// The address without a <c>qstash_token</c> query parameter. The authentication handler takes the
    /// token out again after sending; this holds even if a handler added after it kept one in.
    /// </summary>
    public static Uri? WithoutToken(Uri? uri)
    {
        if (uri is null || !uri.IsAbsoluteUri || !uri.Query.Contains("qstash_token", StringComparison.OrdinalIgnoreCase))
        {
            return uri;
        }
        var kept = uri.Query.TrimStart('?').Split('&').Where(p => !p.StartsWith("qstash_token=", StringComparison.OrdinalIgnoreCase) && p != "qstash_token");
        return new UriBuilder(uri) { Query = string.Join('&', kept) }.Uri;
    }

    /// <summary>The <c>error</c> string of a body shaped <c>{ "error": "..." }</c>; null for anything else.</summary>
    public static string? ReadErrorMessage(string? body)
    {
        if (string.IsNullOrWhiteSpace(body) || body.TrimStart()[0] != '{')
        {
            return null;
        }
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.String ? error.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
