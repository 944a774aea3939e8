using System.Globalization;
using System.Text;
using Newtonsoft.Json;
using Upstash.Workflow.Errors;

namespace Upstash.Workflow.Core;

/// <summary>
/// Base of every generated client class (NSwag's <c>clientBaseClass</c>): the hooks NSwag calls
/// around each request, implemented once for all operations.
/// </summary>
public abstract class UpstashClientBase
{
    /// <summary>
    /// Set on a request whose operation documents a 3xx answer as its success (e.g. "Cancel In-Progress
    /// Failure Callback" answers 302). Redirects are never followed, so that answer arrives here.
    /// </summary>
    public static readonly HttpRequestOptionsKey<int> SuccessRedirect = new("Upstash.Workflow.SuccessRedirect");

    /// <summary>
    /// Resolves the operation's relative path against the client's base address, so a base address
    /// without a trailing slash ("https://host/prefix") keeps its last segment.
    /// </summary>
    protected virtual Task PrepareRequestAsync(HttpClient client, HttpRequestMessage request, StringBuilder urlBuilder, CancellationToken cancellationToken)
    {
        var baseAddress = client.BaseAddress ?? throw new InvalidOperationException(
            "The HttpClient has no BaseAddress. Create the client through UpstashWorkflowClient or AddUpstashWorkflowClient, or set HttpClient.BaseAddress.");
        var root = baseAddress.AbsoluteUri;
        urlBuilder.Insert(0, root.EndsWith('/') ? root : root + "/");
        return Task.CompletedTask;
    }

    /// <summary>Nothing to do once the URL is final; a hook for derived clients.</summary>
    protected virtual Task PrepareRequestAsync(HttpClient client, HttpRequestMessage request, string url, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    /// <summary>
    /// Reads a success body as <typeparamref name="T"/>. Whatever stops it (malformed or cut-off JSON,
    /// a value of the wrong JSON type, a number out of range, text that is not base64) becomes an
    /// <see cref="UpstashWorkflowException"/> that says which call, which field and which value.
    /// </summary>
    protected static async Task<T?> ReadJsonAsync<T>(HttpResponseMessage response, IReadOnlyDictionary<string, IEnumerable<string>> headers, JsonSerializerSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.Content is null)
        {
            return default;
        }
        using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var text = new StreamReader(stream);
        using var reader = new JsonTextReader(text);
        try
        {
            return JsonSerializer.Create(settings).Deserialize<T>(reader);
        }
        catch (Exception e) when (e is JsonException or FormatException or OverflowException or ArgumentException or InvalidCastException)
        {
            var request = response.RequestMessage;
            var value = reader.Value is { } v ? " holds " + Quote(v) : "";
            var field = string.IsNullOrEmpty(reader.Path) ? "the body" : $"field '{reader.Path}'";
            var message = $"The answer to {request?.Method} {request?.RequestUri?.AbsolutePath} could not be read as {Display(typeof(T))}: {field}{value} ({e.Message.TrimEnd('.')}).";
            throw new UpstashWorkflowException(message, (int)response.StatusCode, null, headers, e);
        }
    }

    /// <summary>"IReadOnlyList&lt;NotifyResponse&gt;" rather than "IReadOnlyList`1".</summary>
    private static string Display(Type type) =>
        type.IsGenericType ? $"{type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(", ", type.GetGenericArguments().Select(Display))}>" : type.Name;

    private static string Quote(object value)
    {
        var text = Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
        text = text.Length > 100 ? text[..100] + "…" : text;
        return value is string ? $"\"{text}\"" : text;
    }

    /// <summary>
    /// Turns every 4xx and 5xx answer into its typed exception before the generated code looks at
    /// it, so a missing, empty or non-JSON body still yields the right type (see <see cref="ErrorMapper"/>).
    /// </summary>
    protected virtual async Task ProcessResponseAsync(HttpClient client, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.RequestMessage?.Options.TryGetValue(SuccessRedirect, out var redirect) == true && (int)response.StatusCode == redirect)
        {
            // The generator gave NSwag this operation's documented 3xx as a 200 too: read it as that.
            response.StatusCode = System.Net.HttpStatusCode.OK;
            return;
        }
        if ((int)response.StatusCode >= 400)
        {
            throw await ErrorMapper.FromResponseAsync(response, cancellationToken).ConfigureAwait(false);
        }
    }
}
