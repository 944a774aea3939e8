using System.Text.Json;
using System.Text.Json.Nodes;

namespace Upstash.Workflow.Testing;

/// <summary>The Runs operations: trigger, batch trigger, cancel one run or many.</summary>
internal sealed partial class EmulatorApi
{
    private async Task Trigger(Request r, string workflowUrl, RunSettings settings)
    {
        if (!IsWorkflowUrl(workflowUrl))
        {
            await r.Error(400, $"invalid destination '{workflowUrl}': expected an absolute http(s) URL");
            return;
        }
        var body = await r.BodyAsync();
        var (run, deduplicated) = Start(workflowUrl, r.Header("Upstash-Workflow-RunId"), settings, body, r.Context.Request.ContentType);
        if (!deduplicated)
        {
            engine.StartUnknown(run);
        }
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
        if (await BatchItemsAsync(r) is not { } items)
        {
            return;
        }
        // Every item is checked before any run starts, as one request is all or nothing.
        var read = items.Select(i =>
        {
            var headers = ItemHeaders(i!["headers"] as JsonObject);
            return (Item: i!, Headers: headers, Settings: RunSettings.Read(headers, out var error), Error: error);
        }).ToList();
        if (read.FirstOrDefault(x => x.Error is not null).Error is { } bad)
        {
            await r.Error(400, bad);
            return;
        }
        var runs = read.Select(x =>
        {
            var body = x.Item["body"] is JsonValue b && b.TryGetValue<string>(out var text) ? System.Text.Encoding.UTF8.GetBytes(text) : [];
            var (run, deduplicated) = Start(x.Item["destination"]!.GetValue<string>(), Item(x.Headers, "Upstash-Workflow-RunId"), x.Settings, body, Item(x.Headers, "Content-Type"));
            if (!deduplicated)
            {
                engine.StartUnknown(run);
            }
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

    private void Cancel(EmulatorState s, Run run)
    {
        run.WorkflowState = "RUN_CANCELED";
        run.WorkflowRunCompletedAt = s.Now;
        run.Protocol?.History.Clear();
        // An invoker learns of it after the lock is left (the engine takes it again).
        delivery.Track(() =>
        {
            engine.Ended(run);
            return Task.CompletedTask;
        });
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

    /// <summary>
    /// A batch's items (<c>/v2/batch</c>, <c>/v2/batch/trigger</c>): a JSON array of objects, each with an absolute http(s)
    /// <c>destination</c>; otherwise null, the 400 already answered.
    /// </summary>
    private static async Task<JsonArray?> BatchItemsAsync(Request r)
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
            await r.Error(400, "the body must be an array of { destination (an absolute http(s) URL), headers?, body? }");
            return null;
        }
        return items;
    }

    /// <summary>A batch item's header map as name/value pairs (string values only).</summary>
    private static List<KeyValuePair<string, string>> ItemHeaders(JsonObject? headers) =>
        headers?.Where(h => h.Value is JsonValue v && v.TryGetValue<string>(out _)).Select(h => KeyValuePair.Create(h.Key, h.Value!.GetValue<string>())).ToList() ?? [];

    /// <summary>A header from a batch item's map; header names are case-insensitive there as on the wire.</summary>
    private static string? Item(List<KeyValuePair<string, string>> headers, string name) =>
        headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
}
