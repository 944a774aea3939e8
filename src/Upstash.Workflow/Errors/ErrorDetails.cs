using System.Text.Json;

namespace Upstash.Workflow;

/// <summary>What an error answer said: the parts every <see cref="UpstashWorkflowException"/> carries.</summary>
/// <param name="Message">The exception message.</param>
/// <param name="StatusCode">The HTTP status code.</param>
/// <param name="Body">The body text, possibly cut short; null when there was none.</param>
/// <param name="ErrorMessage">The <c>error</c> field of a JSON body.</param>
/// <param name="Headers">Response and content headers.</param>
public sealed record ErrorDetails(string Message, int StatusCode, string? Body, string? ErrorMessage, IReadOnlyDictionary<string, IEnumerable<string>> Headers)
{
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
