using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json.Serialization;

namespace Upstash.Workflow.Generator.CSharp.Plan;

/// <summary>
/// Everything the C# stage emits, decided once from the effective spec and the C# configuration
/// (generator/csharp-overlay.yaml) by <see cref="PlanBuilder"/>. The writers print it (the operations, options
/// types, root client and JSON context); NSwag's model and enum templates (generator/templates) print the
/// <see cref="Models"/> and <see cref="Enums"/>, which <see cref="NSwagInput"/> hands over under <see cref="Key"/>,
/// and read nothing of the schema but that. No stage predicts a name another stage emits, and none reads generated code.
/// </summary>
/// <param name="Namespace">The namespace of every generated type.</param>
/// <param name="JsonContext">The System.Text.Json context's class name, after the client file.</param>
/// <param name="Groups">One per tag: a client class and a property of the root client.</param>
/// <param name="Models">The model classes, each from a component schema.</param>
/// <param name="Enums">The extensible enumerations, each from a component schema.</param>
/// <param name="OptionsTypes">The options types the writer emits.</param>
public sealed record ClientPlan(
    string Namespace,
    string JsonContext,
    IReadOnlyList<GroupPlan> Groups,
    IReadOnlyList<ModelPlan> Models,
    IReadOnlyList<EnumPlan> Enums,
    IReadOnlyList<OptionsTypePlan> OptionsTypes)
{
    /// <summary>The extension under which a model's, an enum's or a property's part of the plan travels to the templates.</summary>
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
/// <param name="Name">Its .NET name ("FlowControl"): the root client's property.</param>
/// <param name="Description">The tag's description, for the documentation.</param>
public sealed record GroupPlan(string Tag, string Name, string? Description, IReadOnlyList<OperationPlan> Operations)
{
    /// <summary>The public class users call and mock ("FlowControlClient").</summary>
    public string Class => Name + "Client";
}

/// <summary>What an operation's documentation says, from the spec: each part null when the spec is silent.</summary>
/// <param name="Summary">The operation's summary.</param>
/// <param name="Description">The operation's description.</param>
/// <param name="Returns">The success answer's description.</param>
public sealed record OperationDocs(string? Summary, string? Description, string? Returns);

/// <summary>One operation as a C# method.</summary>
/// <param name="OperationId">The language-neutral id every language shares ("restartWorkflow").</param>
/// <param name="Group">The <see cref="GroupPlan.Name"/> it belongs to.</param>
/// <param name="Method">The method's name without "Async" ("RestartWorkflow").</param>
/// <param name="Display">"POST /v2/workflows/dlq/restart/{dlqId}", for findings.</param>
/// <param name="HttpMethod">The HTTP method, as .NET's <c>HttpMethod</c> names it ("Post").</param>
/// <param name="Path">The path relative to the base address, with its parameters in braces ("v2/workflows/dlq/restart/{dlqId}").</param>
/// <param name="Parameters">Every parameter of the method but the body and the cancellation token, in order: required, optional, options objects, the bulk switch.</param>
/// <param name="ResultType">The C# type the answer is read as; null when the success answer has no body.</param>
/// <param name="Accept">The media type asked for in an <c>Accept</c> header, when the success answer is offered in several; null otherwise.</param>
/// <param name="Body">The request body, when the operation takes one.</param>
/// <param name="SuccessRedirect">The 3xx status the operation documents as its only success, if any.</param>
/// <param name="BulkFilters">For an operation that acts on everything when unfiltered: the wire names of the parameters that select entries.</param>
/// <param name="Paging">For a cursor-paged operation: how its pages chain.</param>
/// <param name="Docs">What its documentation says.</param>
/// <param name="TraceAnswer">What the operation's span says about its answer (<see cref="TraceTag"/>).</param>
/// <param name="ForwardsTraceContext">Whether the call starts or wakes a run, so the caller's trace context is forwarded to it (the C# configuration's x-forward-trace-context).</param>
public sealed record OperationPlan(
    string OperationId,
    string Group,
    string Method,
    string Display,
    string HttpMethod,
    string Path,
    IReadOnlyList<ParameterPlan> Parameters,
    string? ResultType,
    string? Accept,
    BodyPlan? Body,
    int? SuccessRedirect,
    IReadOnlyList<string>? BulkFilters,
    PagingPlan? Paging,
    OperationDocs Docs,
    IReadOnlyList<TraceTag>? TraceAnswer = null,
    bool ForwardsTraceContext = false)
{
    /// <summary>The name of the operation's span ("Dlq.RestartWorkflow"): its group and method, as a .NET user calls it.</summary>
    public string SpanName => $"{Group}.{Method}";

    /// <summary>Where a forwarded trace context goes: into each run of a JSON body (a batch), else the request's headers; null when not forwarded.</summary>
    public TraceContextPlace? ForwardTraceContextIn => !ForwardsTraceContext ? null : Body is { IsPayload: false } ? TraceContextPlace.Body : TraceContextPlace.Headers;

    /// <summary>
    /// The method's arguments in order, but the cancellation token: C# wants optional ones last, so a required body
    /// follows the required parameters, an optional one the optional plain ones, before the options objects and the switch.
    /// </summary>
    public IReadOnlyList<Argument> Arguments
    {
        get
        {
            var arguments = Parameters.Select(p => new Argument(p.Name, p.Type, !p.Required, p.Description, p)).ToList();
            if (Body is { } body)
            {
                var at = Parameters.Count(p => body.Required ? p.Required : p.Role is ParameterRole.Plain or ParameterRole.HeaderFamily);
                arguments.Insert(at, new Argument(body.Name, body.ParameterType, !body.Required, body.Description, null));
            }
            return arguments;
        }
    }

}

/// <summary>One argument of a method: a parameter, or the body (<paramref name="Parameter"/> null); an optional one may be left out.</summary>
public sealed record Argument(string Name, string Type, bool Optional, string Description, ParameterPlan? Parameter);

/// <summary>Where a call that starts runs forwards the caller's trace context.</summary>
public enum TraceContextPlace { Headers, Body }

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
/// <param name="Required">Whether the spec requires it.</param>
/// <param name="Description">What its documentation says.</param>
/// <param name="Value">For a plain parameter or a header family: its C# type and how it is sent.</param>
/// <param name="OptionsType">For an options object, its type.</param>
/// <param name="Writer">For an options object, the method of its type that writes the set members.</param>
/// <param name="TraceTag">The span attribute that carries the parameter: an id in the path ("upstash.workflow.dlq_id"), or whether the bulk switch was on.</param>
/// <param name="TraceCountTag">For a list of ids that selects entries of a bulk call, the span attribute that carries how many were sent.</param>
public sealed record ParameterPlan(string Name, ParameterRole Role, bool Required, string Description, ValuePlan? Value = null, string? OptionsType = null, string? Writer = null,
    string? TraceTag = null, string? TraceCountTag = null)
{
    /// <summary>The wire name (for a family, its prefix without the '*'); null for the switch and options objects.</summary>
    public string? Wire => Value?.Wires[0].WireName;

    /// <summary>path, query or header; null for the switch and options objects.</summary>
    public string? In => Value?.Wires[0].In;

    /// <summary>The parameter's C# type: nullable when optional; a list is whatever sequence the caller has.</summary>
    public string Type => Role switch
    {
        ParameterRole.Options => OptionsType + "?",
        ParameterRole.BulkSwitch => "bool",
        _ => (Value!.IsList ? $"System.Collections.Generic.IEnumerable<{Value.Type}>" : Value.Type) + (Required ? "" : "?"),
    };

    /// <summary>A required reference the method refuses as null before anything else.</summary>
    public bool NullChecked => Required && Value is { IsReference: true };
}

/// <summary>A span attribute read from an operation's answer.</summary>
/// <param name="Tag">The attribute ("upstash.workflow.workflow_run_id").</param>
/// <param name="Property">The answer's property it reads.</param>
/// <param name="Read">What of the property it carries.</param>
public sealed record TraceTag(string Tag, string Property, TraceRead Read);

/// <summary>What a span attribute carries of an answer's property.</summary>
public enum TraceRead
{
    /// <summary>The value itself (an id, a count).</summary>
    Value,

    /// <summary>How many items a list holds.</summary>
    Count,

    /// <summary>Whether a text is there (a cursor came back).</summary>
    Present,
}

/// <summary>A request body.</summary>
/// <param name="Name">The C# parameter name.</param>
/// <param name="Type">The C# type written as JSON; null for <see cref="IsPayload"/>.</param>
/// <param name="IsPayload">Offered in several media types: the handwritten <c>WorkflowPayload</c>, which carries its own.</param>
/// <param name="Required">Whether the spec requires it.</param>
/// <param name="Description">What its documentation says.</param>
public sealed record BodyPlan(string Name, string? Type, bool IsPayload, bool Required, string Description)
{
    /// <summary>The handwritten body type for operations that take text, JSON or bytes alike.</summary>
    public const string PayloadType = Upstash.Workflow.Core.GeneratedCodeNames.Payload;

    /// <summary>The parameter's C# type.</summary>
    public string ParameterType => (IsPayload ? PayloadType : Type!) + (Required ? "" : "?");
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

/// <summary>A class rendered from a component schema (generator/templates/Class.liquid prints exactly this).</summary>
/// <param name="Component">The schema's key in the effective spec's <c>components/schemas</c>.</param>
/// <param name="Name">The class name.</param>
/// <param name="Description">Its documentation: the schema's description.</param>
/// <param name="AnswerOnly">Only answers reach it: it gets a constructor that sets its required members.</param>
/// <param name="KeepsUnknownFields">The schema allows fields it does not declare: they are kept in <c>AdditionalProperties</c>.</param>
/// <param name="Properties">Its properties in the spec's order, those of inline <c>allOf</c> parts included.</param>
public sealed record ModelPlan(string Component, string Name, string? Description, bool AnswerOnly, bool KeepsUnknownFields, IReadOnlyList<PropertyPlan> Properties)
{
    /// <summary>Whether an answer must carry any of its fields: then its parameterless constructor sets them for tests and fakes.</summary>
    public bool HasRequired => Properties.Any(p => p.Required);
}

/// <summary>What a component schema becomes in C#.</summary>
public enum ComponentKind { None, Model, Enum }

/// <summary>What the template does with a property beyond declaring it.</summary>
public enum PropertyKind
{
    /// <summary>Declared as it is.</summary>
    Value,

    /// <summary>Text: an answer-only constructor sets it to "" when required.</summary>
    Text,

    /// <summary>A list, never null: made empty on first read.</summary>
    List,

    /// <summary>A map, never null: made empty (<see cref="PropertyPlan.Instance"/>) on first read.</summary>
    Map,
}

/// <summary>A model's property.</summary>
/// <param name="Wire">Its JSON name.</param>
/// <param name="Name">Its C# name, which paging and tracing read it under too.</param>
/// <param name="TypeName">Its declared C# type, nullable where an answer may leave it out or send null.</param>
/// <param name="Kind">What the template does with it.</param>
/// <param name="Instance">For a map, the type that makes an empty one.</param>
/// <param name="Required">The spec requires it: a C# <c>required</c> member and <c>[JsonRequired]</c>, so an answer without it fails to read, naming it.</param>
/// <param name="Description">Its documentation: its own description, else its type's (without the wire unit of a typed value).</param>
/// <param name="Converter">For a typed value read from another wire form (a Unix time, a duration in seconds), the converter that reads it.</param>
/// <param name="Deprecation">Set when the spec deprecates it: the member is <c>[Obsolete]</c>, with the spec's <c>x-deprecatedMessage</c> if any.</param>
public sealed record PropertyPlan(string Wire, string Name, string TypeName, PropertyKind Kind, string? Instance, bool Required, string? Description, string? Converter, Deprecation? Deprecation);

/// <summary>That a member is deprecated, and what to use instead when the spec says (null: it does not).</summary>
public sealed record Deprecation(string? Message);

/// <summary>An extensible enumeration rendered from a component schema (generator/templates/Enum.liquid prints exactly this).</summary>
/// <param name="Component">The schema's key in the effective spec's <c>components/schemas</c>.</param>
/// <param name="Name">The struct's name.</param>
/// <param name="Description">Its documentation: the schema's description.</param>
/// <param name="Members">The values known when the client was generated, in the spec's order.</param>
public sealed record EnumPlan(string Component, string Name, string? Description, IReadOnlyList<EnumMemberPlan> Members)
{
    /// <summary>The converter that reads and writes it as its wire text.</summary>
    public string Converter => Upstash.Workflow.Core.GeneratedCodeNames.ExtensibleEnumConverter;

    /// <summary>The interface the converter makes values through, and its one member.</summary>
    public string Contract => Upstash.Workflow.Core.GeneratedCodeNames.ExtensibleEnum;

    /// <summary>The contract's member that makes a value from its wire text.</summary>
    public string FromWire => Upstash.Workflow.Core.GeneratedCodeNames.FromWire;
}

/// <summary>One known value of an enumeration.</summary>
/// <param name="Name">The static member's name: the spec's <c>x-enum-varnames</c> (or <c>x-enumNames</c>), else the wire text in Pascal case ("RUN_STARTED" is RunStarted).</param>
/// <param name="Wire">The wire text.</param>
/// <param name="Description">What the value means: the spec's <c>x-enum-descriptions</c>; null where it is silent.</param>
public sealed record EnumMemberPlan(string Name, string Wire, string? Description);
