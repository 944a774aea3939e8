using Newtonsoft.Json.Linq;
using Upstash.Workflow.Generator.Spec;

namespace Upstash.Workflow.Generator.CSharp;

/// <summary>
/// Rewrites a copy of the effective spec into the input NSwag gets, so that NSwag's own conventions
/// produce .NET names. The effective spec itself (what other languages and Prism read) is left alone.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Vendor extensions on the Paths object and on path items are dropped: NSwag would read them as paths or methods.</item>
/// <item>operationId becomes "{Tag}_{Name}": NSwag makes one client class per tag and names the method after the rest.</item>
/// <item>A header family ("Upstash-Forward-*") becomes a map parameter (<c>forwardHeaders</c>), sent as one header per entry.</item>
/// <item>Each header parameter gets NSwag's <c>x-originalName</c> (the C# parameter name; the wire name is kept):
/// the vendor prefix is dropped, so "Upstash-Retries" becomes <c>retries</c>.</item>
/// <item>Numbers and integers with format date-time (upstream's timestamps, UG0111) become plain numbers.</item>
/// <item>Integers marked <c>x-unix-time: milliseconds</c> become date-times, read and written as integers by the client's converter.</item>
/// <item>A request body offered in several media types (text, JSON, bytes) becomes the handwritten
/// <c>WorkflowPayload</c>, which carries its own media type; the parameter is named <c>payload</c>.</item>
/// <item>An operation whose only success is a 3xx gets that answer as 200 too, so NSwag returns instead of throwing
/// (the client marks the 3xx as success at run time, see generator/templates/Client.Class.BeforeSend.liquid).</item>
/// <item>An operation marked <c>x-bulk: true</c> (it acts on everything when unfiltered) gets a client-side
/// <c>all</c> switch, never sent, that must be set to act on everything.</item>
/// <item>Optional parameters the overlay groups (<c>x-options</c>) become one options-object parameter each (<see cref="OptionsObjects"/>).</item>
/// <item>Error answers' schemas and components no operation reaches are left out: the client never reads them.</item>
/// <item>Enum members get .NET names ("RUN_STARTED" → RunStarted) through NJsonSchema's <c>x-enumNames</c>.</item>
/// </list>
/// </remarks>
public sealed class CSharpAdapter(string headerPrefix)
{
    /// <summary>The options types the last <see cref="Adapt"/> grouped parameters into (written by <see cref="OptionsWriter"/>).</summary>
    public IReadOnlyList<OptionsType> OptionsTypes { get; private set; } = [];

    public JObject Adapt(JObject effective, DiagnosticBag diagnostics)
    {
        var root = (JObject)effective.DeepClone();
        DropExtensionsNSwagMisreads(root);
        foreach (var operation in OpenApiDocument.Operations(root))
        {
            NameOperation(operation, diagnostics);
            NameParameters(root, operation, diagnostics);
            UsePayloadForMultipleMediaTypes(root, operation);
            AcceptRedirectAsSuccess(operation);
            AddBulkSwitch(operation);
        }
        NumericDateTimesAsNumbers(root);
        MarkUnixTimes(root, diagnostics);
        PrepareExtensibleEnums(root);
        if (diagnostics.HasErrors)
        {
            // Grouping would report the same clash again, without the fix NameParameters gave.
            return root;
        }
        OptionsTypes = OptionsObjects.Group(root, diagnostics);
        DropWhatTheClientNeverReads(root);
        ParameterShapes.Check(root, diagnostics);
        return root;
    }

    /// <summary>
    /// NSwag reads every key of the Paths object and of a path item as a path or an HTTP method, so a
    /// vendor extension there (upstream has x-mint) would be parsed as an operation. Elsewhere NSwag
    /// keeps extensions as data and they can stay.
    /// </summary>
    private static void DropExtensionsNSwagMisreads(JObject root)
    {
        if (root["paths"] is not JObject paths)
        {
            return;
        }
        foreach (var extension in paths.Properties().Where(p => p.Name.StartsWith("x-", StringComparison.Ordinal)).ToList())
        {
            extension.Remove();
        }
        foreach (var item in paths.Properties().Select(p => p.Value).OfType<JObject>())
        {
            foreach (var extension in item.Properties().Where(p => p.Name.StartsWith("x-", StringComparison.Ordinal)).ToList())
            {
                extension.Remove();
            }
        }
    }

    private static void NameOperation(Operation operation, DiagnosticBag diagnostics)
    {
        var tag = (operation.Node["tags"] as JArray)?.FirstOrDefault()?.Value<string>();
        if (string.IsNullOrWhiteSpace(tag))
        {
            diagnostics.Error(Codes.OperationUntagged,
                $"{operation.Display} has no tag, so it belongs to no client group. Tag it in the overlay: {{ target: \"{operation.Target}\", update: {{ tags: [<Group>] }} }}",
                operation.Node);
            return;
        }
        operation.Node["operationId"] = $"{Names.Pascal(tag)}_{Names.UpperFirst(operation.OperationId!)}";
    }

    private void NameParameters(JObject root, Operation operation, DiagnosticBag diagnostics)
    {
        // NSwag adds a CancellationToken parameter to every method under this name.
        var taken = new Dictionary<string, string>(StringComparer.Ordinal) { ["cancellationToken"] = "the method's CancellationToken" };
        var defaults = operation.Node["x-options"] as JObject;
        foreach (var parameter in OpenApiDocument.Parameters(root, operation))
        {
            var wire = parameter.Value<string>("name") ?? "";
            var kind = parameter.Value<string>("in");
            var name = parameter.Value<string>("x-originalName");
            var family = kind == "header" && SpecChecker.IsHeaderFamily(wire);
            if (family)
            {
                // "Upstash-Forward-*" becomes IDictionary<string, string> forwardHeaders: one header per entry.
                parameter["schema"] = new JObject { ["type"] = "object", ["additionalProperties"] = new JObject { ["type"] = "string" } };
            }
            if (string.IsNullOrEmpty(name))
            {
                name = Names.Camel(kind == "header" && wire.StartsWith(headerPrefix, StringComparison.OrdinalIgnoreCase) ? wire[headerPrefix.Length..] : wire) + (family ? "Headers" : "");
                if (kind == "header")
                {
                    parameter["x-originalName"] = name;
                }
            }
            // A parameter grouped into an options type is a member there; its name need only differ from the other members'.
            var key = OptionsObjects.TypeOf(parameter, defaults) is { } group ? $"{group}.{Names.UpperFirst(parameter.Value<string>("x-options-member") ?? name)}" : name;
            if (parameter.Value<string>("x-options-part") is { Length: > 0 } part)
            {
                key += "/" + part;
            }
            if (taken.TryGetValue(key, out var other))
            {
                var (what, extension) = key.Contains('.', StringComparison.Ordinal) ? ($"the member {key.Split('/')[0]}", "x-options-member") : ($"the C# parameter '{name}'", "x-originalName");
                diagnostics.Error(Codes.ParameterNameClash,
                    $"{operation.Display}: {kind} parameter '{wire}' and {other} would both be {what}. " +
                    $"Name one in the overlay: {{ target: \"{operation.Target}.parameters[?(@.name=='{wire}')]\", update: {{ {extension}: <name> }} }}",
                    parameter);
                continue;
            }
            taken[key] = $"{kind} parameter '{wire}'";
        }
    }

    /// <summary>The handwritten body type for operations that take text, JSON or bytes alike.</summary>
    public const string PayloadType = "WorkflowPayload";

    /// <summary>The client-side switch added to bulk operations; the templates never send it.</summary>
    public const string BulkSwitch = "x-upstashgen-all";

    private static void UsePayloadForMultipleMediaTypes(JObject root, Operation operation)
    {
        if (operation.Node["requestBody"] is not JObject body || body["content"] is not JObject content || content.Count < 2)
        {
            return;
        }
        var components = (JObject)(root["components"] ??= new JObject());
        var schemas = (JObject)(components["schemas"] ??= new JObject());
        schemas[PayloadType] ??= new JObject { ["type"] = "object", ["description"] = "Text, JSON or bytes, with its media type." };
        body["content"] = new JObject { ["application/json"] = new JObject { ["schema"] = new JObject { ["$ref"] = $"#/components/schemas/{PayloadType}" } } };
        body["x-name"] = "payload";
    }

    private static void AcceptRedirectAsSuccess(Operation operation)
    {
        if (operation.Node["responses"] is not JObject responses || responses.Properties().Any(r => r.Name.StartsWith('2')))
        {
            return;
        }
        if (responses.Properties().FirstOrDefault(r => r.Name.StartsWith('3')) is { } redirect)
        {
            responses["200"] = redirect.Value.DeepClone();
        }
    }

    private static void AddBulkSwitch(Operation operation)
    {
        if (operation.Node["x-bulk"]?.Type != JTokenType.Boolean || !operation.Node.Value<bool>("x-bulk"))
        {
            return;
        }
        var parameters = (JArray)(operation.Node["parameters"] ??= new JArray());
        parameters.Add(new JObject
        {
            ["in"] = "header",
            ["name"] = BulkSwitch,
            ["x-originalName"] = "all",
            ["x-position"] = 999,
            ["required"] = false,
            ["schema"] = new JObject { ["type"] = "boolean" },
            ["description"] = "Set to true to act on everything: without ids or a filter the call is refused, since it would act on every entry. Not sent.",
        });
    }

    /// <summary>
    /// "RUN_STARTED" becomes the member RunStarted (NJsonSchema's x-enumNames); the wire value stays.
    /// A string enumeration loses its type here, so NSwag treats it as no string enum and adds no
    /// StringEnumConverter to properties: generator/templates/Enum.liquid makes it an extensible
    /// struct that carries its own converter.
    /// </summary>
    private static void PrepareExtensibleEnums(JObject root)
    {
        foreach (var schema in root.Descendants().OfType<JObject>().Where(o => o["enum"] is JArray).ToList())
        {
            var values = (JArray)schema["enum"]!;
            if (!values.All(v => v.Type == JTokenType.String))
            {
                continue;
            }
            schema["x-enumNames"] ??= new JArray(values.Select(v => Names.Pascal((string)v!)));
            schema.Remove("type");
        }
    }

    /// <summary>
    /// Error answers become typed exceptions in one place (ErrorMapper) whatever their body, so their
    /// schemas would be classes nobody receives; and a component no operation reaches (upstream has
    /// one) would be a class nobody uses. Both are left out of the C# client; the effective spec keeps them.
    /// </summary>
    private static void DropWhatTheClientNeverReads(JObject root)
    {
        foreach (var operation in OpenApiDocument.Operations(root))
        {
            if (operation.Node["responses"] is JObject responses)
            {
                foreach (var error in responses.Properties().Where(r => r.Name is ['4' or '5', _, _] || r.Name == "default").ToList())
                {
                    error.Remove();
                }
            }
        }
        if (root["components"]?["schemas"] is not JObject schemas)
        {
            return;
        }
        var reached = OpenApiDocument.ReachedSchemas(root, [root["paths"] as JContainer ?? new JObject()]);
        foreach (var unused in schemas.Properties().Where(p => !reached.Contains(p.Name)).ToList())
        {
            unused.Remove();
        }
    }

    /// <summary>
    /// A number or integer with format date-time (UG0111) is a plain number in C#, wherever it stands:
    /// NSwag would otherwise read the format and expect a string date in a parameter. An integer
    /// becomes a long, since a Unix time in milliseconds does not fit an int.
    /// </summary>
    private static void NumericDateTimesAsNumbers(JObject root)
    {
        foreach (var schema in root.Descendants().OfType<JObject>().Where(SpecChecker.IsNumericDateTime).ToList())
        {
            if (OpenApiDocument.SchemaType(schema) == "integer")
            {
                schema["format"] = "int64";
            }
            else
            {
                schema.Remove("format");
            }
        }
    }

    private static void MarkUnixTimes(JObject root, DiagnosticBag diagnostics)
    {
        foreach (var schema in root.Descendants().OfType<JObject>().Where(o => o["x-unix-time"] is not null).ToList())
        {
            var unit = schema.Value<string>("x-unix-time");
            var inParameter = OpenApiDocument.IsInParameter(schema);
            if (!(unit == "milliseconds" || unit == "seconds" && inParameter) || OpenApiDocument.SchemaType(schema) != "integer")
            {
                diagnostics.Error(Codes.UnixTimeInvalid,
                    $"x-unix-time is supported as 'milliseconds' on integer schemas (and 'seconds' on integer parameters); found '{unit}' on a {OpenApiDocument.SchemaType(schema) ?? "untyped"} schema at {schema.Path}",
                    schema);
                continue;
            }
            // A parameter keeps its integer: the templates would send a date-time as text, not as milliseconds.
            if (!inParameter)
            {
                schema["type"] = "string";
                schema["format"] = "date-time";
            }
        }
    }
}
