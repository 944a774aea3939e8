using Newtonsoft.Json.Linq;
using Upstash.Workflow.Generator.Spec;

namespace Upstash.Workflow.Generator.CSharp;

/// <summary>How one member's value becomes wire text; the same for every operation that sends it.</summary>
public enum OptionsEncoding { Text, Number, Boolean, Enum, UnixMilliseconds, UnixSeconds, DateTimeText, DateText, DurationText, DurationSeconds, Url, HeaderFamily, Parts }

/// <summary>One member of an options type: its C# name and type, and how its value is written.</summary>
public sealed record OptionsMember(string Name, string Type, OptionsEncoding Encoding, bool IsList, string Description, long? Minimum, long? Maximum)
{
    /// <summary>The value's C# type as declared on the property (nullable: every member is optional).</summary>
    public string PropertyType => IsList ? $"System.Collections.Generic.IReadOnlyList<{Type}>?" : $"{Type}?";
}

/// <summary>Where one operation sends one member: a header or a query parameter, by wire name (a part of a composite member names the property it reads).</summary>
public sealed record OptionsWire(string Member, string In, string WireName, string? Part);

/// <summary>One operation's use of an options type: the method it belongs to and the wire of each member it sends.</summary>
public sealed record OptionsUse(string ClientClass, string Method, IReadOnlyList<OptionsWire> Wires)
{
    /// <summary>The internal method the templates call to write this operation's members: "WriteTo_{Class}_{Method}".</summary>
    public string WriterName => $"WriteTo_{ClientClass}_{Method}";
}

/// <summary>An options type: its members, and every operation that takes it.</summary>
public sealed record OptionsType(string Name, IReadOnlyList<OptionsMember> Members, IReadOnlyList<OptionsUse> Uses)
{
    /// <summary>The method parameter's name: the type's last word ("WorkflowRunOptions" → <c>options</c>).</summary>
    public string ParameterName => ParameterNameOf(Name);

    public static string ParameterNameOf(string type) => Names.Camel(Names.Words(type)[^1]);
}

/// <summary>
/// Groups an operation's optional parameters into options objects, as the overlay asks: an operation's
/// <c>x-options: { header: T, query: U }</c> puts every optional header (query) parameter into type T (U),
/// and a parameter's own <c>x-options: T</c> or <c>x-options: false</c> overrides that. So a parameter
/// upstream adds to such an operation later becomes a new member, not a new method parameter, and no
/// caller breaks. Each group becomes one parameter of the method, named after the type's last word
/// ("WorkflowRunOptions" → <c>options</c>), after the method's own parameters; the members' names come from
/// <c>x-options-member</c> (else the parameter's C# name), and their types from the schema: <c>x-unix-time</c> → DateTimeOffset,
/// <c>x-duration</c> → TimeSpan, <c>format: uri</c> → Uri, a header marked <c>x-comma-separated</c> → a list,
/// lists, enums and header families as they are.
/// Several parameters naming one member with <c>x-options-part</c> form one member of the handwritten
/// type <c>x-options-type</c> (the two flow-control headers → WorkflowFlowControl).
/// </summary>
/// <remarks>
/// The grouped parameters leave the spec NSwag reads; a synthetic query parameter of the options type
/// takes their place, which the templates hand to the generated writer (see <see cref="OptionsWriter"/>).
/// The effective spec keeps the parameters as upstream declares them.
/// </remarks>
public static class OptionsObjects
{
    /// <summary>Wire-name prefix of the synthetic parameter; the templates recognise it.</summary>
    public const string SyntheticPrefix = "x-upstashgen-options-";

    /// <summary>On the synthetic parameter: the wire names of its members marked x-bulk-filter.</summary>
    public const string BulkFilterNames = "x-upstashgen-bulk-filters";

    public static IReadOnlyList<OptionsType> Group(JObject root, DiagnosticBag diagnostics)
    {
        var found = new Dictionary<string, TypeInProgress>(StringComparer.Ordinal);
        foreach (var operation in OpenApiDocument.Operations(root).ToList())
        {
            var defaults = operation.Node["x-options"] as JObject;
            var parameters = OpenApiDocument.Parameters(root, operation);
            var groups = parameters.Where(p => TypeOf(p, defaults) is not null).GroupBy(p => TypeOf(p, defaults)!, StringComparer.Ordinal).ToList();
            if (groups.Count == 0)
            {
                continue;
            }
            // The C# adaptation named it "{Tag}_{Name}"; NSwag makes that class "{Tag}Client", method "{Name}".
            var parts = operation.OperationId!.Split('_', 2);
            var clientClass = Names.Pascal(parts[0]) + "Client";
            var method = Names.UpperFirst(parts[1]);
            // Two members of one name in one operation were refused before (CSharpAdapter.NameParameters, UG0107).
            var kept = new JArray(parameters.Where(p => TypeOf(p, defaults) is null).Select(p => p.DeepClone()));
            foreach (var group in groups)
            {
                var type = found.TryGetValue(group.Key, out var known) ? known : found[group.Key] = new TypeInProgress(group.Key);
                var wires = new List<OptionsWire>();
                foreach (var parameter in group)
                {
                    if (Member(root, operation, parameter, diagnostics) is { } read)
                    {
                        type.Add(operation, parameter, read.Member, diagnostics);
                        wires.Add(read.Wire);
                    }
                }
                type.Uses.Add(new OptionsUse(clientClass, method, wires));
                kept.Add(Synthetic(type.Name, group, kept.Count));
            }
            if (operation.PathItem["parameters"] is not null)
            {
                // Path-level parameters move into each operation's own list, so a grouped one cannot come back from there.
                foreach (var sibling in OpenApiDocument.Operations(root).Where(o => o.PathItem == operation.PathItem && o.Node != operation.Node))
                {
                    sibling.Node["parameters"] = new JArray(OpenApiDocument.Parameters(root, sibling).Select(p => p.DeepClone()));
                }
                operation.PathItem.Remove("parameters");
            }
            operation.Node["parameters"] = kept;
        }

        var components = (JObject)(root["components"] ??= new JObject());
        var schemas = (JObject)(components["schemas"] ??= new JObject());
        var result = new List<OptionsType>();
        foreach (var type in found.Values)
        {
            if (schemas[type.Name] is not null)
            {
                diagnostics.Error(Codes.OptionsMemberInvalid, $"the options type '{type.Name}' has the name of a schema; name it otherwise in the overlay (x-options).", schemas[type.Name]);
                continue;
            }
            // NSwag does not write this class (it is excluded by name, OptionsWriter writes it); its properties
            // keep the member types (enums) reachable, so they are generated.
            schemas[type.Name] = new JObject { ["type"] = "object", ["properties"] = type.Schemas };
            result.Add(type.Build());
        }
        return result;
    }

    /// <summary>The parameter that stands for a group in the spec NSwag reads; the templates hand it to the generated writer.</summary>
    private static JObject Synthetic(string type, IEnumerable<JObject> group, int position)
    {
        var name = OptionsType.ParameterNameOf(type);
        return new JObject
        {
            // The wire names among the members that select entries of a bulk call (see BulkFiltersWriter).
            [BulkFilterNames] = new JArray(group.Where(p => p["x-bulk-filter"]?.Type == JTokenType.Boolean && p.Value<bool>("x-bulk-filter")).Select(p => p.Value<string>("name"))),
            ["in"] = "query",
            ["name"] = SyntheticPrefix + name,
            ["x-originalName"] = name,
            ["required"] = false,
            ["schema"] = new JObject { ["$ref"] = $"#/components/schemas/{type}" },
            ["description"] = "Optional values for this call, each sent only when set; null sends none.",
            // After the call's own parameters and its body (NSwag orders by x-position), before the bulk switch.
            ["x-position"] = 900 + position,
        };
    }

    /// <summary>What is known of one options type while the operations are read.</summary>
    private sealed class TypeInProgress(string name)
    {
        private readonly Dictionary<string, OptionsMember> _members = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<string>> _descriptions = new(StringComparer.Ordinal);

        public string Name { get; } = name;

        public List<OptionsUse> Uses { get; } = [];

        /// <summary>Each member's schema as a parameter declares it, for the component that stands for the type.</summary>
        public JObject Schemas { get; } = new();

        /// <summary>Records a member; one that another operation types differently is refused.</summary>
        public void Add(Operation operation, JObject parameter, OptionsMember member, DiagnosticBag diagnostics)
        {
            if (_members.TryGetValue(member.Name, out var earlier) && earlier with { Description = "" } != member with { Description = "" })
            {
                var wire = parameter.Value<string>("name");
                diagnostics.Error(Codes.OptionsMemberInvalid,
                    $"{operation.Display}: parameter '{wire}' would be {Name}.{member.Name} as {Describe(member)}, " +
                    $"but another operation's parameter makes it {Describe(earlier)}. Name it otherwise in the overlay: " +
                    $"{{ target: \"{operation.Target}.parameters[?(@.name=='{wire}')]\", update: {{ x-options-member: <name> }} }}, or keep it a parameter with x-options: false.",
                    parameter);
                return;
            }
            _members.TryAdd(member.Name, member);
            (_descriptions.TryGetValue(member.Name, out var said) ? said : _descriptions[member.Name] = []).Add(member.Description);
            Schemas[member.Name] ??= parameter["schema"]?.DeepClone() ?? new JObject();
        }

        /// <summary>The type; a member documented differently by several operations says what most of them say (the first on a tie).</summary>
        public OptionsType Build() => new(
            Name,
            _members.Values.Select(m => m with { Description = _descriptions[m.Name].GroupBy(d => d).OrderByDescending(g => g.Count()).First().Key }).ToList(),
            Uses);
    }

    /// <summary>A grouped parameter's member name: <c>x-options-member</c>, else its C# parameter name (<c>x-originalName</c>).</summary>
    public static string? MemberName(JObject parameter) =>
        parameter.Value<string>("x-options-member") ?? parameter.Value<string>("x-originalName");

    /// <summary>The options type a parameter joins, if any: its own x-options, else the operation's default for its place. Required parameters stay parameters.</summary>
    public static string? TypeOf(JObject parameter, JObject? defaults)
    {
        if (parameter.Value<string>("name")?.StartsWith("x-upstashgen-", StringComparison.Ordinal) == true)
        {
            return null;
        }
        var own = parameter["x-options"];
        if (own?.Type == JTokenType.Boolean)
        {
            return null;
        }
        if (own?.Type == JTokenType.String)
        {
            return (string?)own;
        }
        if (parameter.Value<bool?>("required") == true || parameter.Value<string>("in") is not ("header" or "query"))
        {
            return null;
        }
        return defaults?.Value<string>(parameter.Value<string>("in")!);
    }

    private static (OptionsMember Member, OptionsWire Wire)? Member(JObject root, Operation operation, JObject parameter, DiagnosticBag diagnostics)
    {
        var wire = parameter.Value<string>("name") ?? "";
        var place = parameter.Value<string>("in") ?? "";
        var name = Names.UpperFirst(MemberName(parameter) ?? Names.Camel(wire));
        var description = parameter.Value<string>("description") ?? "";
        var schema = OpenApiDocument.Resolve(root, parameter["schema"]) as JObject ?? new JObject();
        if (parameter.Value<string>("x-options-part") is { Length: > 0 } part)
        {
            if (parameter.Value<string>("x-options-type") is not { Length: > 0 } composite)
            {
                diagnostics.Error(Codes.OptionsMemberInvalid, $"{operation.Display}: parameter '{wire}' has x-options-part but no x-options-type (the handwritten type whose properties the parts are).", parameter);
                return null;
            }
            return (new OptionsMember(name, composite, OptionsEncoding.Parts, false, description, null, null), new OptionsWire(name, place, wire, Names.UpperFirst(part)));
        }
        if (place == "header" && SpecChecker.IsHeaderFamily(wire))
        {
            return (new OptionsMember(name, "System.Collections.Generic.IDictionary<string, string>", OptionsEncoding.HeaderFamily, false, description, null, null),
                new OptionsWire(name, place, wire[..^1], null));
        }
        // A string of comma-joined values (x-comma-separated) is a list whose wire form is a header list.
        var commaSeparated = place == "header" && parameter["x-comma-separated"]?.Type == JTokenType.Boolean && parameter.Value<bool>("x-comma-separated");
        var isList = OpenApiDocument.SchemaType(schema) == "array" || commaSeparated;
        var value = isList && !commaSeparated ? OpenApiDocument.Resolve(root, schema["items"]) as JObject ?? new JObject() : schema;
        var itemReference = isList ? schema["items"]?["$ref"] : parameter["schema"]?["$ref"];
        if (Scalar(value, itemReference) is not { } scalar)
        {
            diagnostics.Error(Codes.OptionsMemberInvalid,
                $"{operation.Display}: {place} parameter '{wire}' is {(isList ? "a list of " : "")}a shape an options member cannot send " +
                $"(scalars, enums, times, durations, URLs, and lists of them). Keep it out in the overlay: " +
                $"{{ target: \"{operation.Target}.parameters[?(@.name=='{wire}')]\", update: {{ x-options: false }} }}", parameter);
            return null;
        }
        return (new OptionsMember(name, scalar.Type, scalar.Encoding, isList, description, value.Value<long?>("minimum"), value.Value<long?>("maximum")),
            new OptionsWire(name, place, wire, null));
    }

    private static (string Type, OptionsEncoding Encoding)? Scalar(JObject schema, JToken? reference)
    {
        if (reference is not null && schema["enum"] is JArray && ((string?)reference)?.Split('/')[^1] is { } enumName)
        {
            return (Names.Pascal(enumName), OptionsEncoding.Enum);
        }
        var type = OpenApiDocument.SchemaType(schema);
        var format = schema.Value<string>("format");
        return (type, schema.Value<string>("x-unix-time"), schema.Value<string>("x-duration")) switch
        {
            ("integer", "milliseconds", _) => ("System.DateTimeOffset", OptionsEncoding.UnixMilliseconds),
            ("integer", "seconds", _) => ("System.DateTimeOffset", OptionsEncoding.UnixSeconds),
            ("integer", _, "seconds") => ("System.TimeSpan", OptionsEncoding.DurationSeconds),
            ("string", _, "text") => ("System.TimeSpan", OptionsEncoding.DurationText),
            ("string", _, _) when format == "uri" => ("System.Uri", OptionsEncoding.Url),
            ("string", _, _) when format == "date-time" => ("System.DateTimeOffset", OptionsEncoding.DateTimeText),
            ("string", _, _) when format == "date" => ("System.DateTimeOffset", OptionsEncoding.DateText),
            ("string", _, _) when format is null or "" => ("string", OptionsEncoding.Text),
            ("integer", _, _) => (format == "int64" ? "long" : "int", OptionsEncoding.Number),
            ("number", _, _) => ("double", OptionsEncoding.Number),
            ("boolean", _, _) => ("bool", OptionsEncoding.Boolean),
            _ => null,
        };
    }

    private static string Describe(OptionsMember member) =>
        $"{(member.IsList ? "a list of " : "")}{member.Type} ({member.Encoding})";
}
