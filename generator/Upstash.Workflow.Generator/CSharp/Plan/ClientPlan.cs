using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json.Serialization;

namespace Upstash.Workflow.Generator.CSharp.Plan;

/// <summary>
/// Everything the C# stage emits, decided once from the effective spec and the C# configuration
/// (generator/csharp-overlay.yaml) by <see cref="PlanBuilder"/>. The NSwag templates read the parts of it
/// that concern them (<see cref="NSwagInput"/> hands each part over under <see cref="Key"/>), and the
/// writers read it directly: no stage predicts a name another stage emits, and none reads generated code.
/// </summary>
/// <param name="Namespace">The namespace of every generated type.</param>
/// <param name="JsonContext">The System.Text.Json context's class name, after the client file.</param>
/// <param name="Groups">One per tag: a client interface, its class and a property of the root client.</param>
/// <param name="Models">The classes NSwag writes from component schemas.</param>
/// <param name="Enums">The extensible enumerations NSwag writes from component schemas.</param>
/// <param name="OptionsTypes">The options types the writer emits.</param>
public sealed record ClientPlan(
    string Namespace,
    string JsonContext,
    IReadOnlyList<GroupPlan> Groups,
    IReadOnlyList<ModelPlan> Models,
    IReadOnlyList<EnumPlan> Enums,
    IReadOnlyList<OptionsTypePlan> OptionsTypes)
{
    /// <summary>The extension under which each part of the plan travels to the templates.</summary>
    public const string Key = "x-upstashgen";

    [JsonIgnore]
    public IEnumerable<OperationPlan> Operations => Groups.SelectMany(g => g.Operations);

    /// <summary>
    /// Every type the client reads or writes through the JSON context: the models, and each answer and
    /// body type as a whole (lists of models are types of their own to the context).
    /// </summary>
    [JsonIgnore]
    public IReadOnlyList<string> JsonTypes =>
        Models.Select(m => m.Name)
            .Concat(Operations.SelectMany(o => new[] { o.ResultType, o.Body?.Type }).OfType<string>())
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>What the templates read of the plan as a whole (see generator/templates/Client.Class.liquid).</summary>
    public JObject ForTemplates() => new() { ["jsonContext"] = JsonContext };

    private static readonly JsonSerializer Serializer = JsonSerializer.Create(new JsonSerializerSettings
    {
        ContractResolver = new CamelCasePropertyNamesContractResolver(),
        NullValueHandling = NullValueHandling.Ignore,
        Converters = { new Newtonsoft.Json.Converters.StringEnumConverter() },
    });

    /// <summary>A part of the plan as the templates see it: camel-cased properties, enums by name, nulls left out.</summary>
    public static JObject ForTemplates(object part) => JObject.FromObject(part, Serializer);
}

/// <summary>A group of operations: one tag of the spec.</summary>
/// <param name="Tag">The tag as the spec writes it ("Flow Control").</param>
/// <param name="Name">Its .NET name ("FlowControl"): the root client's property, and the first part of its operations' <see cref="OperationPlan.NSwagId"/>.</param>
/// <param name="Class">The internal class behind it ("FlowControlClient"), as NSwag names it from that first part and the NSwag document's className.</param>
/// <param name="Description">The tag's description, for the documentation.</param>
public sealed record GroupPlan(string Tag, string Name, string Class, string? Description, IReadOnlyList<OperationPlan> Operations)
{
    /// <summary>The public interface users call and mock: the class's name after an "I", as .NET names interfaces (and generator/templates/Client.Interface.liquid writes it).</summary>
    public string Interface => "I" + Class;
}

/// <summary>One operation as a C# method.</summary>
/// <param name="OperationId">The language-neutral id every language shares ("restartWorkflow").</param>
/// <param name="Group">The <see cref="GroupPlan.Name"/> it belongs to.</param>
/// <param name="Method">The method's name without "Async" ("RestartWorkflow").</param>
/// <param name="Display">"POST /v2/workflows/dlq/restart/{dlqId}", for findings.</param>
/// <param name="Parameters">Every parameter of the method but the body and the cancellation token, in order: required, optional, options objects, the bulk switch.</param>
/// <param name="ResultType">The C# type the answer is read as; null when the success answer has no body.</param>
/// <param name="Body">The request body, when the operation takes one.</param>
/// <param name="SuccessRedirect">The 3xx status the operation documents as its only success, if any.</param>
/// <param name="BulkFilters">For an operation that acts on everything when unfiltered: the wire names of the parameters that select entries.</param>
/// <param name="Paging">For a cursor-paged operation: how its pages chain.</param>
/// <param name="TraceAnswer">What the operation's span says about its answer (<see cref="TraceTag"/>).</param>
/// <param name="ForwardsTraceContext">Whether the call starts or wakes a run, so the caller's trace context is forwarded to it (the C# configuration's x-forward-trace-context).</param>
public sealed record OperationPlan(
    string OperationId,
    string Group,
    string Method,
    string Display,
    IReadOnlyList<ParameterPlan> Parameters,
    string? ResultType,
    BodyPlan? Body,
    int? SuccessRedirect,
    IReadOnlyList<string>? BulkFilters,
    PagingPlan? Paging,
    IReadOnlyList<TraceTag>? TraceAnswer = null,
    bool ForwardsTraceContext = false)
{
    /// <summary>The name of the operation's span ("Dlq.RestartWorkflow"): its group and method, as a .NET user calls it.</summary>
    public string SpanName => $"{Group}.{Method}";

    /// <summary>Where a forwarded trace context goes: into each run of a JSON body (a batch), else the request's headers; null when not forwarded.</summary>
    public string? ForwardTraceContextIn => !ForwardsTraceContext ? null : Body is { IsPayload: false } ? "body" : "headers";

    /// <summary>
    /// The operation id NSwag is given: NSwag makes one client class per part before the underscore
    /// ("{Group}Client") and names the method after the rest. Made here and nowhere else.
    /// </summary>
    public string NSwagId => $"{Group}_{Method}";
}

/// <summary>What a method parameter stands for.</summary>
public enum ParameterRole
{
    /// <summary>A path, query or header parameter of the spec, sent as it is.</summary>
    Plain,

    /// <summary>A family of headers ("Upstash-Forward-*"), taken as a map: one header per entry.</summary>
    HeaderFamily,

    /// <summary>An options object: its type writes the members that are set (<see cref="OptionsTypePlan.Writer"/>).</summary>
    Options,

    /// <summary>The explicit "act on everything" of a bulk operation; never sent.</summary>
    BulkSwitch,
}

/// <summary>One parameter of a method.</summary>
/// <param name="Name">The C# parameter name.</param>
/// <param name="Role">What it stands for.</param>
/// <param name="Wire">The wire name (for a family, its prefix without the '*'); null for the switch and options objects.</param>
/// <param name="In">path, query or header; null for the switch and options objects.</param>
/// <param name="Required">Whether the spec requires it.</param>
/// <param name="OptionsType">For an options object, its type.</param>
/// <param name="Writer">For an options object, the method of its type that writes the set members.</param>
/// <param name="TraceTag">The span attribute that carries the parameter: an id in the path ("upstash.workflow.dlq_id"), or whether the bulk switch was on.</param>
/// <param name="TraceCountTag">For a list of ids that selects entries of a bulk call, the span attribute that carries how many were sent.</param>
public sealed record ParameterPlan(string Name, ParameterRole Role, string? Wire, string? In, bool Required, string? OptionsType = null, string? Writer = null,
    string? TraceTag = null, string? TraceCountTag = null);

/// <summary>A span attribute read from an operation's answer.</summary>
/// <param name="Tag">The attribute ("upstash.workflow.workflow_run_id").</param>
/// <param name="Value">The C# expression that reads it from the answer, which the generated method names <c>result_</c>.</param>
public sealed record TraceTag(string Tag, string Value);

/// <summary>A request body.</summary>
/// <param name="Name">The C# parameter name.</param>
/// <param name="Type">The C# type written as JSON; null for <see cref="IsPayload"/>.</param>
/// <param name="IsPayload">Offered in several media types: the handwritten <c>WorkflowPayload</c>, which carries its own.</param>
/// <param name="Required">Whether the spec requires it.</param>
public sealed record BodyPlan(string Name, string? Type, bool IsPayload, bool Required)
{
    /// <summary>The handwritten body type for operations that take text, JSON or bytes alike.</summary>
    public const string PayloadType = "WorkflowPayload";
}

/// <summary>How a cursor-paged operation's pages chain (the overlay's <c>x-paging</c>), and the method that walks them.</summary>
/// <param name="Method">
/// The walking method's name without "Async": a listing's "List…" becomes "Get…" ("GetFailedRuns", as the
/// Azure SDK names its pageables), another operation's name gets "InBatches" ("RestartWorkflowsInBatches").
/// </param>
/// <param name="CursorParameter">The C# name of the parameter that takes the cursor.</param>
/// <param name="CursorProperty">The answer's property that holds the next cursor.</param>
/// <param name="ItemsProperty">The answer's property that holds the page's items; null when the pages have none (a bulk delete's batches).</param>
/// <param name="ItemType">The C# type of one item; null with <paramref name="ItemsProperty"/>.</param>
public sealed record PagingPlan(string Method, string CursorParameter, string CursorProperty, string? ItemsProperty, string? ItemType);

/// <summary>A class NSwag writes from a component schema.</summary>
/// <param name="Component">The schema's key in <c>components/schemas</c> of NSwag's input.</param>
/// <param name="Name">The class name.</param>
/// <param name="AnswerOnly">Only answers reach it: it gets a constructor that sets its required members (generator/templates/Class.liquid).</param>
public sealed record ModelPlan(string Component, string Name, bool AnswerOnly);

/// <summary>An extensible enumeration NSwag writes from a component schema.</summary>
public sealed record EnumPlan(string Component, string Name);
