using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace Upstash.Workflow.Testing;

/// <summary>
/// The HTTP side of the emulator: authentication, routing on the raw path, and what the answers share.
/// The operations are in EmulatorApi.&lt;group&gt;.cs, one file per group of the API.
/// </summary>
internal sealed partial class EmulatorApi(EmulatorState state, string token, DeliverySender delivery, WorkflowEngine engine, FlowGate flow, EmulatorFaults faults)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    private static readonly SpecRules Rules = SpecRules.Load();

    public async Task HandleAsync(HttpContext context)
    {
        state.Change(s => ++s.Requests);
        var raw = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
        var path = raw.Split('?')[0];
        // Segments are decoded one by one, so an id containing "/" (sent as %2F) stays one segment.
        var segments = path.Trim('/').Split('/').Select(Uri.UnescapeDataString).ToArray();
        var query = QueryHelpers.ParseQuery(context.Request.QueryString.Value);
        var request = new Request(context, segments, query);

        // A webhook URL is a capability handed to whoever should call it: it carries no token.
        if (segments is ["v2", "workflows", "hooks", _, var hookRun, var hookEvent])
        {
            await Hook(request, hookRun, hookEvent);
            return;
        }
        if (!Authenticated(context, query))
        {
            await request.Error(401, "invalid or missing token");
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

    private bool Authenticated(HttpContext context, Dictionary<string, StringValues> query)
    {
        var header = context.Request.Headers.Authorization.ToString();
        return header == $"Bearer {token}" || query.TryGetValue("qstash_token", out var q) && q.ToString() == token;
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
        ("GET", ["v2", "workflows", "dlq"]) => ListDlq(r),
        ("DELETE", ["v2", "workflows", "dlq"]) => DeleteDlq(r),
        ("GET", ["v2", "workflows", "dlq", var id]) => WithEntry(r, id, e => r.Ok(e)),
        ("DELETE", ["v2", "workflows", "dlq", var id]) => DeleteEntry(r, id),
        ("POST", ["v2", "workflows", "dlq", var action and ("resume" or "restart"), var id]) => WithSettings(r, overrides => RunAgain(r, id, overrides, action == "resume")),
        ("POST", ["v2", "workflows", "dlq", "resume"]) => WithSettings(r, overrides => RunAgainInBulk(r, overrides, 100, resume: true)),
        ("POST", ["v2", "workflows", "dlq", "restart"]) => WithSettings(r, overrides => RunAgainInBulk(r, overrides, BulkRestartLimit, resume: false)),
        ("POST", ["v2", "workflows", "dlq", "callback", var id]) => RetryCallback(r, id),
        ("DELETE", ["v2", "workflows", "dlq", "callback", var id]) => CancelCallback(r, id),
        ("GET", ["v2", "flowControl"]) => r.Ok(state.Read(s => s.FlowKeys.Values.ToList())),
        ("GET", ["v2", "flowControl", var key]) => state.Read(s => s.FlowKeys.GetValueOrDefault(key)) is { } k ? r.Ok(k) : r.Empty(404),
        ("POST", ["v2", "flowControl", var key, var action]) => FlowAction(r, key, action),
        ("GET", ["v2", "globalParallelism"]) => r.Ok(new { parallelismMax = 100, parallelismCount = state.Read(s => s.Runs.Count(x => !x.Finished)) }),
        ("GET", ["v2", "keys"]) => r.Ok(Keys()),
        ("POST", ["v2", "keys", "rotate"]) => Rotate(r),
        ("POST", ["v2", "notify", var eventId]) => Notify(r, null, eventId),
        ("POST", ["v2", "notify", var runId, var eventId]) => Notify(r, runId, eventId),
        ("GET", ["v2", "waiters", var eventId]) => r.Ok(state.Read(s => s.Waiters.Where(w => w.EventId == eventId).ToList())),
        _ => r.Error(404, $"no such endpoint: {r.Method} /{string.Join('/', r.Segments)}"),
    };

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

    private sealed record Request(HttpContext Context, string[] Segments, Dictionary<string, StringValues> Query)
    {
        public string Method => Context.Request.Method;

        public string? Header(string name) => Context.Request.Headers.TryGetValue(name, out var v) ? v.ToString() : null;

        public async Task<byte[]> BodyAsync()
        {
            using var buffer = new MemoryStream();
            await Context.Request.Body.CopyToAsync(buffer);
            return buffer.ToArray();
        }

        public string? Text(string name) => Query.TryGetValue(name, out var v) && v.Count > 0 ? v.ToString() : null;

        public List<string>? List(string name) => Query.TryGetValue(name, out var v) && v.Count > 0
            ? v.SelectMany(x => (x ?? "").Split(',')).ToList()
            : null;

        public long? Long(string name) => long.TryParse(Text(name), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? v : null;

        public int? Int(string name) => int.TryParse(Text(name), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? v : null;

        public async Task Ok(object body, int status = 200)
        {
            Context.Response.StatusCode = status;
            Context.Response.ContentType = "application/json";
            await JsonSerializer.SerializeAsync(Context.Response.Body, body, body.GetType(), Json);
        }

        public Task Error(int status, string message) => Ok(new { error = message }, status);

        public Task Empty(int status)
        {
            Context.Response.StatusCode = status;
            return Task.CompletedTask;
        }
    }
}
