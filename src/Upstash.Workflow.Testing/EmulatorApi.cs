using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace Upstash.Workflow.Testing;

/// <summary>
/// The HTTP side of the emulator: who may call it, authentication, routing on the raw path, and what the answers share.
/// The operations are in EmulatorApi.&lt;group&gt;.cs, one file per group of the API. A local server is reachable from
/// every web page its user opens, so the checks come first and cost nothing: a request from another origin or naming
/// another host (DNS rebinding) is refused before its body is read, a body past the message limit is refused unread,
/// and a request that still fails is logged and answered 500 with its reason.
/// </summary>
internal sealed partial class EmulatorApi(EmulatorState state, string token, WorkflowEngine engine, FlowGate flow, EmulatorFaults faults,
    UpstashWorkflowEmulatorOptions options, EmulatorLog log, Dashboard.DashboardServer dashboard)
{
    private static readonly JsonSerializerOptions Json = WireJson.Options;

    private static readonly SpecRules Rules = SpecRules.Load();

    // What an HTML form sends, and no client of the API does: a write of these types is never authenticated by a token in
    // its query string.
    private static readonly string[] FormContentTypes = ["application/x-www-form-urlencoded", "multipart/form-data"];

    /// <summary>The port the emulator answers on, once it listens: the only one its <c>Host</c> and <c>Origin</c> may name.</summary>
    public int Port { get; set; }

    /// <summary>The user the token names (its base64 JSON's <c>UserID</c>, as the SDK reads it for webhook URLs); null for a token of another shape.</summary>
    private readonly string? _user = TokenUser(token);

    public async Task HandleAsync(HttpContext context)
    {
        state.CountRequest();
        var raw = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
        var path = raw.Split('?')[0];
        try
        {
            if (Foreign(context.Request) is { } foreign)
            {
                await Answer(context, 403, foreign);
                return;
            }
            if (context.Request.ContentLength > options.MaxMessageSize)
            {
                await Answer(context, 413, TooLarge);
                return;
            }
            await HandleAsync(context, path);
        }
        catch (RefusedException refused)
        {
            await Answer(context, refused.Status, refused.Message);
        }
        catch (Exception e) when (!context.RequestAborted.IsCancellationRequested)
        {
            log.Unhandled(e, context.Request.Method, path);
            if (!context.Response.HasStarted)
            {
                await Answer(context, 500, $"the emulator could not handle {context.Request.Method} {path}: {e.GetType().Name}: {e.Message}");
            }
        }
    }

    private string TooLarge => $"the body is larger than the emulator's limit of {options.MaxMessageSize} bytes (UpstashWorkflowEmulatorOptions.MaxMessageSize)";

    private async Task HandleAsync(HttpContext context, string path)
    {
        // Segments are decoded one by one, so an id containing "/" (sent as %2F) stays one segment.
        var segments = path.Trim('/').Split('/').Select(Uri.UnescapeDataString).ToArray();
        var query = QueryHelpers.ParseQuery(context.Request.QueryString.Value);
        var request = new Request(context, segments, query, options.MaxMessageSize);

        // The dashboard's pages, at the root: signed in with the token once, by a cookie (the API stays as it is).
        if (Dashboard.DashboardServer.Serves(segments))
        {
            await dashboard.HandleAsync(context, segments);
            return;
        }
        // A webhook URL is a capability handed to whoever should call it: it carries no token, and names the token's user.
        if (segments is ["v2", "workflows", "hooks", var user, var hookRun, var hookEvent])
        {
            await (user == _user ? Hook(request, hookRun, hookEvent) : request.Error(404, "no such webhook: its URL does not name this emulator's user"));
            return;
        }
        if (Authenticated(context, query) is { } unauthenticated)
        {
            await request.Error(401, unauthenticated);
            return;
        }
        if (Rules.Check(request.Method, segments, query, context.Request.Headers) is { } invalid)
        {
            await request.Error(400, invalid);
            return;
        }
        if (faults.Take(new EmulatorCall(Rules.OperationId(request.Method, segments), request.Method, path)) is { } fault)
        {
            if (fault.Delay > TimeSpan.Zero)
            {
                await Task.Delay(fault.Delay, state.Clock, context.RequestAborted);
            }
            if (fault.Status != 0)
            {
                foreach (var (name, value) in fault.HeadersAt(state.Clock.GetUtcNow()))
                {
                    context.Response.Headers[name] = value;
                }
                await request.Error(fault.Status, fault.Error!);
                return;
            }
        }
        await Route(request);
    }

    /// <summary>
    /// Why a request did not come from a client of this emulator, or null: a <c>Host</c> other than the loopback address and
    /// port it answers on (a page that rebound its own name to 127.0.0.1), an <c>Origin</c> other than its own (a page of any
    /// other site; no SDK sends one).
    /// </summary>
    private string? Foreign(HttpRequest request)
    {
        var host = request.Host;
        if (!host.HasValue || host.Port != Port || host.Host is not ("127.0.0.1" or "localhost"))
        {
            return $"the Host '{host.Value}' is not this emulator's (127.0.0.1:{Port} or localhost:{Port})";
        }
        if (request.Headers.Origin is { Count: > 0 } origin && !Own(origin.ToString()))
        {
            return $"requests from the origin '{origin}' are refused: only this emulator's own pages may call it from a browser";
        }
        return null;
    }

    private bool Own(string origin) => origin == $"http://127.0.0.1:{Port}" || origin == $"http://localhost:{Port}";

    /// <summary>Null when the request carries the token as the service takes it; otherwise why not.</summary>
    private string? Authenticated(HttpContext context, Dictionary<string, StringValues> query)
    {
        // A call a page of the dashboard sent: its session cookie with the header no form and no other site can send.
        if (dashboard.SignedInCall(context.Request))
        {
            return null;
        }
        if (context.Request.Headers.Authorization.ToString() is { Length: > 0 } header)
        {
            return Same(header, $"Bearer {token}") ? null : "invalid token";
        }
        if (!query.TryGetValue("qstash_token", out var q))
        {
            return "missing token: send Authorization: Bearer <token>";
        }
        if (!Same(q.ToString(), token))
        {
            return "invalid token";
        }
        // A page can send a write with a token in its URL without asking first (a form, a text/plain or body-less fetch);
        // such a write must use the header. A browser also sends Origin with it, refused before this; this holds should a
        // request arrive without: a form's body type, or a browser's word that another site sent it (Sec-Fetch-Site).
        var type = context.Request.ContentType;
        var form = type is not null && FormContentTypes.Any(t => type.StartsWith(t, StringComparison.OrdinalIgnoreCase));
        var fromPage = context.Request.Headers.TryGetValue("Sec-Fetch-Site", out var site) && site.ToString() is not ("same-origin" or "none");
        return !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method) && (form || fromPage)
            ? "a write a web page may send unasked (a form, or any write another site sent) takes the token from the Authorization header, not from qstash_token"
            : null;
    }

    /// <summary>Compares in time independent of where the texts first differ, so a token cannot be guessed byte by byte.</summary>
    private static bool Same(string given, string expected) =>
        System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));

    private static string? TokenUser(string token)
    {
        try
        {
            return JsonNode.Parse(Convert.FromBase64String(token)) is JsonObject o ? JsonValues.Text(o["UserID"]) : null;
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }
    }

    private static Task Answer(HttpContext context, int status, string message) =>
        Write(context, JsonSerializer.SerializeToUtf8Bytes(new { error = message }, Json), status);

    /// <summary>Writes a JSON answer whole, its length declared (an answer is never streamed in chunks).</summary>
    private static async Task Write(HttpContext context, byte[] json, int status)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = json.Length;
        await context.Response.Body.WriteAsync(json, context.RequestAborted);
    }

    private Task Route(Request r) => (r.Method, r.Segments) switch
    {
        ("POST", ["v2", "trigger", .. var url]) when url.Length > 0 => WithSettings(r, settings => Trigger(r, string.Join('/', url), settings)),
        ("POST", ["v2", "batch", "trigger"]) => BatchTrigger(r),
        ("DELETE", ["v2", "workflows", "runs", var id]) when r.Text("cancel") == "false" => CompleteRun(r, id),
        ("DELETE", ["v2", "workflows", "runs", var id]) => CancelRun(r, id),
        ("GET", ["v2", "workflows", "runs", var id]) => engine.History(id) is { } history ? r.Ok(history) : r.Error(404, $"no running workflow run {id}"),
        ("POST", ["v2", "batch"]) => Publish(r),
        ("POST", ["v2", "publish", .. var url]) when url.Length > 0 => Publish(r, string.Join('/', url)),
        ("POST", ["v2", "wait", var eventId]) => Wait(r, eventId),
        ("DELETE", ["v2", "workflows", "runs"]) => CancelRuns(r),
        ("GET", ["v2", "workflows", "logs"]) => Logs(r),
        // The official TypeScript clients' reads of the same: Client.logs() and client.dlq.list().
        ("GET", ["v2", "workflows", "events"]) when r.Text("groupBy") == "workflowRunId" => Logs(r),
        ("GET", ["v2", "workflows", "dlq"] or ["v2", "dlq"]) => ListDlq(r),
        ("DELETE", ["v2", "workflows", "dlq"]) => DeleteDlq(r),
        ("GET", ["v2", "workflows", "dlq", var id]) => Found(s => s.Dlq.FirstOrDefault(e => e.DlqId == id)) is { } entry ? r.Bytes(entry) : r.Error(404, $"DLQ message {id} not found"),
        ("DELETE", ["v2", "workflows", "dlq", var id]) => DeleteEntry(r, id),
        ("POST", ["v2", "workflows", "dlq", var action and ("resume" or "restart"), var id]) => WithSettings(r, overrides => RunAgain(r, id, overrides, action == "resume")),
        ("POST", ["v2", "workflows", "dlq", "resume"]) => WithSettings(r, overrides => RunAgainInBulk(r, overrides, 100, resume: true)),
        ("POST", ["v2", "workflows", "dlq", "restart"]) => WithSettings(r, overrides => RunAgainInBulk(r, overrides, BulkRestartLimit, resume: false)),
        ("POST", ["v2", "workflows", "dlq", "callback", var id]) => RetryCallback(r, id),
        ("DELETE", ["v2", "workflows", "dlq", "callback", var id]) => CancelCallback(r, id),
        ("GET", ["v2", "flowControl"]) => r.Bytes(Serialized(s => s.FlowKeys.Values.ToList())),
        ("GET", ["v2", "flowControl", var key]) => Found(s => s.FlowKeys.GetValueOrDefault(key)) is { } k ? r.Bytes(k) : r.Empty(404),
        ("POST", ["v2", "flowControl", var key, var action]) => FlowAction(r, key, action),
        ("GET", ["v2", "globalParallelism"]) => r.Ok(new { parallelismMax = 100, parallelismCount = state.Read(s => s.Runs.Count(x => !x.Finished)) }),
        ("GET", ["v2", "keys"]) => r.Ok(Keys()),
        ("POST", ["v2", "keys", "rotate"]) => Rotate(r),
        ("POST", ["v2", "notify", var eventId]) => Notify(r, null, eventId),
        ("POST", ["v2", "notify", var runId, var eventId]) => Notify(r, runId, eventId),
        ("GET", ["v2", "waiters", var eventId]) => r.Bytes(Serialized(s => s.WaitersFor(eventId))),
        _ => r.Error(404, $"no such endpoint: {r.Method} /{string.Join('/', r.Segments)}"),
    };

    /// <summary>
    /// What <paramref name="read"/> finds, written as JSON under the state's lock: runs change while deliveries are
    /// answered, and an answer must show each one as it stood at one moment.
    /// </summary>
    private byte[] Serialized<T>(Func<EmulatorState, T> read) => state.Read(s => JsonSerializer.SerializeToUtf8Bytes(read(s), Json));

    /// <summary>As <see cref="Serialized"/>; null when <paramref name="find"/> finds nothing.</summary>
    private byte[]? Found<T>(Func<EmulatorState, T?> find) where T : class =>
        state.Read(s => find(s) is { } found ? JsonSerializer.SerializeToUtf8Bytes(found, Json) : null);

    private static object Started(Run run) => new { workflowRunId = run.WorkflowRunId, workflowCreatedAt = run.WorkflowRunCreatedAt };

    /// <summary>
    /// Offset paging: the cursor is where the next page starts; null on the last page. False for a cursor
    /// this emulator did not hand out.
    /// </summary>
    private static bool Page<T>(List<T> all, Request r, int max, out List<T> page, out string? cursor)
    {
        var start = 0;
        if (r.Text("cursor") is { Length: > 0 } given && !int.TryParse(given, NumberStyles.None, CultureInfo.InvariantCulture, out start))
        {
            (page, cursor) = ([], null);
            return false;
        }
        var count = Math.Clamp(r.Int("count") ?? max, 1, max);
        page = all.Skip(start).Take(count).ToList();
        cursor = start + count < all.Count ? (start + count).ToString(CultureInfo.InvariantCulture) : null;
        return true;
    }

    private static string InvalidCursor(Request r) => $"invalid cursor '{r.Text("cursor")}'";

    /// <summary>A request refused as it is read (a body past the limit, JSON that is not well formed): answered with its status and reason.</summary>
    private sealed class RefusedException(int status, string message) : Exception(message)
    {
        public int Status { get; } = status;
    }

    private sealed record Request(HttpContext Context, string[] Segments, Dictionary<string, StringValues> Query, int MaxBody)
    {
        public string Method => Context.Request.Method;

        public string? Header(string name) => Context.Request.Headers.TryGetValue(name, out var v) ? v.ToString() : null;

        /// <summary>The body, read up to the message limit: past it the request is refused (413) and the rest is not read.</summary>
        public async Task<byte[]> BodyAsync()
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = await Context.Request.Body.ReadAsync(chunk, Context.RequestAborted)) > 0)
            {
                if (buffer.Length + read > MaxBody)
                {
                    throw new RefusedException(413, $"the body is larger than the emulator's limit of {MaxBody} bytes (UpstashWorkflowEmulatorOptions.MaxMessageSize)");
                }
                buffer.Write(chunk, 0, read);
            }
            return buffer.ToArray();
        }

        public string? Text(string name) => Query.TryGetValue(name, out var v) && v.Count > 0 ? v.ToString() : null;

        public List<string>? List(string name) => Query.TryGetValue(name, out var v) && v.Count > 0
            ? v.SelectMany(x => (x ?? "").Split(',')).ToList()
            : null;

        public long? Long(string name) => long.TryParse(Text(name), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? v : null;

        public int? Int(string name) => int.TryParse(Text(name), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? v : null;

        public Task Ok(object body, int status = 200) => Bytes(JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), Json), status);

        /// <summary>An answer already written as JSON (the emulator's state, serialized under its lock).</summary>
        public Task Bytes(byte[] json, int status = 200) => Write(Context, json, status);

        public Task Error(int status, string message) => Ok(new { error = message }, status);

        public Task Empty(int status)
        {
            Context.Response.StatusCode = status;
            return Task.CompletedTask;
        }
    }
}
