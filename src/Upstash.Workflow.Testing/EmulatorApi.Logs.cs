using System.Text.Json;
using System.Text.Json.Nodes;

namespace Upstash.Workflow.Testing;

/// <summary>The run logs: filters, paging and <c>trimBody</c>.</summary>
internal sealed partial class EmulatorApi
{
    private Task Logs(Request r)
    {
        var wanted = r.Query.TryGetValue("workflowRuns", out var pairs)
            ? pairs.ToString().Split(',', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('@')[0]).ToHashSet()
            : null;
        // Read and written under the lock: a run's steps change while its deliveries are answered.
        var answer = state.Read(s =>
        {
            var runs = s.Runs.AsEnumerable().Reverse().Where(x =>
                (r.Text("workflowUrl") is not { } url || x.WorkflowUrl == url)
                && (r.Text("workflowRunId") is not { } id || x.WorkflowRunId == id)
                && (r.Long("workflowCreatedAt") is not { } created || x.WorkflowRunCreatedAt == created)
                && (wanted is null || wanted.Contains(x.WorkflowRunId))
                && (r.Text("state") is not { } st || x.WorkflowState.ToString() == st)
                && (r.Long("fromDate") is not { } from || x.WorkflowRunCreatedAt >= from)
                && (r.Long("toDate") is not { } to || x.WorkflowRunCreatedAt <= to)
                && (r.List("label") is not { } labels || x.Labels.Intersect(labels).Any())
                && (r.Text("flowControlKey") is not { } key || x.FlowControlKey == key)
                && (r.Text("callerIp") is not { } ip || x.WorkflowRunCallerIp == ip)).ToList();
            if (!Page(runs, r, 1000, out var page, out var cursor))
            {
                return null;
            }
            // The last page of logs still carries a cursor, an empty one.
            var node = JsonSerializer.SerializeToNode(new { cursor = cursor ?? "", runs = page }, Json)!;
            return (r.Int("trimBody") is { } trim and >= 0 ? Trimmed(node, trim) : node).ToJsonString(Json);
        });
        return answer is null ? r.Error(400, InvalidCursor(r)) : r.Bytes(System.Text.Encoding.UTF8.GetBytes(answer));
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
}
