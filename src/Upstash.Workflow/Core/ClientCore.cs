using System.Globalization;
using System.Runtime.CompilerServices;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Upstash.Workflow.Errors;

namespace Upstash.Workflow.Core;

/// <summary>
/// What each request of a generated group class needs around the code the spec determines (see
/// generator/Upstash.Workflow.Generator/CSharp/Writers/ClientClassWriter.cs), written once for all operations. The
/// root client makes one and every group class holds it: a part, not a base, so the group classes are public and
/// mockable while this stays internal.
/// </summary>
/// <remarks>
/// It sends straight into <paramref name="handler"/>, the chain the root client or <c>IHttpClientFactory</c> built,
/// not through an <see cref="HttpClient"/>: the call already holds its deadline, and <see cref="HttpClient"/> would link
/// a second token source to it on every call, only to watch for a timeout and a cancel-all this client never uses.
/// </remarks>
internal sealed class ClientCore(
    JsonSerializerContext json,
    HttpMessageHandler handler,
    Uri baseAddress,
    string? userAgent = null,
    Diagnostics.UpstashTelemetry? telemetry = null,
    TimeSpan? timeout = null)
{
    /// <summary>Sends into the handler; it never disposes it (the root client or the factory owns the chain).</summary>
    private readonly HttpMessageInvoker _sender = new(handler ?? throw new ArgumentNullException(nameof(handler)), disposeHandler: false);

    /// <summary>The base address, where every operation's relative path starts.</summary>
    internal Uri BaseAddress { get; } = baseAddress is { IsAbsoluteUri: true }
        ? baseAddress
        : throw new ArgumentException("The base address must be an absolute URI.", nameof(baseAddress));

    /// <summary>The base address's text, ending in one '/', so a base address without a trailing slash ("https://host/prefix") keeps its last segment.</summary>
    private readonly string _root = baseAddress.AbsoluteUri.EndsWith('/') ? baseAddress.AbsoluteUri : baseAddress.AbsoluteUri + "/";

    /// <summary>The whole call's time (<see cref="UpstashWorkflowClientOptions.Timeout"/>): sending, the answer and its body; none when not given.</summary>
    private readonly TimeSpan _timeout = timeout is { } given && given <= TimeSpan.Zero && given != System.Threading.Timeout.InfiniteTimeSpan
        ? throw new ArgumentOutOfRangeException(nameof(timeout), given, "The timeout must be positive, or Timeout.InfiniteTimeSpan.")
        : timeout ?? System.Threading.Timeout.InfiniteTimeSpan;

    /// <summary>
    /// The call's deadline, which the generated method holds from sending to the last byte of the body: joined with
    /// the caller's token, cancelled when the timeout runs out; null when there is no timeout (the caller's token alone).
    /// The answer comes back once its headers are read and its body is read after, so a timeout that ended with the
    /// headers (as <see cref="HttpClient.Timeout"/> does with <see cref="HttpCompletionOption.ResponseHeadersRead"/>)
    /// would let a body that stalls hang.
    /// </summary>
    internal CancellationTokenSource? StartDeadline(CancellationToken cancellationToken)
    {
        if (_timeout == System.Threading.Timeout.InfiniteTimeSpan)
        {
            return null;
        }
        // One timer-backed source per call, as HttpClient's own timeout makes.
        var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_timeout);
        return deadline;
    }

    /// <summary>
    /// What a failed send becomes (the generated method sends under its deadline through every handler of the chain,
    /// and throws this instead when it is not null): the deadline running out is an <see cref="UpstashTimeoutException"/>,
    /// the caller's cancellation an <see cref="OperationCanceledException"/> with their token, and a connection that
    /// fails before the answer an <see cref="UpstashConnectionException"/>: outside every handler, so a resilience
    /// handler in the chain sees (and may retry) the original. Anything else goes on as it is (null).
    /// </summary>
    internal Exception? SendFailed(Exception exception, HttpRequestMessage request, CancellationTokenSource? deadline, CancellationToken cancellationToken) => exception switch
    {
        // Told by which token was cancelled, not by the one the exception names: a handler may name its own, or none.
        // The caller's own exception, with their token, goes on as it is.
        OperationCanceledException canceled when canceled.CancellationToken != cancellationToken || !cancellationToken.IsCancellationRequested => Stopped(request, canceled, deadline, cancellationToken),
        HttpRequestException failed => new UpstashConnectionException(request, $"{Describe(request)} got no answer: the connection failed ({failed.Message.TrimEnd('.')}).", failed),
        _ => null,
    };

    /// <summary>
    /// Sends <paramref name="request"/> through the handler chain, the answer returned once its headers are read (the body
    /// is read from the stream). The user agent is added here, once per request, as <see cref="HttpClient"/> adds its
    /// default headers.
    /// </summary>
    internal Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (userAgent is not null)
        {
            request.Headers.TryAddWithoutValidation("User-Agent", userAgent);
        }
        return _sender.SendAsync(request, cancellationToken);
    }

    /// <summary>"POST https://host/path", for the message of a timeout or a failed connection (where the host matters); only made when one happens.</summary>
    internal static string Describe(HttpRequestMessage request) => $"{request.Method} {request.RequestUri?.GetLeftPart(UriPartial.Path)}";

    /// <summary>The client's span source, instruments and trace-context forwarding.</summary>
    internal Diagnostics.UpstashTelemetry Telemetry { get; } = telemetry ?? Diagnostics.UpstashTelemetry.Default;

    /// <summary>
    /// On calls that start or wake a run (the C# configuration's x-forward-trace-context), and when the client is set to
    /// (<see cref="UpstashWorkflowClientOptions.PropagateTraceContext"/>): the current trace context, as
    /// <c>Upstash-Forward-traceparent</c> and <c>-tracestate</c>, which Upstash hands to the workflow endpoint as
    /// <c>traceparent</c> and <c>tracestate</c>. A header of that name the caller forwards is left as it is.
    /// </summary>
    internal void ForwardTraceContext(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (TraceContext() is not var (parent, state))
        {
            return;
        }
        if (!request.Headers.Contains(ForwardedParent))
        {
            request.Headers.TryAddWithoutValidation(ForwardedParent, parent);
            if (state is not null)
            {
                request.Headers.TryAddWithoutValidation(ForwardedState, state);
            }
        }
    }

    /// <summary>
    /// A JSON body of runs to start (a batch), each given the current trace context in its <c>headers</c> as
    /// <see cref="ForwardTraceContext(HttpRequestMessage)"/> gives it to one; the caller's objects are not changed.
    /// </summary>
    internal HttpContent JsonBodyForwardingTraceContext<T>(T value)
    {
        if (TraceContext() is not var (parent, state) || JsonSerializer.SerializeToNode(value, TypeInfo<T>()) is not JsonArray runs)
        {
            return JsonBody(value);
        }
        foreach (var run in runs.OfType<JsonObject>())
        {
            var headers = run["headers"] as JsonObject ?? (JsonObject)(run["headers"] = new JsonObject());
            if (!headers.Any(h => string.Equals(h.Key, ForwardedParent, StringComparison.OrdinalIgnoreCase)))
            {
                headers[ForwardedParent] = parent;
                if (state is not null)
                {
                    headers[ForwardedState] = state;
                }
            }
        }
        return new StringContent(runs.ToJsonString(), Encoding.UTF8, "application/json");
    }

    private const string ForwardedParent = "Upstash-Forward-traceparent";
    private const string ForwardedState = "Upstash-Forward-tracestate";

    /// <summary>The current W3C trace context, when forwarding is on and there is one.</summary>
    private (string Parent, string? State)? TraceContext() =>
        Telemetry.ForwardTraceContext && System.Diagnostics.Activity.Current is { IdFormat: System.Diagnostics.ActivityIdFormat.W3C, Id: { } id } current
            ? (id, current.TraceStateString is { Length: > 0 } state ? state : null)
            : null;

    private static readonly ConditionalWeakTable<JsonSerializerContext, JsonSerializerOptions> Options = new();

    /// <summary>The generated context's metadata, with one rule added (see <see cref="OmitEmptyCollections"/>).</summary>
    private readonly JsonSerializerOptions _options = Options.GetValue(json, static context =>
        new JsonSerializerOptions(context.Options) { TypeInfoResolver = context.WithAddedModifier(OmitEmptyCollections) });

    /// <summary>
    /// The start of a request's URL in <paramref name="buffer"/> (the generated method's stack): the base address. The
    /// generated code appends the operation's relative path and query, then hands it to <see cref="FinishUrl"/>.
    /// </summary>
    internal UrlBuilder StartUrl(Span<char> buffer)
    {
        var url = new UrlBuilder(buffer);
        url.Append(_root);
        return url;
    }

    /// <summary>The URL <see cref="StartUrl"/> began.</summary>
    internal static Uri FinishUrl(ref UrlBuilder url) => url.ToUri();

    /// <summary>
    /// Lets only a success through: every 4xx and 5xx answer becomes its typed exception (see
    /// <see cref="ErrorMapper"/>), so a missing, empty or non-JSON body still yields the right type; an
    /// operation's documented 3xx counts as its success; any other answer is an <see cref="UpstashWorkflowException"/>.
    /// </summary>
    /// <param name="response">The answer, headers read.</param>
    /// <param name="scope">The call's span and duration when someone listens: it records the status.</param>
    /// <param name="deadline">The call's deadline (<see cref="StartDeadline"/>), which an error's body is read under.</param>
    /// <param name="cancellationToken">The caller's token, to tell their cancellation from the deadline.</param>
    /// <param name="successRedirect">
    /// The 3xx status the operation documents as its success, if any ("Cancel In-Progress Failure Callback" answers 302):
    /// redirects are never followed, so that answer arrives here. The generated method passes it as a constant.
    /// </param>
    internal async Task ProcessResponseAsync(HttpResponseMessage response, Diagnostics.OperationScope? scope, CancellationTokenSource? deadline, CancellationToken cancellationToken, int successRedirect = 0)
    {
        ArgumentNullException.ThrowIfNull(response);
        var status = (int)response.StatusCode;
        scope?.Answered(status);
        if (status is >= 200 and < 300)
        {
            return;
        }
        if (status == successRedirect)
        {
            return;
        }
        UpstashWorkflowException error;
        try
        {
            error = await ErrorMapper.FromResponseAsync(response, deadline?.Token ?? cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (Stopped(response.RequestMessage, e, deadline, cancellationToken) is { } stopped)
        {
            throw stopped;
        }
        catch (Exception e) when (e is IOException or HttpRequestException)
        {
            throw BrokeOff(response, e);
        }
        throw error;
    }

    /// <summary>A call that was stopped: by the caller (their cancellation, with their token) or by the deadline (a timeout).</summary>
    private Exception? Stopped(HttpRequestMessage? request, OperationCanceledException e, CancellationTokenSource? deadline, CancellationToken cancellationToken) =>
        cancellationToken.IsCancellationRequested ? new OperationCanceledException(e.Message, e, cancellationToken)
        : deadline is { IsCancellationRequested: true } && request is not null ? new UpstashTimeoutException(_timeout, request, e)
        : null;

    /// <summary>A JSON request body, written with the generated metadata of <typeparamref name="T"/>.</summary>
    internal HttpContent JsonBody<T>(T value) => JsonContent.Create(value, TypeInfo<T>(), new MediaTypeHeaderValue("application/json"));

    /// <summary>
    /// The largest body <see cref="ReadJsonAsync"/> reads whole before parsing it; a longer one, or one of unknown
    /// length, is parsed as it streams in.
    /// </summary>
    internal const int WholeBodyLimit = 1024 * 1024;

    /// <summary>
    /// Reads a success body as <typeparamref name="T"/>. A body whose length is announced and at most
    /// <see cref="WholeBodyLimit"/> (every answer of a call but the largest pages) is read whole, asynchronously,
    /// into a pooled buffer and then parsed in one pass: System.Text.Json parses a buffer it holds whole faster than a
    /// stream, where it must be able to stop and resume anywhere (a DLQ page of 100 entries: about a tenth of the
    /// call). Any other body is parsed as it streams in. Whatever stops it (malformed or cut-off JSON, a value of the
    /// wrong JSON type, a number out of range, text that is not base64, no body at all) becomes an
    /// <see cref="UpstashWorkflowException"/> that says which call, which field and which value.
    /// </summary>
    internal async Task<T> ReadJsonAsync<T>(HttpResponseMessage response, CancellationTokenSource? deadline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        T? value;
        var body = deadline?.Token ?? cancellationToken;
        try
        {
            var stream = await response.Content.ReadAsStreamAsync(body).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                if (response.Content.Headers.ContentLength is long announced and > 0 and <= WholeBodyLimit)
                {
                    // Read here rather than in a helper of its own, so the call costs no second state machine. A stream
                    // that ends early leaves JSON cut off, which the parser refuses. The buffer is cleared before it goes
                    // back to the pool, so no answer's text outlives the call there.
                    var length = (int)announced;
                    var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(length);
                    var read = 0;
                    try
                    {
                        int last;
                        do
                        {
                            last = await stream.ReadAsync(buffer.AsMemory(read, length - read), body).ConfigureAwait(false);
                            read += last;
                        }
                        while (last > 0 && read < length);
                        value = JsonSerializer.Deserialize(buffer.AsSpan(0, read), TypeInfo<T>());
                    }
                    finally
                    {
                        buffer.AsSpan(0, read).Clear();
                        System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
                    }
                }
                else
                {
                    value = await JsonSerializer.DeserializeAsync(stream, TypeInfo<T>(), body).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException e) when (Stopped(response.RequestMessage, e, deadline, cancellationToken) is { } stopped)
        {
            throw stopped;
        }
        catch (JsonException e)
        {
            var field = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "the body" : $"field '{e.Path.TrimStart('$').TrimStart('.')}'";
            throw Unreadable(response, $"The answer to {ErrorDetails.Call(response)} could not be read as {Display(typeof(T))}: {field}: {e.Message.TrimEnd('.')}.", e);
        }
        catch (Exception e) when (e is IOException or HttpRequestException)
        {
            throw BrokeOff(response, e);
        }
        return value ?? throw Unreadable(response, $"The answer to {ErrorDetails.Call(response)} was empty where {Display(typeof(T))} was expected.", null);
    }

    /// <summary>
    /// A list or map the answer may leave out is read as empty, never null (generator/templates/Class.liquid);
    /// the other way round, an empty one is left out of what is written, as the API reads both alike.
    /// </summary>
    private static void OmitEmptyCollections(JsonTypeInfo type)
    {
        foreach (var property in type.Properties)
        {
            if (property.PropertyType != typeof(string) && typeof(System.Collections.IEnumerable).IsAssignableFrom(property.PropertyType))
            {
                var inner = property.ShouldSerialize;
                property.ShouldSerialize = (owner, value) => value is not System.Collections.ICollection { Count: 0 } && (inner?.Invoke(owner, value) ?? true);
            }
        }
    }

    private JsonTypeInfo<T> TypeInfo<T>() =>
        _options.GetTypeInfo(typeof(T)) as JsonTypeInfo<T>
        ?? throw new InvalidOperationException($"The generated JSON context has no metadata for {typeof(T)}; the generator lists every body and answer type in it.");

    /// <summary>The connection broke while the body of <paramref name="response"/> was read.</summary>
    private static UpstashConnectionException BrokeOff(HttpResponseMessage response, Exception inner) =>
        new(response.RequestMessage!, $"The answer {(int)response.StatusCode} to {ErrorDetails.Call(response)} broke off: the connection failed while its body was read ({inner.Message.TrimEnd('.')}).", inner);

    private static UpstashWorkflowException Unreadable(HttpResponseMessage response, string message, Exception? inner) =>
        new(ErrorDetails.Of(response, message), inner);

    /// <summary>"IReadOnlyList&lt;NotifyResponse&gt;" rather than "IReadOnlyList`1".</summary>
    private static string Display(Type type) =>
        type.IsGenericType ? $"{type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(", ", type.GetGenericArguments().Select(Display))}>" : type.Name;
}
