using Newtonsoft.Json.Linq;
using Upstash.Workflow.Generator;
using static Upstash.Workflow.IntegrationTests.Generation.Drift.DriftOutcome;

namespace Upstash.Workflow.IntegrationTests.Generation.Drift;

/// <summary>
/// The kinds of change upstream makes, or plausibly will make, to its spec: each is a small edit of
/// the project's spec tree, as upstream's next file might differ from it.
/// </summary>
public static class DriftCorpus
{
    private const string Restart = "/v2/workflows/dlq/restart/{dlqId}";
    private const string BulkRestart = "/v2/workflows/dlq/restart";
    private const string Dlq = "/v2/workflows/dlq";
    private const string FailedRun = "/v2/workflows/dlq/{dlqId}";

    public static IReadOnlyList<DriftCase> Cases { get; } =
    [
        // ---- Operations ----
        new("operation added, without operationId", s => Paths(s)["/v2/workflows/runs/{workflowRunId}"]!["get"] = Json("""
            { "tags": ["Runs"], "summary": "Get Workflow Run",
              "parameters": [ { "in": "path", "name": "workflowRunId", "required": true, "schema": { "type": "string" } } ],
              "responses": { "200": { "description": "The run.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/WorkflowRun" } } } } } }
            """), BuildsWithWarning, Codes.NameNotPinned, Shows: "Task<WorkflowRun> GetWorkflowRunAsync(string workflowRunId,"),
        new("operation removed", s => Item(s, FailedRun).Remove("delete"), BuildsWithWarning, Codes.OverlayNoMatch, Lacks: "DeleteFailedRunAsync("),
        new("path renamed", s => Rename(Paths(s), "/v2/flowControl/{flowControlKey}/pause", "/v2/flowControl/{flowControlKey}/suspend"),
            BuildsWithWarning, Codes.OverlayNoMatch, Shows: "Task PauseFlowControlKeyAsync(string flowControlKey,"),
        new("operation deprecated", s => Op(s, Restart, "post")["deprecated"] = true, BuildsClean, Shows: "[System.Obsolete]"),
        new("operation moved to a new tag", s => Op(s, "/v2/notify/{eventId}", "post")["tags"] = new JArray("Events"), BuildsClean, Reaches: "Events.NotifyEventAsync"),
        new("operation without operationId or summary", s => Paths(s)["/v2/events"] = Json("""
            { "get": { "tags": ["Notify"], "responses": { "200": { "description": "ok" } } } }
            """), RefusedWithFix, Codes.OperationUnnamed),
        new("operation without a tag", s => Paths(s)["/v2/events"] = Json("""
            { "get": { "summary": "List Events", "responses": { "200": { "description": "ok" } } } }
            """), RefusedWithFix, Codes.OperationUntagged),
        new("new operation named like an existing one", s => Paths(s)["/v2/keys/current"] = Json("""
            { "get": { "tags": ["Signing Keys"], "summary": "Get Signing Keys", "responses": { "200": { "description": "ok" } } } }
            """), RefusedWithFix, Codes.OperationIdDuplicate),
        new("302 as the only success", s => Responses(s, "/v2/flowControl/{flowControlKey}/unpin", "post").Replace(Json("""
            { "302": { "description": "Unpinned; see the key." }, "400": { "description": "Bad request." } }
            """)), BuildsClean, Shows: "cancellationToken, 302).ConfigureAwait(false)"),

        // ---- Parameters ----
        new("optional header parameter added", s => Parameters(s, Restart, "post").Add(Json("""
            { "in": "header", "name": "Upstash-Priority", "required": false, "schema": { "type": "integer" } }
            """)), BuildsClean, Shows: "public int? Priority { get; set; }"),
        new("required header parameter added", s => Parameters(s, Restart, "post").Add(Json("""
            { "in": "header", "name": "Upstash-Region", "required": true, "schema": { "type": "string" } }
            """)), BuildsClean, Shows: "RestartWorkflowAsync(string dlqId, string region,"),
        new("optional query parameter added", s => Parameters(s, Dlq, "get").Add(Json("""
            { "in": "query", "name": "source", "required": false, "schema": { "type": "string" } }
            """)), BuildsClean, Shows: "public string? Source { get; set; }"),
        // Named like the URL and request the generated code builds: the local a set value is read into must not clash with them.
        new("optional query parameters named url and request added", s =>
        {
            Parameters(s, Dlq, "get").Add(Json("""{ "in": "query", "name": "url", "required": false, "schema": { "type": "string" } }"""));
            Parameters(s, Dlq, "get").Add(Json("""{ "in": "query", "name": "request", "required": false, "schema": { "type": "string" } }"""));
        }, BuildsClean, Shows: "public string? Url { get; set; }"),
        new("required query parameter added", s => Parameters(s, Dlq, "get").Add(Json("""
            { "in": "query", "name": "queueName", "required": true, "schema": { "type": "string" } }
            """)), BuildsClean, Shows: "ListFailedRunsAsync(string queueName,"),
        new("path parameter added to path and operation", s =>
        {
            Rename(Paths(s), FailedRun, "/v2/workflows/dlq/{queue}/{dlqId}");
            foreach (var method in new[] { "get", "delete" })
            {
                Parameters(s, "/v2/workflows/dlq/{queue}/{dlqId}", method).Add(Json("""{ "in": "path", "name": "queue", "required": true, "schema": { "type": "string" } }"""));
            }
        }, BuildsWithWarning, Codes.OverlayNoMatch, Shows: "GetFailedWorkflowRunAsync(string dlqId, string queue,"),
        new("path parameter declared but not in the path", s => Parameters(s, "/v2/keys/rotate", "post").Add(Json("""
            { "in": "path", "name": "keyId", "required": true, "schema": { "type": "string" } }
            """)), RefusedWithFix, Codes.PathParameterMissing),
        new("parameter removed", s => Remove(Parameters(s, Dlq, "get"), "count"), BuildsClean, Lacks: "ListFailedRunsAsync(string? cursor = null, int? count"),
        new("parameter the overlay types removed", s => Remove(Parameters(s, "/v2/flowControl/{flowControlKey}/pin", "post"), "period"),
            BuildsWithWarning, Codes.OverlayNoMatch, Lacks: "System.TimeSpan? Period"),
        new("query parameter from string to list", s => Schema(Parameter(s, "/v2/workflows/logs", "get", "workflowUrl")).Replace(Json("""
            { "type": "array", "items": { "type": "string" } }
            """)), BuildsClean, Shows: "public System.Collections.Generic.IReadOnlyList<string>? WorkflowUrls { get; set; }"),
        new("wildcard header family added", s => Parameters(s, Restart, "post").Add(Json("""
            { "in": "header", "name": "Upstash-Callback-Forward-*", "required": false, "schema": { "type": "string" } }
            """)), BuildsClean, Shows: "public System.Collections.Generic.IDictionary<string, string>? CallbackForwardHeaders { get; set; }"),
        // Listing, deleting, resuming and restarting share the DLQ filter; a filter upstream adds to the listing alone splits it,
        // so no call takes a member it would not send: the three others keep FailedRunFilter.
        new("filter added to one of the operations sharing a filter type", s => Parameters(s, Dlq, "get").Add(Json("""
            { "in": "query", "name": "region", "required": false, "schema": { "type": "string" } }
            """)), BuildsClean, Shows: "ListFailedRunsAsync(string? cursor = null, int? count = null, ListFailedRunsFilter? filter = null,"),
        // The same filter on all four, bounded otherwise on the listing: one type would check the listing's value against the others' bounds.
        new("filter added to the operations sharing a filter type, with other bounds on one", s =>
        {
            foreach (var (path, method) in new[] { (Dlq, "get"), (Dlq, "delete"), (BulkRestart, "post"), ("/v2/workflows/dlq/resume", "post") })
            {
                Parameters(s, path, method).Add(Json($$"""
                    { "in": "query", "name": "minRetries", "required": false, "schema": { "type": "integer", "minimum": 0, "maximum": {{(method == "get" ? 3 : 10)}} } }
                    """));
            }
        }, BuildsClean, Shows: "ListFailedRunsAsync(string? cursor = null, int? count = null, ListFailedRunsFilter? filter = null,"),
        new("header list added", s => Parameters(s, Restart, "post").Add(Json("""
            { "in": "header", "name": "Upstash-Tags", "required": false, "schema": { "type": "array", "items": { "type": "string" } } }
            """)), BuildsClean, Shows: "public System.Collections.Generic.IReadOnlyList<string>? Tags { get; set; }"),
        new("string date-time query parameter added", s => Parameters(s, Dlq, "get").Add(Json("""
            { "in": "query", "name": "since", "required": false, "schema": { "type": "string", "format": "date-time" } }
            """)), BuildsClean, Shows: "RequestGuard.DateTimeText(sinceValue_)"),
        new("header named like another header's parameter", s => Parameters(s, Restart, "post").Add(Json("""
            { "in": "header", "name": "Retries", "required": false, "schema": { "type": "integer" } }
            """)), RefusedWithFix, Codes.ParameterNameClash),
        new("header name that is not a header", s => Parameters(s, Restart, "post").Add(Json("""
            { "in": "header", "name": "Upstash Priority", "required": false, "schema": { "type": "integer" } }
            """)), RefusedWithFix, Codes.HeaderNameInvalid),
        new("object query parameter added", s => Parameters(s, Dlq, "get").Add(Json("""
            { "in": "query", "name": "filter", "required": false, "schema": { "type": "object", "properties": { "label": { "type": "string" } } } }
            """)), RefusedWithFix, Codes.OptionsMemberInvalid),
        // Optional, it would be an options member (as the object query parameter above); required, it is a method parameter.
        new("required object header parameter added", s => Parameters(s, "/v2/flowControl/{flowControlKey}/unpin", "post").Add(Json("""
            { "in": "header", "name": "Upstash-Scope", "required": true, "schema": { "type": "object", "properties": { "a": { "type": "string" } } } }
            """)), RefusedWithFix, Codes.ParameterShapeUnsupported),
        new("list path parameter", s => Schema(Parameter(s, FailedRun, "get", "dlqId")).Replace(Json("""
            { "type": "array", "items": { "type": "string" } }
            """)), RefusedWithFix, Codes.ParameterShapeUnsupported),

        // ---- Timestamps written as number + date-time, in each position ----
        new("number date-time in a path", s => Paths(s)["/v2/workflows/logs/{since}"] = Json("""
            { "get": { "tags": ["Logs"], "summary": "List Logs Since",
              "parameters": [ { "in": "path", "name": "since", "required": true, "schema": { "type": "number", "format": "date-time" } } ],
              "responses": { "200": { "description": "ok" } } } }
            """), BuildsWithWarning, Codes.TimestampTypedAsDateTime, Shows: "ListLogsSinceAsync(double since,"),
        new("number date-time in a query the overlay types", s => Schema(Parameter(s, Dlq, "get", "fromDate")).Replace(Json("""{ "type": "number", "format": "date-time" }""")),
            BuildsClean, Shows: "public System.DateTimeOffset? FromDate { get; set; }"),
        new("number date-time in a new query parameter", s => Parameters(s, Dlq, "get").Add(Json("""
            { "in": "query", "name": "lastSeen", "required": false, "schema": { "type": "number", "format": "date-time" } }
            """)), BuildsWithWarning, Codes.TimestampTypedAsDateTime, Shows: "public double? LastSeen { get; set; }"),
        new("number date-time in a header", s => Schema(Parameter(s, "/v2/trigger/{workflowUrl}", "post", "Upstash-Not-Before")).Replace(Json("""{ "type": "number", "format": "date-time" }""")),
            BuildsClean, Shows: "public System.DateTimeOffset? NotBefore { get; set; }"),
        new("number date-time in a new header", s => Parameters(s, Restart, "post").Add(Json("""
            { "in": "header", "name": "Upstash-Expires-At", "required": false, "schema": { "type": "number", "format": "date-time" } }
            """)), BuildsWithWarning, Codes.TimestampTypedAsDateTime, Shows: "public double? ExpiresAt { get; set; }"),
        new("number date-time in a property", s => Properties(s, "WorkflowRun")["lastRetryAt"] = Json("""{ "type": "number", "format": "date-time" }"""),
            BuildsWithWarning, Codes.TimestampTypedAsDateTime, Shows: "public double? LastRetryAt"),
        new("number date-time in array items", s => Properties(s, "WorkflowRun")["retriedAt"] = Json("""{ "type": "array", "items": { "type": "number", "format": "date-time" } }"""),
            BuildsWithWarning, Codes.TimestampTypedAsDateTime, Shows: "System.Collections.Generic.IList<double> RetriedAt { get => field ??= []; set; }"),
        new("number date-time in map values", s => Properties(s, "WorkflowRun")["stepTimes"] = Json("""{ "type": "object", "additionalProperties": { "type": "integer", "format": "date-time" } }"""),
            BuildsWithWarning, Codes.TimestampTypedAsDateTime, Shows: "System.Collections.Generic.IDictionary<string, long> StepTimes"),

        // ---- Answers and schemas ----
        new("new success status", s => Responses(s, Restart, "post")["202"] = Responses(s, Restart, "post")["200"]!.DeepClone(),
            BuildsWithWarning, Codes.NameNotPinned, Shows: "class RestartWorkflowAcceptedResult"),
        new("new error status", s => Responses(s, Restart, "post")["409"] = Json("""
            { "description": "Already restarted.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } }
            """), BuildsClean),
        new("new media type for an answer", s => ((JObject)Responses(s, Restart, "post")["200"]!["content"]!)["text/plain"] = Json("""{ "schema": { "type": "string" } }"""),
            BuildsClean, Shows: "Task<RestartWorkflowResult> RestartWorkflowAsync("),
        new("new media type for a request body", s => ((JObject)Op(s, "/v2/batch/trigger", "post")["requestBody"]!["content"]!)["text/plain"] = Json("""{ "schema": { "type": "string" } }"""),
            BuildsClean, Shows: "TriggerWorkflowBatchAsync(WorkflowPayload payload,"),
        new("enum value added", s => ((JArray)Properties(s, "GroupedSteps")["type"]!["enum"]!).Add("fanout"), BuildsClean, Shows: "public static GroupedStepsType Fanout { get; }"),
        // The overlay describes the value that is gone: its description is reported, to be removed.
        new("enum value removed", s => ((JArray)Properties(s, "GroupedSteps")["type"]!["enum"]!).Last!.Remove(), BuildsWithWarning, Codes.EnumListsMisaligned, Lacks: "GroupedStepsType Next { get; }"),
        new("property added", s => Properties(s, "WorkflowRun")["priority"] = Json("""{ "type": "integer", "description": "How urgent the run is." }"""),
            BuildsClean, Shows: "public int? Priority { get; set; }"),
        // The overlay describes both properties: its description of one that is gone is reported, to be removed or moved.
        new("property removed", s => Properties(s, "WorkflowDLQMessage").Remove("responseHeader"), BuildsWithWarning, Codes.OverlayNoMatch, Lacks: " ResponseHeader {"),
        new("property renamed", s => Rename(Properties(s, "StepInfo"), "stepName", "name"), BuildsWithWarning, Codes.OverlayNoMatch, Shows: "public string? Name { get; set; }", Lacks: "StepName"),
        new("property made required", s => ((JObject)s["components"]!["schemas"]!["WorkflowDLQMessage"]!)["required"] = new JArray("dlqId"),
            BuildsClean, Shows: "public required string DlqId { get; set; }"),
        new("integer widened from int32 to int64", s => Properties(s, "WorkflowDLQMessage")["maxRetries"]!["format"] = "int64", BuildsClean, Shows: "public long? MaxRetries"),
        new("answer from object to list", s => Responses(s, "/v2/globalParallelism", "get")["200"]!["content"]!["application/json"]!["schema"]!.Replace(Json("""
            { "type": "array", "items": { "type": "object", "properties": { "parallelismMax": { "type": "integer" } } } }
            """)), BuildsWithWarning, Codes.NameNotPinned),
        new("inline answer moved to components", s =>
        {
            var schema = (JObject)Responses(s, Restart, "post")["200"]!["content"]!["application/json"]!["schema"]!;
            ((JObject)s["components"]!["schemas"]!)["RestartAnswer"] = schema.DeepClone();
            schema.Replace(new JObject { ["$ref"] = "#/components/schemas/RestartAnswer" });
        }, BuildsWithWarning, Codes.OverlayNoMatch, Shows: "public partial class RestartWorkflowResult", Lacks: "class RestartAnswer"),
        new("component answer written inline", s =>
        {
            var schema = (JObject)Responses(s, FailedRun, "get")["200"]!["content"]!["application/json"]!["schema"]!;
            schema.Replace(s["components"]!["schemas"]!["WorkflowDLQMessage"]!.DeepClone());
        }, BuildsWithWarning, Codes.NameNotPinned, Shows: "Task<GetFailedRunResult> GetFailedRunAsync("),
        new("same shapes with different descriptions", s =>
        {
            var schema = Responses(s, BulkRestart, "post")["200"]!["content"]!["application/json"]!["schema"]!;
            schema["description"] = "The runs that were restarted.";
            schema["properties"]!["workflowRuns"]!["items"]!["description"] = "A restarted run.";
        }, BuildsClean, Shows: "Task<BulkRunAgainResult> RestartWorkflowsAsync("),
        new("descriptions rewritten", s =>
        {
            foreach (var description in s.Descendants().OfType<JProperty>().Where(p => p.Name == "description" && p.Value.Type == JTokenType.String).ToList())
            {
                description.Value = "Rewritten: " + description.Value;
            }
        }, BuildsClean, Shows: "Rewritten: "),
        new("property named like its schema", s => Properties(s, "SigningKeys")["signingKeys"] = Json("""{ "type": "string" }"""),
            RefusedWithFix, Codes.GeneratedNameRejected),
        new("servers as a template with a region", s => s["servers"] = Json("""
            [ { "url": "https://qstash-{region}.upstash.io", "variables": { "region": { "default": "eu-central-1", "enum": ["us-east-1", "eu-central-1"] } } } ]
            """), BuildsClean),
    ];

    private static JToken Json(string json) => JToken.Parse(json);

    private static JObject Paths(JObject spec) => (JObject)spec["paths"]!;

    private static JObject Item(JObject spec, string path) => (JObject)Paths(spec)[path]!;

    private static JObject Op(JObject spec, string path, string method) => (JObject)Item(spec, path)[method]!;

    private static JArray Parameters(JObject spec, string path, string method) => (JArray)(Op(spec, path, method)["parameters"] ??= new JArray());

    private static JObject Parameter(JObject spec, string path, string method, string name) =>
        Parameters(spec, path, method).OfType<JObject>().Single(p => (string?)p["name"] == name);

    private static JToken Schema(JObject parameter) => parameter["schema"]!;

    private static JObject Responses(JObject spec, string path, string method) => (JObject)Op(spec, path, method)["responses"]!;

    private static JObject Properties(JObject spec, string schema) => (JObject)spec["components"]!["schemas"]![schema]!["properties"]!;

    private static void Remove(JArray parameters, string name) => parameters.OfType<JObject>().Single(p => (string?)p["name"] == name).Remove();

    /// <summary>Renames a key in place, keeping its position.</summary>
    private static void Rename(JObject owner, string from, string to) => owner.Property(from)!.Replace(new JProperty(to, owner[from]!));
}
