namespace Upstash.Workflow.Core;

/// <summary>
/// The library's names that generated code calls, in one file: the generator compiles this same file (linked) and
/// writes these names into the code it prints, and the library holds each to the member it names
/// (GeneratedCodeNames.Checked.cs), so a rename fails the library's build instead of the generated code's.
/// </summary>
internal static partial class GeneratedCodeNames
{
    public const string CoreNamespace = "Upstash.Workflow.Core";
    public const string DiagnosticsNamespace = "Upstash.Workflow.Diagnostics";
    public const string SerializationNamespace = "Upstash.Workflow.Serialization";

    // The part every group's class holds (its field CoreField), and what its methods use of it.
    public const string ClientCore = CoreNamespace + ".ClientCore";
    public const string StartUrl = "StartUrl";
    public const string SendAsync = "SendAsync";
    public const string BaseAddress = "BaseAddress";
    public const string FinishUrl = "FinishUrl";
    public const string StartDeadline = "StartDeadline";
    public const string SendFailed = "SendFailed";
    public const string ProcessResponseAsync = "ProcessResponseAsync";
    public const string ReadJsonAsync = "ReadJsonAsync";
    public const string JsonBody = "JsonBody";
    public const string JsonBodyForwardingTraceContext = "JsonBodyForwardingTraceContext";
    public const string ForwardTraceContext = "ForwardTraceContext";
    public const string TelemetryProperty = "Telemetry";

    public const string UrlBuilder = CoreNamespace + ".UrlBuilder";
    public const string Payload = "WorkflowPayload";
    public const string ToHttpContent = "ToHttpContent";

    // Every value sent is checked and encoded by the guard.
    public const string RequestGuard = CoreNamespace + ".RequestGuard";
    public const string PathSegment = "PathSegment";
    public const string HeaderValue = "HeaderValue";
    public const string HeaderList = "HeaderList";
    public const string PrefixedHeaders = "PrefixedHeaders";
    public const string QueryList = "QueryList";
    public const string AppendQuery = "AppendQuery";
    public const string QueryValue = "QueryValue";
    public const string InRange = "InRange";
    public const string UnixMilliseconds = "UnixMilliseconds";
    public const string UnixSeconds = "UnixSeconds";
    public const string DateTimeText = "DateTimeText";
    public const string DateText = "DateText";
    public const string DurationText = "DurationText";
    public const string WholeSeconds = "WholeSeconds";
    public const string AbsoluteUrl = "AbsoluteUrl";
    public const string CheckBulk = "CheckBulk";

    // Paging and tracing.
    public const string CursorPaging = CoreNamespace + ".CursorPaging";
    public const string Items = "Items";
    public const string Pages = "Pages";
    public const string Pageable = "Upstash.Workflow.UpstashPageable";
    public const string Telemetry = DiagnosticsNamespace + ".UpstashTelemetry";
    public const string Listening = "Listening";
    public const string Start = "Start";
    public const string Scope = DiagnosticsNamespace + ".OperationScope";
    public const string Tag = "Tag";
    public const string Count = "Count";
    public const string Failed = "Failed";

    // The converters a model's typed values are read with.
    public const string UnixTimeMillisecondsConverter = SerializationNamespace + ".UnixTimeMillisecondsConverter";
    public const string UnixTimeSecondsConverter = SerializationNamespace + ".UnixTimeSecondsConverter";
    public const string DurationSecondsConverter = SerializationNamespace + ".DurationSecondsConverter";

    // The JSON context's converters, and what an extensible enum is read with.
    public const string ReadableValueConverterFactory = SerializationNamespace + ".ReadableValueConverterFactory";
    public const string UriConverter = SerializationNamespace + ".UriConverter";
    public const string ExtensibleEnumConverter = SerializationNamespace + ".ExtensibleEnumConverter";
    public const string ExtensibleEnum = SerializationNamespace + ".IExtensibleEnum";
    public const string FromWire = "FromWire";
}
