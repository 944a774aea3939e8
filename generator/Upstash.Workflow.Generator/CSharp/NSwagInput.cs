using Newtonsoft.Json.Linq;
using Upstash.Workflow.Generator.CSharp.Plan;
using Upstash.Workflow.Generator.Spec;

namespace Upstash.Workflow.Generator.CSharp;

/// <summary>
/// Renders the plan as the document NSwag reads: a copy of the C# spec in which NSwag's own conventions
/// give the planned names, and each part of the plan travels to the templates under
/// <see cref="ClientPlan.Key"/> (the document, every operation, parameter, model and enum). Names come from the
/// plan; what is decided here is how NSwag is made to print them: renamed operation ids, parameter positions, and
/// the converter for each typed value's wire form (below). The effective spec (what other languages and Prism read)
/// is left alone.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>operationId becomes <see cref="OperationPlan.NSwagId"/>; parameters are the plan's, each with its C# name
/// (<c>x-originalName</c>) and place (<c>x-position</c>, which NSwag orders by); options objects and the bulk switch
/// are parameters here that the templates recognise by their plan, not by name.</item>
/// <item>Components are renamed to their planned type names; those the plan has no use for are left out
/// (error answers become typed exceptions whatever their body, so they go too).</item>
/// <item>Typed values become what NSwag types as the planned .NET type: Unix times as date-times, durations as
/// durations, each with the converter that reads the wire form; string enums lose their type so that
/// generator/templates/Enum.liquid makes them extensible structs (NJsonSchema's x-enumNames gives the member names).</item>
/// <item>Vendor extensions on the Paths object and on path items are dropped: NSwag would read them as paths or methods.</item>
/// </list>
/// </remarks>
public static class NSwagInput
{
    /// <summary>The converters that read typed values from their wire form, by the overlay's marker.</summary>
    private static readonly Dictionary<(string? UnixTime, string? Duration), (string Format, string Converter)> Converters = new()
    {
        [("milliseconds", null)] = ("date-time", "Upstash.Workflow.Serialization.UnixTimeMillisecondsConverter"),
        [("seconds", null)] = ("date-time", "Upstash.Workflow.Serialization.UnixTimeSecondsConverter"),
        [(null, "seconds")] = ("duration", "Upstash.Workflow.Serialization.DurationSecondsConverter"),
    };

    public static JObject Render(JObject csharpSpec, ClientPlan plan)
    {
        var root = (JObject)csharpSpec.DeepClone();
        root[ClientPlan.Key] = plan.ForTemplates();
        DropExtensionsNSwagMisreads(root);
        var operations = plan.Operations.ToDictionary(o => o.OperationId, StringComparer.Ordinal);
        foreach (var operation in OpenApiDocument.Operations(root).ToList())
        {
            if (operation.OperationId is { } id && operations.TryGetValue(id, out var planned))
            {
                RenderOperation(root, operation, planned);
            }
            else
            {
                operation.PathItem.Remove(operation.Method);
            }
        }
        foreach (var item in (root["paths"] as JObject)?.Properties().ToList() ?? [])
        {
            // Path-level parameters were copied into each operation's own list.
            (item.Value as JObject)?.Remove("parameters");
        }
        RenderSchemas(root, plan);
        return root;
    }

    private static void RenderOperation(JObject root, Operation operation, OperationPlan planned)
    {
        var node = operation.Node;
        var declared = OpenApiDocument.Parameters(root, operation);
        node["operationId"] = planned.NSwagId;
        node[ClientPlan.Key] = ClientPlan.ForTemplates(planned);

        // NSwag orders by x-position: required parameters, a required body, optional ones, an optional body, options objects, the switch.
        var bodyAt = planned.Body is not { } planBody ? -1
            : planned.Parameters.Count(p => planBody.Required ? p.Required : p.Role is ParameterRole.Plain or ParameterRole.HeaderFamily);
        if (node["requestBody"] is JObject requestBody && bodyAt >= 0)
        {
            requestBody["x-position"] = bodyAt + 1;
        }
        var parameters = new JArray();
        for (var i = 0; i < planned.Parameters.Count; i++)
        {
            var parameter = planned.Parameters[i];
            var rendered = parameter.Role switch
            {
                ParameterRole.Plain or ParameterRole.HeaderFamily => Declared(declared, parameter),
                ParameterRole.Options => new JObject
                {
                    ["in"] = "query",
                    ["name"] = parameter.Name,
                    ["required"] = false,
                    ["schema"] = new JObject { ["$ref"] = "#/components/schemas/" + parameter.OptionsType },
                    ["description"] = "Optional values for this call, each sent only when set; null sends none.",
                },
                _ => new JObject
                {
                    ["in"] = "header",
                    ["name"] = parameter.Name,
                    ["required"] = false,
                    ["schema"] = new JObject { ["type"] = "boolean" },
                    ["description"] = "Set to true to act on everything: without ids or a filter the call is refused, since it would act on every entry. Not sent.",
                },
            };
            rendered["x-originalName"] = parameter.Name;
            rendered["x-position"] = i < bodyAt || bodyAt < 0 ? i + 1 : i + 2;
            rendered[ClientPlan.Key] = ClientPlan.ForTemplates(parameter);
            parameters.Add(rendered);
        }
        node["parameters"] = parameters;
        RenderBody(root, node, planned);
        RenderResponses(node);
    }

    /// <summary>The spec's own parameter for a plain one; a header family becomes a map (one header per entry).</summary>
    private static JObject Declared(IReadOnlyList<JObject> declared, ParameterPlan parameter)
    {
        var wire = parameter.Role == ParameterRole.HeaderFamily ? parameter.Wire + "*" : parameter.Wire;
        var copy = (JObject)declared.First(p => p.Value<string>("name") == wire && p.Value<string>("in") == parameter.In).DeepClone();
        if (parameter.Role == ParameterRole.HeaderFamily)
        {
            copy["schema"] = new JObject { ["type"] = "object", ["additionalProperties"] = new JObject { ["type"] = "string" } };
        }
        return copy;
    }

    private static void RenderBody(JObject root, JObject node, OperationPlan planned)
    {
        if (planned.Body is not { } body || node["requestBody"] is not JObject requestBody)
        {
            return;
        }
        requestBody["x-name"] = body.Name;
        if (body.IsPayload)
        {
            var schemas = (JObject)(((JObject)(root["components"] ??= new JObject()))["schemas"] ??= new JObject());
            schemas[BodyPlan.PayloadType] ??= new JObject { ["type"] = "object", ["description"] = "Text, JSON or bytes, with its media type." };
            requestBody["content"] = new JObject { ["application/json"] = new JObject { ["schema"] = new JObject { ["$ref"] = $"#/components/schemas/{BodyPlan.PayloadType}" } } };
        }
    }

    /// <summary>
    /// Error answers become typed exceptions in one place (ErrorMapper), so they are left out; a 3xx that
    /// is the only success is given as 200 too, so NSwag treats the operation as returning (the client
    /// marks the 3xx as success at run time, see generator/templates/Client.Class.liquid).
    /// </summary>
    private static void RenderResponses(JObject node)
    {
        if (node["responses"] is not JObject responses)
        {
            return;
        }
        foreach (var error in responses.Properties().Where(r => r.Name is ['4' or '5', _, _] || r.Name == "default").ToList())
        {
            error.Remove();
        }
        if (!responses.Properties().Any(r => r.Name.StartsWith('2')) && responses.Properties().FirstOrDefault(r => r.Name.StartsWith('3')) is { } redirect)
        {
            responses["200"] = redirect.Value.DeepClone();
        }
    }

    private static void RenderSchemas(JObject root, ClientPlan plan)
    {
        var components = (JObject)(root["components"] ??= new JObject());
        var schemas = (JObject)(components["schemas"] ??= new JObject());
        foreach (var type in plan.OptionsTypes)
        {
            // Names the options objects' type for NSwag; it does not write the class (excluded by name, see NSwagRunner).
            schemas[type.Name] = new JObject { ["type"] = "object" };
        }
        var renames = plan.Models.Select(m => (m.Component, m.Name, Plan: (object)m)).Concat(plan.Enums.Select(e => (e.Component, e.Name, Plan: (object)e))).ToList();
        foreach (var (component, name, part) in renames)
        {
            if (schemas[component] is JObject schema)
            {
                schema[ClientPlan.Key] = ClientPlan.ForTemplates(part);
                Rename(root, schemas, component, name);
            }
        }
        foreach (var schema in root.Descendants().OfType<JObject>().ToList())
        {
            TypedValue(schema);
            ExtensibleEnum(schema);
        }
        var reached = OpenApiDocument.ReachedSchemas(root, [root["paths"] as JContainer ?? new JObject()]);
        reached.UnionWith(renames.Select(r => r.Name));
        foreach (var unused in schemas.Properties().Where(p => !reached.Contains(p.Name) && p.Name != BodyPlan.PayloadType && !plan.OptionsTypes.Any(t => t.Name == p.Name)).ToList())
        {
            unused.Remove();
        }
    }

    private static void Rename(JObject root, JObject schemas, string from, string to)
    {
        if (from == to)
        {
            return;
        }
        var reference = "#/components/schemas/" + from;
        foreach (var property in root.Descendants().OfType<JProperty>().Where(p => p.Name == "$ref" && (string?)p.Value == reference).ToList())
        {
            property.Value = "#/components/schemas/" + to;
        }
        schemas.Property(from)!.Replace(new JProperty(to, schemas[from]!));
    }

    /// <summary>
    /// A number or integer with format date-time (UG0111) is a plain number (an integer a long, since a Unix
    /// time in milliseconds does not fit an int); a Unix time or a duration in seconds becomes what NSwag types as
    /// DateTimeOffset or TimeSpan, read by its converter. A parameter keeps its integer: its value is written by
    /// the options writer or a template, not by JSON.
    /// </summary>
    private static void TypedValue(JObject schema)
    {
        if (SpecChecker.IsNumericDateTime(schema) && schema["x-unix-time"] is null)
        {
            if (OpenApiDocument.SchemaType(schema) == "integer")
            {
                schema["format"] = "int64";
            }
            else
            {
                schema.Remove("format");
            }
            return;
        }
        var marker = (schema.Value<string>("x-unix-time"), schema.Value<string>("x-duration"));
        if (OpenApiDocument.SchemaType(schema) == "integer" && !OpenApiDocument.IsInParameter(schema) && Converters.TryGetValue(marker, out var typed))
        {
            schema["type"] = "string";
            schema["format"] = typed.Format;
            schema[ClientPlan.Key] = new JObject { ["converter"] = typed.Converter };
            if (schema.Value<string>("description") is { } description)
            {
                schema["description"] = WireUnits.Strip(description);
            }
        }
    }

    /// <summary>"RUN_STARTED" becomes the member RunStarted; without its type NSwag adds no StringEnumConverter, and the struct carries its own.</summary>
    private static void ExtensibleEnum(JObject schema)
    {
        if (schema["enum"] is JArray values && values.All(v => v.Type == JTokenType.String))
        {
            schema["x-enumNames"] ??= new JArray(values.Select(v => Names.Pascal((string)v!)));
            schema.Remove("type");
        }
    }

    /// <summary>NSwag reads every key of the Paths object and of a path item as a path or an HTTP method (upstream has x-mint).</summary>
    private static void DropExtensionsNSwagMisreads(JObject root)
    {
        if (root["paths"] is not JObject paths)
        {
            return;
        }
        foreach (var container in new[] { paths }.Concat(paths.Properties().Select(p => p.Value).OfType<JObject>()))
        {
            foreach (var extension in container.Properties().Where(p => p.Name.StartsWith("x-", StringComparison.Ordinal)).ToList())
            {
                extension.Remove();
            }
        }
    }
}
