using Newtonsoft.Json.Linq;
using Upstash.Workflow.Generator.Spec;

namespace Upstash.Workflow.Generator.CSharp.Plan;

/// <summary>
/// Groups an operation's optional parameters into options types, as the C# configuration asks: an
/// operation's <c>x-options: { header: T, query: U }</c> puts every optional header (query) parameter into
/// type T (U), and a parameter's own <c>x-options: T</c> or <c>x-options: false</c> overrides that. Every
/// operation takes its options type (<see cref="CatchAll"/>), even while it has no member, and an optional
/// parameter whose place names no type joins it: so what upstream adds to any call later is a new member, never a
/// new method parameter, and a release that only adds is not a break. Member names come from
/// <c>x-options-member</c> (else the parameter's C# name), their types from the
/// schema: <c>x-unix-time</c> → DateTimeOffset, <c>x-duration</c> → TimeSpan, <c>format: uri</c> → Uri, a
/// header marked <c>x-comma-separated</c> → a list, lists, enums and header families as they are. Several
/// parameters naming one member with <c>x-options-part</c> form one member of the handwritten type
/// <c>x-options-type</c> (the two flow-control headers → WorkflowFlowControl).
/// </summary>
/// <remarks>
/// A type is taken only by operations that take all of its members the same way, so no call refuses a
/// member of the type it takes. When the operations naming one type differ (upstream adds a filter to one
/// of them), the type splits: the members most of them take keep the configured name, and each other
/// set of members becomes <c>{Method}{last word}</c> ("ListFailedRunsFilter"), named after its first operation.
/// </remarks>
internal sealed class OptionsPlanner(JObject spec, CSharpTypes types, DiagnosticBag diagnostics)
{
    /// <summary>One operation's members of one configured type, in the order of its parameters.</summary>
    private sealed class Use(Operation operation, string method, string group, string configured)
    {
        public Operation Operation { get; } = operation;
        public string Method { get; } = method;
        public string Group { get; } = group;
        public string Configured { get; } = configured;
        public List<ValuePlan> Members { get; } = [];
        public string? Final { get; set; }

        /// <summary>What the operation takes of the type: each member's name, value, wires and bounds (the bounds are checked before sending); not its description.</summary>
        public string Signature => string.Join("|", Members.OrderBy(m => m.Name, StringComparer.Ordinal).Select(m => $"{m} [{m.Minimum}..{m.Maximum}]"));
    }

    private readonly List<Use> _uses = [];

    /// <summary>
    /// The options type every call of <paramref name="method"/> takes: the one the C# configuration names for its headers,
    /// else for its query, else <c>{Method}Options</c>.
    /// </summary>
    public static string CatchAll(JObject? defaults, string method) =>
        defaults?.StringAt("header") ?? defaults?.StringAt("query") ?? method + "Options";

    /// <summary>
    /// The options type a parameter joins, if any: its own x-options, else the type the operation names for its place,
    /// else <paramref name="catchAll"/>. Required parameters, paths and parameters marked x-options: false stay parameters.
    /// </summary>
    public static string? TypeOf(JObject parameter, JObject? defaults, string catchAll)
    {
        var own = parameter["x-options"];
        if (own?.Type == JTokenType.Boolean)
        {
            return null;
        }
        if (own?.Type == JTokenType.String)
        {
            return (string?)own;
        }
        if (parameter.FlagAt("required") == true || parameter.StringAt("in") is not ("header" or "query"))
        {
            return null;
        }
        return defaults?[parameter.StringAt("in")!]?.Type == JTokenType.String ? defaults.StringAt(parameter.StringAt("in")!) : catchAll;
    }

    /// <summary>A grouped parameter's member name: <c>x-options-member</c>, else its C# parameter name.</summary>
    public static string MemberName(JObject parameter, string parameterName) => parameter.StringAt("x-options-member") ?? parameterName;

    /// <summary>Records <paramref name="parameter"/> as a member of <paramref name="type"/> for the operation.</summary>
    public void Add(Operation operation, string method, string group, string type, JObject parameter, string parameterName)
    {
        var use = UseOf(operation, method, group, type);
        if (Member(operation, parameter, Names.UpperFirst(MemberName(parameter, parameterName))) is not { } member)
        {
            return;
        }
        var index = use.Members.FindIndex(m => m.Name == member.Name);
        if (index >= 0)
        {
            // Another part of a composite member (the flow-control key beside its value).
            use.Members[index] = use.Members[index] with { Wires = [.. use.Members[index].Wires, .. member.Wires] };
        }
        else
        {
            use.Members.Add(member);
        }
    }

    /// <summary>Makes the operation take <paramref name="type"/> (its <see cref="CatchAll"/>) whether or not a parameter joined it.</summary>
    public void Ensure(Operation operation, string method, string group, string type) => UseOf(operation, method, group, type);

    private Use UseOf(Operation operation, string method, string group, string type)
    {
        var use = _uses.Find(u => u.Operation == operation && u.Configured == type);
        if (use is null)
        {
            _uses.Add(use = new Use(operation, method, group, type));
        }
        return use;
    }

    /// <summary>The configured types an operation groups parameters into, in the order they appear.</summary>
    public IEnumerable<string> ConfiguredTypes(Operation operation) => _uses.Where(u => u.Operation == operation).Select(u => u.Configured);

    /// <summary>The type an operation's members of <paramref name="configured"/> became (after <see cref="Finish"/>).</summary>
    public string FinalType(Operation operation, string configured) => _uses.Single(u => u.Operation == operation && u.Configured == configured).Final!;

    /// <summary>Splits each configured type by the members its operations take, checks them, and returns the types.</summary>
    public IReadOnlyList<OptionsTypePlan> Finish()
    {
        var result = new List<OptionsTypePlan>();
        var names = new HashSet<string>(_uses.Select(u => u.Configured), StringComparer.Ordinal);
        foreach (var configured in _uses.GroupBy(u => u.Configured, StringComparer.Ordinal))
        {
            if (!ConsistentlyTyped(configured.ToList()))
            {
                continue;
            }
            var sets = configured.GroupBy(u => u.Signature, StringComparer.Ordinal).ToList();
            var kept = sets.OrderByDescending(s => s.Count()).First();
            foreach (var set in sets)
            {
                var uses = set.ToList();
                var name = set == kept ? configured.Key : uses[0].Method + Names.Words(configured.Key)[^1];
                if (set != kept && !names.Add(name))
                {
                    diagnostics.Error(Codes.OptionsMemberInvalid,
                        $"{uses[0].Operation.Display} takes other members of {configured.Key} than {kept.First().Operation.Display}, so its own type would be {name}, a name already taken. " +
                        $"Name its options type in the C# configuration (generator/csharp-overlay.yaml): {{ target: \"{uses[0].Operation.Target}\", update: {{ x-options: {{ <header or query>: <Type> }} }} }}",
                        uses[0].Operation.Node);
                    continue;
                }
                if (types.NamesAType(name))
                {
                    diagnostics.Error(Codes.OptionsMemberInvalid, $"the options type '{name}' has the name of a schema; name it otherwise in the C# configuration (x-options).", uses[0].Operation.Node["x-options"] ?? uses[0].Operation.Node);
                    continue;
                }
                foreach (var use in uses)
                {
                    use.Final = name;
                }
                result.Add(new OptionsTypePlan(name, Described(uses), uses.Select(u => new OptionsUse(u.Group, u.Method)).ToList()));
            }
        }
        return result;
    }

    /// <summary>A member two operations type differently cannot be one member of one type.</summary>
    private bool ConsistentlyTyped(List<Use> uses)
    {
        var seen = new Dictionary<string, (ValuePlan Member, Use Use)>(StringComparer.Ordinal);
        var ok = true;
        foreach (var use in uses)
        {
            foreach (var member in use.Members)
            {
                if (seen.TryGetValue(member.Name, out var earlier) && !SameValue(earlier.Member, member))
                {
                    var wire = member.Wires[0].WireName;
                    diagnostics.Error(Codes.OptionsMemberInvalid,
                        $"{use.Operation.Display}: parameter '{wire}' would be {use.Configured}.{member.Name} as {member.Shape}, " +
                        $"but {earlier.Use.Operation.Display} makes it {earlier.Member.Shape}. Name it otherwise in the C# configuration (generator/csharp-overlay.yaml): " +
                        $"{{ target: \"{use.Operation.Target}.parameters[?(@.name=='{wire}')]\", update: {{ x-options-member: <name> }} }}, or keep it a parameter with x-options: false.",
                        use.Operation.Node);
                    ok = false;
                }
                seen.TryAdd(member.Name, (member, use));
            }
        }
        return ok;

        static bool SameValue(ValuePlan a, ValuePlan b) => (a.Type, a.Encoding, a.IsList) == (b.Type, b.Encoding, b.IsList);
    }

    /// <summary>The members of a type in its first operation's order; one documented differently says what most operations say (the first on a tie).</summary>
    private static List<ValuePlan> Described(List<Use> uses) =>
        uses[0].Members.Select(member => member with
        {
            Description = uses.Select(u => u.Members.First(m => m.Name == member.Name).Description)
                .GroupBy(d => d).OrderByDescending(g => g.Count()).First().Key,
        }).ToList();

    private ValuePlan? Member(Operation operation, JObject parameter, string name)
    {
        var wire = parameter.StringAt("name") ?? "";
        var place = parameter.StringAt("in") ?? "";
        if (parameter.StringAt("x-options-part") is { Length: > 0 } part)
        {
            if (parameter.StringAt("x-options-type") is not { Length: > 0 } composite)
            {
                diagnostics.Error(Codes.OptionsMemberInvalid, $"{operation.Display}: parameter '{wire}' has x-options-part but no x-options-type (the handwritten type whose properties the parts are).", parameter);
                return null;
            }
            return new ValuePlan(name, composite, WireEncoding.Parts, false, parameter.StringAt("description") ?? "", null, null, [new WirePlan(place, wire, Names.UpperFirst(part))]);
        }
        if (types.Value(parameter, name) is { } value)
        {
            return value;
        }
        var isList = OpenApiDocument.Resolve(spec, parameter["schema"]) is JObject schema && OpenApiDocument.SchemaType(schema) == "array";
        diagnostics.Error(Codes.OptionsMemberInvalid,
            $"{operation.Display}: {place} parameter '{wire}' is {(isList ? "a list of " : "")}a shape an options member cannot send " +
            $"(scalars, enums, times, durations, URLs, and lists of them). Keep it out in the C# configuration (generator/csharp-overlay.yaml): " +
            $"{{ target: \"{operation.Target}.parameters[?(@.name=='{wire}')]\", update: {{ x-options: false }} }}", parameter);
        return null;
    }
}
