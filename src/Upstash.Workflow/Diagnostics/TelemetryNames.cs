namespace Upstash.Workflow.Diagnostics;

/// <summary>
/// Every name the client's traces and metrics carry, in one file: the library uses them, the generator compiles this
/// same file (linked) to name the attributes the generated methods set, and a test holds docs/observability.md's
/// tables to them. Attributes of OpenTelemetry's conventions are spelled as those conventions do.
/// </summary>
internal static class TelemetryNames
{
    /// <summary>The ActivitySource and the Meter.</summary>
    public const string Source = "Upstash.Workflow";

    /// <summary>Where the client's own attribute names start; an id in a path is this plus the snake-cased parameter name.</summary>
    public const string Prefix = "upstash.workflow.";

    public const string Operation = Prefix + "operation";
    public const string All = Prefix + "all";
    public const string WorkflowRunId = Prefix + "workflow_run_id";
    public const string Affected = Prefix + "affected";
    public const string CursorReturned = Prefix + "cursor_returned";

    /// <summary>After a list parameter's snake-cased name: how many ids a bulk call sent.</summary>
    public const string CountSuffix = ".count";

    public const string RateLimitKind = Prefix + "rate_limit.kind";
    public const string OperationDuration = Prefix + "operation.duration";
    public const string RateLimited = Prefix + "rate_limited";

    public const string ServerAddress = "server.address";
    public const string ServerPort = "server.port";
    public const string HttpResponseStatusCode = "http.response.status_code";
    public const string ErrorType = "error.type";
}
