using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace Upstash.Workflow.Testing;

/// <summary>The HTTP side of the emulator: authentication, routing on the raw path, and each operation.</summary>
internal sealed class EmulatorApi(EmulatorState state, string token)
{
    private const int BulkRestartLimit = 50;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public async Task HandleAsync(HttpContext context)
    {
        state.Change(s => ++s.Requests);
        var raw = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
        var path = raw.Split('?')[0];
        // Segments are decoded one by one, so an id containing "/" (sent as %2F) stays one segment.
        var segments = path.Trim('/').Split('/').Select(Uri.UnescapeDataString).ToArray();
        var query = QueryHelpers.ParseQuery(context.Request.QueryString.Value);
        var request = new Request(context, segments, query);

        if (!Authenticated(context, query))
        {
            await request.Error(401, "invalid or missing token");
            return;
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
        ("DELETE", ["v2", "workflows", "runs", var id]) => CancelRun(r, id),
        ("DELETE", ["v2", "workflows", "runs"]) => CancelRuns(r),
        ("GET", ["v2", "workflows", "logs"]) => Logs(r),
        ("GET", ["v2", "workflows", "dlq"]) => ListDlq(r),
        ("DELETE", ["v2", "workflows", "dlq"]) => DeleteDlq(r),
        ("GET", ["v2", "workflows", "dlq", var id]) => WithEntry(r, id, e => r.Ok(e)),
        ("DELETE", ["v2", "workflows", "dlq", var id]) => DeleteEntry(r, id),
        ("POST", ["v2", "workflows", "dlq", "resume" or "restart", var id]) => WithSettings(r, overrides => WithEntry(r, id, e => r.Ok(Started(state.RunAgain(e, overrides))))),
        ("POST", ["v2", "workflows", "dlq", "resume"]) => WithSettings(r, overrides => RunAgainInBulk(r, overrides, 100)),
        ("POST", ["v2", "workflows", "dlq", "restart"]) => WithSettings(r, overrides => RunAgainInBulk(r, overrides, BulkRestartLimit)),
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

    private async Task Trigger(Request r, string workflowUrl, RunSettings settings)
    {
        if (!IsWorkflowUrl(workflowUrl))
        {
            await r.Error(400, $"invalid destination '{workflowUrl}': expected an absolute http(s) URL");
            return;
        }
        var body = await r.BodyAsync();
        var (run, _) = Start(workflowUrl, r.Header("Upstash-Workflow-RunId"), settings, body, r.Context.Request.ContentType);
        await r.Ok(Started(run));
    }

    /// <summary>
    /// Starts a run, unless the run id asked for is already taken: then the run with it is the answer,
    /// deduplicated, and nothing new starts (so a trigger sent twice starts one run).
    /// </summary>
    private (Run Run, bool Deduplicated) Start(string workflowUrl, string? runId, RunSettings settings, byte[] body, string? contentType) =>
        state.Change(s => runId is not null && s.FindRun(runId) is { } existing ? (existing, true) : (s.Trigger(workflowUrl, runId, settings, body, contentType), false));

    private static bool IsWorkflowUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    /// <summary>Reads the run settings the request's headers give, or answers 400 naming the malformed one.</summary>
    private static Task WithSettings(Request r, Func<RunSettings, Task> then)
    {
        var settings = RunSettings.Read(r.Context.Request.Headers.Select(h => KeyValuePair.Create(h.Key, h.Value.ToString())), out var error);
        return error is null ? then(settings) : r.Error(400, error);
    }

    private async Task BatchTrigger(Request r)
    {
        JsonArray? items;
        try
        {
            items = await JsonNode.ParseAsync(r.Context.Request.Body) as JsonArray;
        }
        catch (JsonException)
        {
            items = null;
        }
        if (items is null || items.Any(i => i is not JsonObject || i["destination"] is not JsonValue d || !d.TryGetValue<string>(out var url) || !IsWorkflowUrl(url)))
        {
            await r.Error(400, "the body must be an array of { destination (an absolute http(s) URL), body?, headers? }");
            return;
        }
        // Every item is checked before any run starts, as one request is all or nothing.
        var parsed = items.Select(i => (Item: i!, Headers: ItemHeaders(i!["headers"] as JsonObject))).ToList();
        var read = parsed.Select(p => (p.Item, p.Headers, Settings: RunSettings.Read(p.Headers, out var error), Error: error)).ToList();
        if (read.FirstOrDefault(x => x.Error is not null).Error is { } bad)
        {
            await r.Error(400, bad);
            return;
        }
        var runs = read.Select(x =>
        {
            var body = x.Item["body"] is JsonValue b && b.TryGetValue<string>(out var text) ? System.Text.Encoding.UTF8.GetBytes(text) : [];
            var (run, deduplicated) = Start(x.Item["destination"]!.GetValue<string>(), Item(x.Headers, "Upstash-Workflow-RunId"), x.Settings, body, Item(x.Headers, "Content-Type"));
            return new { workflowRunId = run.WorkflowRunId, workflowCreatedAt = run.WorkflowRunCreatedAt, deduplicated };
        }).ToList();
        await r.Ok(runs, 201);
    }

    private Task CancelRun(Request r, string id) => state.Change(s =>
    {
        var run = s.Runs.FirstOrDefault(x => x.WorkflowRunId == id && !x.Finished);
        if (run is null)
        {
            return false;
        }
        Cancel(s, run);
        return true;
    }) ? r.Empty(200) : r.Empty(404);

    private Task CancelRuns(Request r)
    {
        var count = r.Int("count") ?? 100;
        var cancelled = state.Change(s =>
        {
            var matching = s.Runs.Where(x => !x.Finished && MatchesRunFilters(r, x)).Take(count).ToList();
            matching.ForEach(x => Cancel(s, x));
            return matching.Count;
        });
        return r.Ok(new { cancelled });
    }

    private static void Cancel(EmulatorState s, Run run)
    {
        run.WorkflowState = "RUN_CANCELED";
        run.WorkflowRunCompletedAt = s.Now;
    }

    private static bool MatchesRunFilters(Request r, Run run)
    {
        if (r.List("workflowRunIds") is { } ids)
        {
            return ids.Contains(run.WorkflowRunId);
        }
        var exact = r.Query.TryGetValue("workflowUrlExactMatch", out var e) && e == "true";
        return (r.List("workflowUrl") is not { } urls || urls.Any(u => exact ? run.WorkflowUrl == u : run.WorkflowUrl.StartsWith(u, StringComparison.Ordinal)))
            && (r.Long("fromDate") is not { } from || run.WorkflowRunCreatedAt >= from)
            && (r.Long("toDate") is not { } to || run.WorkflowRunCreatedAt <= to)
            && (r.List("callerIp") is not { } ips || ips.Contains(run.WorkflowRunCallerIp))
            && (r.List("flowControlKey") is not { } keys || keys.Contains(run.FlowControlKey ?? ""))
            && (r.List("label") is not { } labels || run.Labels.Intersect(labels).Any());
    }

    private Task Logs(Request r)
    {
        var wanted = r.Query.TryGetValue("workflowRuns", out var pairs)
            ? pairs.ToString().Split(',', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('@')[0]).ToHashSet()
            : null;
        var runs = state.Read(s => s.Runs.AsEnumerable().Reverse().Where(x =>
            (r.Text("workflowUrl") is not { } url || x.WorkflowUrl == url)
            && (r.Text("workflowRunId") is not { } id || x.WorkflowRunId == id)
            && (r.Long("workflowCreatedAt") is not { } created || x.WorkflowRunCreatedAt == created)
            && (wanted is null || wanted.Contains(x.WorkflowRunId))
            && (r.Text("state") is not { } st || x.WorkflowState == st)
            && (r.Long("fromDate") is not { } from || x.WorkflowRunCreatedAt >= from)
            && (r.Long("toDate") is not { } to || x.WorkflowRunCreatedAt <= to)
            && (r.List("label") is not { } labels || x.Labels.Intersect(labels).Any())
            && (r.Text("flowControlKey") is not { } key || x.FlowControlKey == key)
            && (r.Text("callerIp") is not { } ip || x.WorkflowRunCallerIp == ip)).ToList());
        if (!Page(runs, r, 1000, out var page, out var cursor))
        {
            return r.Error(400, InvalidCursor(r));
        }
        // The last page of logs still carries a cursor, an empty one.
        object answer = new { cursor = cursor ?? "", runs = page };
        return r.Int("trimBody") is { } trim and >= 0 ? r.Ok(Trimmed(JsonSerializer.SerializeToNode(answer, Json)!, trim)) : r.Ok(answer);
    }

    /// <summary>The answer with every body in it (a step's output, a call's bodies, a run's response) cut to <paramref name="bytes"/> UTF-8 bytes.</summary>
    private static JsonNode Trimmed(JsonNode node, int bytes)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var name in obj.Select(p => p.Key).ToList())
                {
                    if (name is "out" or "callBody" or "callResponseBody" or "workflowRunResponse" && obj[name] is JsonValue v && v.TryGetValue<string>(out var text))
                    {
                        obj[name] = Cut(text, bytes);
                    }
                    else if (obj[name] is { } child)
                    {
                        Trimmed(child, bytes);
                    }
                }
                break;
            case JsonArray array:
                foreach (var item in array.OfType<JsonNode>())
                {
                    Trimmed(item, bytes);
                }
                break;
        }
        return node;
    }

    /// <summary>The longest start of <paramref name="text"/> within <paramref name="bytes"/> UTF-8 bytes, never splitting a character.</summary>
    private static string Cut(string text, int bytes)
    {
        var length = 0;
        var used = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (used + rune.Utf8SequenceLength > bytes)
            {
                break;
            }
            used += rune.Utf8SequenceLength;
            length += rune.Utf16SequenceLength;
        }
        return text[..length];
    }

    private static bool MatchesDlqFilters(Request r, DlqEntry e) =>
        (r.Long("fromDate") is not { } from || e.CreatedAt >= from)
        && (r.Long("toDate") is not { } to || e.CreatedAt <= to)
        && (r.List("workflowUrl") is not { } urls || urls.Contains(e.WorkflowUrl))
        && (r.Text("workflowRunId") is not { } id || e.WorkflowRunId == id)
        && (r.Long("workflowCreatedAt") is not { } created || e.WorkflowCreatedAt == created)
        && (r.List("label") is not { } labels || e.Labels.Intersect(labels).Any())
        && (r.List("failureFunctionState") is not { } states || states.Contains(e.FailureFunctionState ?? ""))
        && (r.List("callerIp") is not { } ips || ips.Contains(e.CallerIp))
        && (r.List("flowControlKey") is not { } keys || keys.Contains(e.FlowControlKey ?? ""));

    private Task ListDlq(Request r)
    {
        var entries = state.Read(s => s.Dlq.Where(e => MatchesDlqFilters(r, e)).ToList());
        return Page(entries, r, 100, out var page, out var cursor) ? r.Ok(new { cursor, messages = page }) : r.Error(400, InvalidCursor(r));
    }

    /// <summary>The entries a bulk call acts on: the listed ids (all must exist), or those matching the filters.</summary>
    private static (List<DlqEntry>? Entries, string? Missing) Select(EmulatorState s, Request r)
    {
        if (r.List("dlqIds") is { } ids)
        {
            var missing = ids.Where(id => s.Dlq.All(e => e.DlqId != id)).ToList();
            return missing.Count > 0 ? (null, string.Join(", ", missing)) : (s.Dlq.Where(e => ids.Contains(e.DlqId)).ToList(), null);
        }
        return (s.Dlq.Where(e => MatchesDlqFilters(r, e)).ToList(), null);
    }

    private Task DeleteDlq(Request r)
    {
        var count = r.Int("count") ?? 100;
        var (deleted, more) = state.Change(s =>
        {
            var (entries, _) = Select(s, r);
            var batch = (entries ?? []).Take(count).ToList();
            batch.ForEach(e => s.Dlq.Remove(e));
            return (batch.Count, (entries?.Count ?? 0) > batch.Count);
        });
        return r.Ok(new { deleted, cursor = more ? NextBatch() : null });
    }

    private Task RunAgainInBulk(Request r, RunSettings overrides, int limit)
    {
        var count = Math.Min(r.Int("count") ?? limit, limit);
        var (runs, more, missing) = state.Change(s =>
        {
            var (entries, missing) = Select(s, r);
            if (entries is null)
            {
                return ((List<Run>?)null, false, missing);
            }
            var batch = entries.Take(count).ToList();
            return (batch.Select(e => state.RunAgain(e, overrides)).ToList(), entries.Count > batch.Count, null);
        });
        return runs is null
            ? r.Error(404, $"DLQ messages not found: {missing}")
            : r.Ok(new { workflowRuns = runs.Select(Started).ToList(), cursor = more ? NextBatch() : null });
    }

    private int _batches;

    /// <summary>A bulk call's cursor: the entries it handled are gone, so the next call just takes the next batch; each cursor is new.</summary>
    private string NextBatch() => $"batch-{Interlocked.Increment(ref _batches)}";

    private Task DeleteEntry(Request r, string id) =>
        state.Change(s => s.Dlq.RemoveAll(e => e.DlqId == id)) > 0 ? r.Empty(200) : r.Empty(404);

    private Task RetryCallback(Request r, string id) => WithEntry(r, id, entry =>
    {
        if (entry.FailureCallback is null)
        {
            return r.Error(400, "this run has no failure callback");
        }
        var run = state.Change(s =>
        {
            entry.SetCallbackState("CALLBACK_INPROGRESS");
            var failed = s.FindRun(entry.WorkflowRunId);
            var settings = new RunSettings { Labels = entry.Labels, FlowControlKey = entry.FlowControlKey, Forwarded = failed?.Settings.FailureForwarded };
            return state.Trigger(entry.FailureCallback, null, settings, failed?.Body ?? [], failed?.ContentType);
        });
        return r.Ok(Started(run));
    });

    private Task CancelCallback(Request r, string id) => WithEntry(r, id, entry =>
    {
        if (entry.FailureFunctionState != "CALLBACK_INPROGRESS")
        {
            return r.Error(400, "no failure callback is in progress for this run");
        }
        state.Change((EmulatorState _) => entry.SetCallbackState("CALLBACK_CANCELED"));
        return r.Empty(302);
    });

    private Task FlowAction(Request r, string key, string action) => state.Change(s =>
    {
        if (!s.FlowKeys.TryGetValue(key, out var k))
        {
            return false;
        }
        switch (action)
        {
            case "pause": k.IsPaused = true; break;
            case "resume": k.IsPaused = false; break;
            case "pin":
                if (r.Int("parallelism") is { } p) { k.ParallelismMax = p; k.IsPinnedParallelism = true; }
                if (r.Int("rate") is { } rate) { k.RateMax = rate; k.IsPinnedRate = true; }
                if (r.Int("period") is { } period) { k.RatePeriod = period; }
                break;
            case "unpin":
                if (r.Text("parallelism") == "true") { k.IsPinnedParallelism = false; }
                if (r.Text("rate") == "true") { k.IsPinnedRate = false; }
                break;
            case "resetRate": k.RateCount = 0; k.RatePeriodStart = s.Now; break;
            default: return false;
        }
        return true;
    }) ? r.Empty(200) : r.Empty(400);

    private object Keys() => state.Read(s => new { current = s.CurrentKey, next = s.NextKey });

    private Task Rotate(Request r)
    {
        state.Change((EmulatorState s) =>
        {
            s.CurrentKey = s.NextKey;
            s.NextKey = "sig_" + Guid.NewGuid().ToString("N");
        });
        return r.Ok(Keys());
    }

    /// <summary>
    /// Wakes the runs waiting for the event, handing each the body. An event for one run that is not
    /// waiting yet is kept for the wait that comes later; one for a run that has ended is not (the answer's error says so).
    /// </summary>
    private async Task Notify(Request r, string? runId, string eventId)
    {
        var bytes = await r.BodyAsync();
        var (text, base64) = EmulatorState.Encode(bytes);
        var payload = text ?? base64!;
        var answers = state.Change(s =>
        {
            var waiting = s.Waiters.Where(w => w.EventId == eventId && (runId is null || w.WorkflowRunId == runId)).ToList();
            foreach (var waiter in waiting)
            {
                s.Waiters.Remove(waiter);
                if (waiter.Step is { } step)
                {
                    (step.State, step.Out) = ("STEP_SUCCESS", payload);
                }
            }
            var woken = waiting.Select(w => new NotifyAnswer(w.WorkflowRunId, w.WorkflowCreatedAt, s.NextId("msg_emu_"), w, null)).ToList();
            if (runId is null || woken.Count > 0)
            {
                return woken;
            }
            var run = s.FindRun(runId);
            if (run is { Finished: true })
            {
                return [new NotifyAnswer(runId, run.WorkflowRunCreatedAt, null, null, $"run {runId} has ended ({run.WorkflowState}); the event was not kept")];
            }
            s.Save(runId, eventId, payload);
            return [new NotifyAnswer(runId, run?.WorkflowRunCreatedAt, s.NextId("msg_emu_"), null, null)];
        });
        await (runId is null ? r.Ok(answers, 201) : r.Ok(answers[0], 201));
    }

    private sealed record NotifyAnswer(string WorkflowRunId, long? WorkflowCreatedAt, string? MessageId, Waiter? Waiter, string? Error)
    {
        public bool Deduplicated => false;
    }

    private Task WithEntry(Request r, string id, Func<DlqEntry, Task> then) =>
        state.Read(s => s.Dlq.FirstOrDefault(e => e.DlqId == id)) is { } entry ? then(entry) : r.Error(404, $"DLQ message {id} not found");

    private static object Started(Run run) => new { workflowRunId = run.WorkflowRunId, workflowCreatedAt = run.WorkflowRunCreatedAt };

    /// <summary>A batch item's header map as name/value pairs (string values only).</summary>
    private static List<KeyValuePair<string, string>> ItemHeaders(JsonObject? headers) =>
        headers?.Where(h => h.Value is JsonValue v && v.TryGetValue<string>(out _)).Select(h => KeyValuePair.Create(h.Key, h.Value!.GetValue<string>())).ToList() ?? [];

    /// <summary>A header from a batch item's map; header names are case-insensitive there as on the wire.</summary>
    private static string? Item(List<KeyValuePair<string, string>> headers, string name) =>
        headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

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
