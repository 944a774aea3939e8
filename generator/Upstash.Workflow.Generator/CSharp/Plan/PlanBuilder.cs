using Newtonsoft.Json.Linq;
using Upstash.Workflow.Generator.Spec;

namespace Upstash.Workflow.Generator.CSharp.Plan;

/// <summary>What the plan is built with besides the spec.</summary>
/// <param name="Namespace">The namespace of the generated types (the NSwag document's setting, which NSwag's file template also prints).</param>
/// <param name="JsonContext">The JSON context's class name.</param>
public sealed record PlanSettings(string Namespace, string JsonContext);

/// <summary>
/// Decides, once, everything the C# stage emits: groups from tags, methods from operation ids,
/// parameter names and roles, options types from the C# configuration, bodies and answers as C# types,
/// bulk filters, paging, and which component schemas become classes (answer-only or sent) and enums.
/// Problems that would show only in the generated code are findings here, with the fix.
/// </summary>
/// <remarks>
/// It reads the effective spec with the C# configuration applied (generator/csharp-overlay.yaml):
/// <list type="bullet">
/// <item><c>x-originalName</c> on a parameter and <c>x-name</c> on a request body: its C# name, where the default
/// (a header's name without the vendor prefix, camel-cased; "Headers" after a family's) is not right.</item>
/// <item><c>x-options</c>: which optional parameters form which options type (<see cref="OptionsPlanner"/>).</item>
/// </list>
/// </remarks>
public static class PlanBuilder
{
    // The vendor's prefix on its header names: a C# name without it says the same (Upstash-Retries is "retries").
    private const string VendorHeaderPrefix = "Upstash-";

    public static ClientPlan Build(JObject spec, PlanSettings settings, DiagnosticBag diagnostics)
    {
        var componentNames = ComponentNames(spec, diagnostics);
        var types = new CSharpTypes(spec, componentNames);
        var options = new OptionsPlanner(spec, types, diagnostics);
        var drafts = OpenApiDocument.Operations(spec)
            .Select(operation => Draft(spec, operation, settings, types, options, diagnostics))
            .OfType<OperationDraft>()
            .ToList();
        var optionsTypes = options.Finish();
        var byName = optionsTypes.ToDictionary(t => t.Name, StringComparer.Ordinal);

        var operations = new List<(Operation Spec, OperationPlan Plan)>();
        foreach (var draft in drafts)
        {
            // C# wants optional parameters last: required first, then the spec's order (OperationPlan.Arguments places the body).
            var objects = options.ConfiguredTypes(draft.Spec)
                .Select(configured => byName.GetValueOrDefault(options.FinalType(draft.Spec, configured) ?? ""))
                .OfType<OptionsTypePlan>()
                .Select(t => new ParameterPlan(t.ParameterName, ParameterRole.Options, false, OptionsDescription, OptionsType: t.Name, Writer: t.Writer));
            ParameterPlan[] parameters =
            [
                .. draft.Plan.Parameters.Where(p => p.Required),
                .. draft.Plan.Parameters.Where(p => !p.Required),
                .. objects,
                .. draft.Plan.BulkFilters is null ? [] : new[] { new ParameterPlan("all", ParameterRole.BulkSwitch, false, AllDescription, TraceTag: Telemetry.All) },
            ];
            operations.Add((draft.Spec, draft.Plan with { Parameters = parameters }));
        }

        var groups = operations
            .GroupBy(o => o.Plan.Group, StringComparer.Ordinal)
            .Select(g => new GroupPlan(g.First().Spec.Tag!, g.Key, TagDescription(spec, g.First().Spec.Tag), g.Select(o => o.Plan).ToList()))
            .ToList();
        var (models, enums) = Schemas(spec, operations.Select(o => o.Spec).ToList(), optionsTypes, componentNames, types, diagnostics);
        CheckNames(groups, models, enums, spec, diagnostics);
        return new ClientPlan(settings.Namespace, settings.JsonContext, groups, models, enums, optionsTypes);
    }

    private const string OptionsDescription = "Optional values for this call, each sent only when set; null sends none.";

    private const string AllDescription = "Set to true to act on everything: without ids or a filter the call is refused, since it would act on every entry. Not sent.";

    /// <summary>An operation before its options types are settled: its plan has only its own parameters so far.</summary>
    private sealed record OperationDraft(Operation Spec, OperationPlan Plan);

    private static OperationDraft? Draft(JObject spec, Operation operation, PlanSettings settings, CSharpTypes types, OptionsPlanner options, DiagnosticBag diagnostics)
    {
        var tag = operation.Tag;
        if (string.IsNullOrWhiteSpace(tag) || string.IsNullOrEmpty(operation.OperationId))
        {
            return null; // refused before the effective spec was written (UG0104, UG0106)
        }
        var group = Names.Pascal(tag);
        var method = Names.UpperFirst(operation.OperationId);
        if (!CSharpName(group, $"{operation.Display}: its tag '{tag}' gives the group name '{group}'", $"{{ target: \"{operation.Target}\", update: {{ tags: [<Group>] }} }}", operation.Node, diagnostics)
            || !CSharpName(method, $"{operation.Display}: its operationId gives the method name '{method}Async'", $"{{ target: \"{operation.Target}\", update: {{ operationId: <name> }} }}", operation.Node, diagnostics))
        {
            return null;
        }
        var plain = new List<ParameterPlan>();
        // Every method takes a CancellationToken under this name.
        var taken = new Dictionary<string, string>(StringComparer.Ordinal) { ["cancellationToken"] = "the method's CancellationToken" };
        var defaults = operation.Node["x-options"] as JObject;
        var catchAll = OptionsPlanner.CatchAll(defaults, method);
        var bulk = IsTrue(operation.Node, "x-bulk");
        var selects = bulk ? OpenApiDocument.Parameters(spec, operation).Where(p => IsTrue(p, "x-bulk-filter")).ToHashSet() : [];
        foreach (var parameter in OpenApiDocument.Parameters(spec, operation))
        {
            var wire = parameter.StringAt("name") ?? "";
            var place = parameter.StringAt("in") ?? "";
            var family = place == "header" && SpecChecker.IsHeaderFamily(wire);
            var name = parameter.StringAt("x-originalName") is { Length: > 0 } pinned ? pinned
                : Names.Camel(place == "header" && wire.StartsWith(VendorHeaderPrefix, StringComparison.OrdinalIgnoreCase) ? wire[VendorHeaderPrefix.Length..] : wire) + (family ? "Headers" : "");
            var optionsType = OptionsPlanner.TypeOf(parameter, defaults, catchAll);
            // A parameter grouped into an options type is a member there; its name need only differ from the other members'.
            var key = optionsType is not null ? $"{optionsType}.{Names.UpperFirst(OptionsPlanner.MemberName(parameter, name))}" : name;
            if (parameter.StringAt("x-options-part") is { Length: > 0 } part)
            {
                key += "/" + part;
            }
            var nameFix = $"{{ target: \"{operation.Target}.parameters[?(@.name=='{wire}')]\", update: {{ {(optionsType is null ? "x-originalName" : "x-options-member")}: <name> }} }} in the C# configuration (generator/csharp-overlay.yaml)";
            if (!CSharpName(optionsType is null ? name : OptionsPlanner.MemberName(parameter, name), $"{operation.Display}: {place} parameter '{wire}' would be named", nameFix, parameter, diagnostics)
                || optionsType is not null && !CSharpName(optionsType, $"{operation.Display}: {place} parameter '{wire}' would join the options type", $"{{ target: \"{operation.Target}\", update: {{ x-options: {{ {place}: <Type> }} }} }} in the C# configuration (generator/csharp-overlay.yaml)", parameter, diagnostics))
            {
                continue;
            }
            if (!Take(taken, key, $"{place} parameter '{wire}'", out var other))
            {
                var (what, extension) = optionsType is not null ? ($"the member {key.Split('/')[0]}", "x-options-member") : ($"the C# parameter '{name}'", "x-originalName");
                diagnostics.Error(Codes.ParameterNameClash,
                    $"{operation.Display}: {place} parameter '{wire}' and {other} would both be {what}. " +
                    $"Name one in the C# configuration (generator/csharp-overlay.yaml): {{ target: \"{operation.Target}.parameters[?(@.name=='{wire}')]\", update: {{ {extension}: <name> }} }}",
                    parameter);
                continue;
            }
            if (optionsType is not null)
            {
                options.Add(operation, method, group, optionsType, parameter, name);
                continue;
            }
            ParameterShapes.Check(spec, operation, parameter, family, diagnostics);
            // A value without a one-value wire form the checks let through (no type, bytes) is the caller's text.
            var value = types.Value(parameter, name) ?? new ValuePlan(name, "string", WireEncoding.Text, false, parameter.StringAt("description") ?? "", null, null, [new WirePlan(place, wire, null)]);
            plain.Add(new ParameterPlan(name, family ? ParameterRole.HeaderFamily : ParameterRole.Plain, parameter.FlagAt("required") == true, value.Description, value,
                TraceTag: Telemetry.PathId(spec, place, parameter), TraceCountTag: selects.Contains(parameter) ? Telemetry.IdList(spec, place, parameter) : null));
        }

        // Every call takes its options type, so a parameter upstream adds later is a member of it, not a new method parameter.
        if (CSharpName(catchAll, $"{operation.Display}: its options type would be", $"{{ target: \"{operation.Target}\", update: {{ x-options: {{ header: <Type> }} }} }} in the C# configuration (generator/csharp-overlay.yaml)", operation.Node, diagnostics))
        {
            options.Ensure(operation, method, group, catchAll);
        }
        var body = Body(operation, types);
        if (body is not null && !CSharpName(body.Name, $"{operation.Display}: its request body would be the parameter", $"{{ target: \"{operation.Target}.requestBody\", update: {{ x-name: <name> }} }} in the C# configuration (generator/csharp-overlay.yaml)", operation.Node["requestBody"], diagnostics))
        {
            body = null;
        }
        var objects = options.ConfiguredTypes(operation).Select(OptionsTypePlan.ParameterNameOf).ToList();
        foreach (var (name, what) in objects.Select(o => (o, "an options object")).Concat(body is null ? [] : [(body.Name, "its request body")]).Concat(bulk ? [("all", "the bulk switch")] : []))
        {
            if (!Take(taken, name, what, out var other))
            {
                diagnostics.Error(Codes.ParameterNameClash,
                    $"{operation.Display}: {what} and {other} would both be the C# parameter '{name}'. Rename the parameter in the C# configuration (generator/csharp-overlay.yaml) with x-originalName, or the body with x-name.",
                    operation.Node);
            }
        }
        var paging = Paging(spec, operation, method, plain, types, diagnostics);
        var (success, redirect) = Success(operation);
        var answer = Answer(success);
        var plan = new OperationPlan(operation.OperationId!, group, method, operation.Display, Names.UpperFirst(operation.Method), operation.Path.TrimStart('/'), plain,
            answer?.Value["schema"] is { } schema ? types.Answer(schema) : null, Accept(success, answer), body, redirect,
            bulk ? selects.Select(p => p.StringAt("name") ?? "").ToList() : null, paging,
            new OperationDocs(Text(operation.Node, "summary"), Text(operation.Node, "description"), success is null ? null : Text(success, "description")),
            Telemetry.Answer(spec, answer?.Value["schema"], bulk, paging), IsTrue(operation.Node, "x-forward-trace-context"));
        return new OperationDraft(operation, plan);
    }

    /// <summary>
    /// The overlay's <c>x-paging: { cursorParameter, cursorField, itemsField }</c>: the query parameter that takes a
    /// cursor, the answer's field with the next one, and (for pages of items) the answer's list of items.
    /// </summary>
    private static PagingPlan? Paging(JObject spec, Operation operation, string method, List<ParameterPlan> plain, CSharpTypes types, DiagnosticBag diagnostics)
    {
        if (operation.Node["x-paging"] is not { } marker)
        {
            return null;
        }
        var parameter = marker.StringAt("cursorParameter");
        var field = marker.StringAt("cursorField");
        var items = marker.StringAt("itemsField");
        var answer = OpenApiDocument.Resolve(spec, Answer(Success(operation).Response)?.Value["schema"]) as JObject;
        var properties = answer?["properties"] as JObject;
        var itemsSchema = items is null ? null : OpenApiDocument.Resolve(spec, properties?[items]) as JObject;
        var problem = marker is not JObject || parameter is null || field is null ? "needs cursorParameter and cursorField (and itemsField for pages of items)"
            : plain.Find(p => p.Wire == parameter && p.In == "query") is null ? $"names the cursor parameter '{parameter}', which is not a query parameter of it"
            : properties?[field] is null ? $"names the cursor field '{field}', which its answer does not have"
            : items is not null && (itemsSchema is null || OpenApiDocument.SchemaType(itemsSchema) != "array") ? $"names the items field '{items}', which is not a list in its answer"
            : null;
        if (problem is not null)
        {
            diagnostics.Error(Codes.PagingInvalid,
                $"{operation.Display}: x-paging {problem}. Fix the marker in the overlay, or remove it: {{ target: \"{operation.Target}\", update: {{ x-paging: {{ cursorParameter: <query parameter>, cursorField: <answer field>, itemsField: <answer list> }} }} }}",
                marker);
            return null;
        }
        var walker = method.StartsWith("List", StringComparison.Ordinal) && method.Length > 4 && char.IsUpper(method[4]) ? "Get" + method[4..] : method + "InBatches";
        return new PagingPlan(walker, plain.Find(p => p.Wire == parameter && p.In == "query")!.Name, PropertyName(field!),
            items is null ? null : PropertyName(items), items is null ? null : types.Answer(itemsSchema!["items"]));
    }

    /// <summary>True for a name C# can declare (letters, digits and underscores, not first a digit) that does not end in '_'; otherwise a finding with the fix.</summary>
    private static bool CSharpName(string name, string what, string fix, JToken? at, DiagnosticBag diagnostics)
    {
        if (Names.IsIdentifier(name) && !name.EndsWith('_'))
        {
            return true;
        }
        var why = Names.IsIdentifier(name) ? "which ends in '_', as only the generated code's own locals do (Writers/Locals)" : "which is no C# name";
        diagnostics.Error(Codes.GeneratedNameRejected, $"{what} '{name}', {why}. Name it otherwise: {fix}", at);
        return false;
    }

    private static bool Take(Dictionary<string, string> taken, string name, string what, out string? other)
    {
        if (taken.TryGetValue(name, out other))
        {
            return false;
        }
        taken[name] = what;
        return true;
    }

    private static BodyPlan? Body(Operation operation, CSharpTypes types)
    {
        if (operation.Node["requestBody"] is not JObject body || body["content"] is not JObject content || content.Count == 0)
        {
            return null;
        }
        var required = body.FlagAt("required") == true;
        var description = Text(body, "description") ?? "";
        if (content.Count > 1)
        {
            return new BodyPlan("payload", null, true, required, description);
        }
        var name = body.StringAt("x-name") is { Length: > 0 } pinned ? pinned : "body";
        return new BodyPlan(name, types.Sent(content.Properties().First().Value["schema"]), false, required, description);
    }

    /// <summary>
    /// The success answer: 200, else the first 2xx; when the operation documents no 2xx, its 3xx is its only success
    /// (the generated method names it to the answer check, since redirects are never followed) and <c>Redirect</c> is its status.
    /// </summary>
    private static (JObject? Response, int? Redirect) Success(Operation operation)
    {
        if (operation.Node["responses"] is not JObject responses)
        {
            return (null, null);
        }
        if ((responses.Property("200") ?? responses.Properties().FirstOrDefault(r => r.Name.StartsWith('2'))) is { } success)
        {
            return (success.Value as JObject, null);
        }
        return responses.Properties().FirstOrDefault(r => r.Name.StartsWith('3')) is { } redirect
            ? (redirect.Value as JObject, int.TryParse(redirect.Name, out var status) ? status : null)
            : (null, null);
    }

    /// <summary>The success answer's body: its JSON media type (else its first), when it has a schema.</summary>
    private static JProperty? Answer(JObject? success) =>
        success?["content"] is JObject { Count: > 0 } content
        && (content.Properties().FirstOrDefault(p => p.Name.Contains("json", StringComparison.OrdinalIgnoreCase)) ?? content.Properties().First()) is { Value: JObject { } media } chosen
        && media["schema"] is not null
            ? chosen
            : null;

    /// <summary>
    /// The media type to ask for: only when the success answer is offered in several, so the choice is the client's
    /// to make. With one, an <c>Accept</c> header would say what the service sends anyway, and cost every call a header.
    /// </summary>
    private static string? Accept(JObject? success, JProperty? answer) =>
        success?["content"] is JObject { Count: > 1 } ? answer?.Name : null;

    /// <summary>A documentation text of the spec, trimmed; null when absent or blank.</summary>
    private static string? Text(JToken node, string key) => node.StringAt(key) is { } text && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;

    private static string? TagDescription(JObject spec, string? tag) => (spec["tags"] as JArray)?.OfType<JObject>().FirstOrDefault(t => t.StringAt("name") == tag)?.StringAt("description");

    /// <summary>
    /// Each component schema's C# name: its key, with a capital first letter, when that is an identifier
    /// (the effective spec names components by their titles); otherwise its words in Pascal case.
    /// </summary>
    private static Dictionary<string, string> ComponentNames(JObject spec, DiagnosticBag diagnostics)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var component in (spec["components"]?["schemas"] as JObject)?.Properties() ?? [])
        {
            var name = Names.IsIdentifier(component.Name) ? Names.UpperFirst(component.Name) : Names.Pascal(component.Name);
            var fix = $"Title it in the overlay: {{ target: \"$.components.schemas['{component.Name}']\", update: {{ title: <name> }} }}";
            if (name.Length == 0 || char.IsAsciiDigit(name[0]))
            {
                diagnostics.Error(Codes.SchemaTitleClash, $"components/schemas/{component.Name} does not start with a letter, so no type can be named after it. {fix}", component.Value);
                continue;
            }
            if (owners.TryGetValue(name, out var other))
            {
                diagnostics.Error(Codes.SchemaTitleClash, $"components/schemas/{component.Name} and components/schemas/{other} would both be the type '{name}'. {fix}", component.Value);
                continue;
            }
            owners[name] = component.Name;
            names[component.Name] = name;
        }
        return names;
    }

    /// <summary>
    /// The component schemas the client reads or writes: classes (answer-only when no request reaches
    /// them) and enumerations. Error answers become typed exceptions whatever their body, so their
    /// schemas are not among them; nor is a component no operation reaches (upstream has one).
    /// </summary>
    private static (List<ModelPlan> Models, List<EnumPlan> Enums) Schemas(JObject spec, IReadOnlyList<Operation> operations, IReadOnlyList<OptionsTypePlan> optionsTypes,
        IReadOnlyDictionary<string, string> componentNames, CSharpTypes types, DiagnosticBag diagnostics)
    {
        var requests = new List<JContainer>();
        var answers = new List<JContainer>();
        foreach (var operation in operations)
        {
            if (operation.Node["requestBody"] is JObject body && body["content"] is JObject { Count: 1 } single)
            {
                requests.Add(single);
            }
            requests.AddRange(OpenApiDocument.Parameters(spec, operation));
            // Every success answer (error answers become exceptions), not only the one the method reads.
            answers.AddRange((operation.Node["responses"] as JObject)?.Properties().Where(r => r.Name[0] is '2' or '3').Select(r => r.Value).OfType<JContainer>() ?? []);
            // What Upstash sends back (a failure callback) is read, never sent, as answers are.
            if (operation.Node["callbacks"] is JObject callbacks)
            {
                answers.Add(callbacks);
            }
        }
        var sent = OpenApiDocument.ReachedSchemas(spec, requests);
        var reached = OpenApiDocument.ReachedSchemas(spec, requests.Concat(answers));
        var models = new List<ModelPlan>();
        var enums = new List<EnumPlan>();
        var schemas = spec["components"]?["schemas"] as JObject;
        // In the spec's order, which the client file keeps: a reader finds its types where the spec has them.
        foreach (var component in (schemas?.Properties() ?? []).Select(p => p.Name).Where(reached.Contains))
        {
            if (schemas?[component] is not JObject schema || !componentNames.TryGetValue(component, out var name) || optionsTypes.Any(t => t.Name == name))
            {
                continue;
            }
            switch (CSharpTypes.KindOf(schema))
            {
                case ComponentKind.Enum:
                    enums.Add(new EnumPlan(component, name, Text(schema, "description"), EnumMembers(schema)));
                    break;
                case ComponentKind.Model:
                    var properties = Properties(schema).Select(p => types.Property(p.Property.Name, PropertyName(p.Property.Name), (JObject)p.Property.Value, p.Required)).ToList();
                    models.Add(new ModelPlan(component, name, Text(schema, "description"), !sent.Contains(component), schema["additionalProperties"]?.Type != JTokenType.Boolean || schema.Value<bool>("additionalProperties"), properties));
                    break;
            }
        }
        UnnamedInlineObjects(schemas, reached, diagnostics);
        return (models, enums);
    }

    /// <summary>
    /// An enumeration's known values: each named by the spec's <c>x-enum-varnames</c> (or NJsonSchema's <c>x-enumNames</c>)
    /// where it gives one, else by its wire text in Pascal case, and described by <c>x-enum-descriptions</c>.
    /// </summary>
    private static List<EnumMemberPlan> EnumMembers(JObject schema)
    {
        var names = schema["x-enum-varnames"] as JArray ?? schema["x-enumNames"] as JArray;
        var descriptions = schema["x-enum-descriptions"] as JArray;
        return ((JArray)schema["enum"]!).Select((value, i) =>
        {
            var wire = (string)value!;
            var name = names?.ElementAtOrDefault(i)?.AsString() is { } given && Names.IsIdentifier(given) ? given : Names.Pascal(wire);
            var description = descriptions?.ElementAtOrDefault(i)?.AsString() is { } text && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;
            return new EnumMemberPlan(name, wire, description);
        }).ToList();
    }

    /// <summary>An inline object schema in a component has no type of its own: it would be read as an untyped <c>object</c> (FallbackNames names only operations' schemas).</summary>
    private static void UnnamedInlineObjects(JObject? schemas, HashSet<string> reached, DiagnosticBag diagnostics)
    {
        foreach (var component in reached)
        {
            if (schemas?[component] is not JObject schema)
            {
                continue;
            }
            foreach (var inline in schema.Descendants().OfType<JObject>().Where(o => o != schema && OpenApiDocument.IsInlineObject(o) && o.Parent?.Parent is JObject { Parent: JProperty { Name: "properties" } } or JProperty { Name: "items" or "additionalProperties" }))
            {
                var target = OpenApiDocument.TargetOf(inline);
                diagnostics.Error(Codes.GeneratedNameRejected,
                    $"{target} is an object without a name, so it has no class to be read into and would be an untyped object. " +
                    $"Give it a title in the overlay: {{ target: \"{target}\", update: {{ title: <name> }} }}",
                    inline);
            }
        }
    }

    /// <summary>Names C# cannot have: a member named like its class; two methods of one group under one name; names nobody chose.</summary>
    private static void CheckNames(IReadOnlyList<GroupPlan> groups, IReadOnlyList<ModelPlan> models, IReadOnlyList<EnumPlan> enums, JObject spec, DiagnosticBag diagnostics)
    {
        var named = models.Select(m => ($"components/schemas/{m.Component}", m.Name))
            .Concat(enums.Select(e => ($"components/schemas/{e.Component}", e.Name)))
            .Concat(groups.SelectMany(g => g.Operations.SelectMany(o =>
                new[] { (o.Display, o.Method + "Async") }
                    .Concat(o.Paging is null ? [] : [(o.Display, o.Paging.Method + "Async")])
                    .Concat(o.Parameters.Select(p => (o.Display, p.Name))))));
        foreach (var (place, name) in named.Where(n => Names.IsPlaceholder(n.Item2)))
        {
            diagnostics.Error(Codes.GeneratedNameRejected,
                $"{place} would be named '{name}' in C#, a name nobody would choose. Name it in an overlay: an operationId or a title (openapi/overlay.yaml), or x-originalName on a parameter (generator/csharp-overlay.yaml).");
        }
        foreach (var model in models)
        {
            var schema = spec["components"]?["schemas"]?[model.Component] as JObject;
            foreach (var property in (schema?["properties"] as JObject)?.Properties() ?? [])
            {
                if (PropertyName(property.Name) == model.Name)
                {
                    diagnostics.Error(Codes.GeneratedNameRejected,
                        $"components/schemas/{model.Component} has a property '{property.Name}' named like the schema itself; a C# class cannot have a member of its own name. " +
                        $"Give the schema another title in the overlay: {{ target: \"$.components.schemas.{model.Component}\", update: {{ title: <name> }} }}",
                        property);
                }
            }
        }
        foreach (var group in groups)
        {
            foreach (var clash in group.Operations.SelectMany(o => new[] { (o.Method, o), (o.Paging?.Method, o) }).Where(m => m.Item1 is not null).GroupBy(m => m.Item1!, StringComparer.Ordinal).Where(g => g.Count() > 1))
            {
                var operations = clash.Select(c => c.o).Distinct().ToList();
                diagnostics.Error(Codes.OperationIdDuplicate,
                    $"{string.Join(" and ", operations.Select(o => o.Display))} would both be the method {group.Class}.{clash.Key}Async. Give one of them another operationId in the overlay.");
            }
        }
    }

    /// <summary>
    /// A model schema's properties with whether each is required: its own, and those of the objects it is composed of
    /// inline (<c>allOf</c>), which the class declares as its own.
    /// </summary>
    public static IEnumerable<(JProperty Property, bool Required)> Properties(JObject schema) =>
        new[] { schema }.Concat((schema["allOf"] as JArray)?.OfType<JObject>().Where(part => part["$ref"] is null) ?? [])
            .SelectMany(part => ((part["properties"] as JObject)?.Properties() ?? []).Where(p => p.Value is JObject)
                .Select(p => (p, (part["required"] as JArray)?.Any(r => r.AsString() == p.Name) == true)));

    /// <summary>A schema property's C# name: the wire name, capitalised.</summary>
    public static string PropertyName(string wire) => Names.UpperFirst(wire);

    private static bool IsTrue(JToken node, string key) => node[key]?.Type == JTokenType.Boolean && node.Value<bool>(key);
}
