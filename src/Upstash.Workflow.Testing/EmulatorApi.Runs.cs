using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Net.Http.Headers;

namespace Upstash.Workflow.Testing;

/// <summary>The Runs operations: trigger, batch trigger, cancel one run or many.</summary>
internal sealed partial class EmulatorApi
{
    private async Task Trigger(Request r, string workflowUrl, RunSettings settings)
    {
        if (engine.Check(workflowUrl, settings) is { } invalid)
        {
            await r.Error(400, invalid);
            return;
        }
        var body = await r.BodyAsync();
        var (run, _) = engine.Trigger(workflowUrl, r.Header(Wire.RunId), settings, body, r.Context.Request.ContentType, r.Header(Wire.UnknownSdk) is not null);
        await r.Ok(Started(run));
    }

    /// <summary>Reads the run settings the request's headers give, or answers 400 naming the malformed one.</summary>
    private Task WithSettings(Request r, Func<RunSettings, Task> then)
    {
        var settings = RunSettings.Read(r.Context.Request.Headers.Select(h => KeyValuePair.Create(h.Key, h.Value.ToString())), out var error);
        return error is not null ? r.Error(400, error)
            : settings.OverPlan(options) is { } over ? r.Error(RunSettings.OverPlanStatus, over)
            : then(settings);
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
            var destination = i["destination"]!.GetValue<string>();
            var settings = RunSettings.Read(headers, out var error);
            return (Item: i, Destination: destination, Headers: headers, Settings: settings, Error: error ?? engine.Check(destination, settings), OverPlan: settings.OverPlan(options));
        }).ToList();
        if (read.FirstOrDefault(x => x.Error is not null).Error is { } bad)
        {
            await r.Error(400, bad);
            return;
        }
        if (read.FirstOrDefault(x => x.OverPlan is not null).OverPlan is { } over)
        {
            await r.Error(RunSettings.OverPlanStatus, over);
            return;
        }
        var runs = read.Select(x =>
        {
            var body = x.Item["body"] is JsonValue b && b.TryGetValue<string>(out var text) ? Encoding.UTF8.GetBytes(text) : [];
            var (run, deduplicated) = engine.Trigger(x.Destination, Item(x.Headers, Wire.RunId), x.Settings, body, Item(x.Headers, "Content-Type"), Item(x.Headers, Wire.UnknownSdk) is not null);
            return new { workflowRunId = run.WorkflowRunId, workflowCreatedAt = run.WorkflowRunCreatedAt, deduplicated };
        }).ToList();
        await r.Ok(runs, 201);
    }

    private Task CancelRun(Request r, string id) =>
        engine.Cancel(s => s.FindRun(id) is { } run ? [run] : []) > 0 ? r.Empty(200) : r.Empty(404);

    private Task CancelRuns(Request r)
    {
        var count = r.Int("count") ?? 100;
        var cancelled = engine.Cancel(s => s.Runs.Where(x => !x.Finished && MatchesRunFilters(r, x)).Take(count).ToList());
        return r.Ok(new { cancelled });
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
    /// A batch's items (<c>/v2/batch</c>, <c>/v2/batch/trigger</c>): a JSON body (its Content-Type says so), well formed
    /// (UTF-8, no lone surrogate in any string), an array of at most <see cref="UpstashWorkflowEmulatorOptions.MaxBatchItems"/>
    /// objects, each with an absolute http(s) <c>destination</c>; otherwise null, the 400 (or 415) already answered.
    /// </summary>
    private async Task<JsonArray?> BatchItemsAsync(Request r)
    {
        if (!MediaTypeHeaderValue.TryParse(r.Context.Request.ContentType, out var type) || !string.Equals(type.MediaType.Value, "application/json", StringComparison.OrdinalIgnoreCase))
        {
            await r.Error(415, "a batch is JSON: send it with Content-Type: application/json");
            return null;
        }
        var body = await r.BodyAsync();
        if (WellFormed(body) is { } malformed)
        {
            await r.Error(400, $"the body is not well-formed JSON: {malformed}");
            return null;
        }
        var items = JsonNode.Parse(body) as JsonArray;
        if (items is null || items.Any(i => i is not JsonObject || i["destination"] is not JsonValue d || !d.TryGetValue<string>(out var url) || !IsWorkflowUrl(url)))
        {
            await r.Error(400, "the body must be an array of { destination (an absolute http(s) URL), headers?, body? }");
            return null;
        }
        if (items.Count > options.MaxBatchItems)
        {
            await r.Error(400, $"a batch carries at most {options.MaxBatchItems} items (UpstashWorkflowEmulatorOptions.MaxBatchItems); this one has {items.Count}");
            return null;
        }
        return items;
    }

    private static bool IsWorkflowUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    /// <summary>
    /// Null when <paramref name="json"/> is JSON whose every string and name is valid text; else what is wrong. A lone
    /// surrogate (<c>"\ud800"</c>) parses, but cannot become a string: it would fail later, as a 500.
    /// </summary>
    private static string? WellFormed(byte[] json)
    {
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 64 });
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName)
                {
                    reader.GetString();
                }
            }
            return null;
        }
        catch (JsonException e)
        {
            return e.Message;
        }
        catch (InvalidOperationException e)
        {
            return $"a string that is not valid text ({e.Message})";
        }
    }

    /// <summary>A batch item's header map as name/value pairs (string values only).</summary>
    private static List<KeyValuePair<string, string>> ItemHeaders(JsonObject? headers) =>
        headers?.Where(h => h.Value is JsonValue v && v.TryGetValue<string>(out _)).Select(h => KeyValuePair.Create(h.Key, h.Value!.GetValue<string>())).ToList() ?? [];

    /// <summary>A header from a batch item's map; header names are case-insensitive there as on the wire.</summary>
    private static string? Item(List<KeyValuePair<string, string>> headers, string name) =>
        headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
}
