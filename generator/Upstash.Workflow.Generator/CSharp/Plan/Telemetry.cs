using Newtonsoft.Json.Linq;
using Upstash.Workflow.Diagnostics;
using Upstash.Workflow.Generator.Spec;

namespace Upstash.Workflow.Generator.CSharp.Plan;

/// <summary>
/// What an operation's span carries beyond its name and status, derived from the spec so a new operation is
/// traced like the others: the ids a user searches by (a path parameter that is an id, not a URL), how many ids
/// a bulk call sent, and from the answer a run id, what a bulk call affected and whether a cursor came back.
/// Never a payload, a header value or a URL.
/// </summary>
internal static class Telemetry
{
    // The names are the library's own (src/Upstash.Workflow/Diagnostics/TelemetryNames.cs, compiled here too).
    private const string Prefix = TelemetryNames.Prefix;

    /// <summary>A bulk call's switch: whether it was told to act on everything.</summary>
    public const string All = TelemetryNames.All;

    /// <summary>"dlqId" → "upstash.workflow.dlq_id", for a path parameter that is a string and not a URL.</summary>
    public static string? PathId(JObject spec, string place, JObject parameter) =>
        place == "path" && OpenApiDocument.Resolve(spec, parameter["schema"]) is JObject schema
        && OpenApiDocument.SchemaType(schema) == "string" && schema.StringAt("format") != "uri" && parameter.StringAt("name") is { } wire
            ? Prefix + Snake(wire)
            : null;

    /// <summary>"dlqIds" → "upstash.workflow.dlq_ids.count", for a query parameter that selects the entries of a bulk call and is a list of ids.</summary>
    public static string? IdList(JObject spec, string place, JObject parameter) =>
        place == "query"
        && OpenApiDocument.Resolve(spec, parameter["schema"]) is JObject { } schema && OpenApiDocument.SchemaType(schema) == "array"
        && parameter.StringAt("name") is { } wire && wire.EndsWith("Ids", StringComparison.Ordinal)
            ? Prefix + Snake(wire) + TelemetryNames.CountSuffix
            : null;

    /// <summary>From the answer: its run id, what a bulk call affected (a count, or the length of its one list), whether a page's cursor came back.</summary>
    public static IReadOnlyList<TraceTag>? Answer(JObject spec, JToken? answer, bool bulk, PagingPlan? paging)
    {
        if (OpenApiDocument.Resolve(spec, answer) is not JObject schema || schema["properties"] is not JObject properties)
        {
            return null;
        }
        var tags = new List<TraceTag>();
        string Type(JProperty p) => OpenApiDocument.Resolve(spec, p.Value) is JObject s ? OpenApiDocument.SchemaType(s) ?? "" : "";
        if (properties.Property("workflowRunId") is { } runId && Type(runId) == "string")
        {
            tags.Add(new(TelemetryNames.WorkflowRunId, PlanBuilder.PropertyName(runId.Name), TraceRead.Value));
        }
        if (bulk)
        {
            var affected = properties.Properties().FirstOrDefault(p => Type(p) == "integer") is { } count ? new TraceTag(TelemetryNames.Affected, PlanBuilder.PropertyName(count.Name), TraceRead.Value)
                : properties.Properties().FirstOrDefault(p => Type(p) == "array") is { } list ? new TraceTag(TelemetryNames.Affected, PlanBuilder.PropertyName(list.Name), TraceRead.Count)
                : null;
            if (affected is not null)
            {
                tags.Add(affected);
            }
        }
        if (paging is not null)
        {
            tags.Add(new(TelemetryNames.CursorReturned, paging.CursorProperty, TraceRead.Present));
        }
        return tags.Count == 0 ? null : tags;
    }

    private static string Snake(string wire) => string.Join('_', Names.Words(wire)).ToLowerInvariant();
}
