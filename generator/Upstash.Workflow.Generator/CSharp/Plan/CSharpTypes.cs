using Newtonsoft.Json.Linq;
using Upstash.Workflow.Generator.Spec;

namespace Upstash.Workflow.Generator.CSharp.Plan;

/// <summary>
/// Every C# type the plan names, from one mapping of schemas: an answer or a body as a whole (a model or enum
/// by its planned name, a list of them, or a plain value), and each value a call sends (a method parameter or
/// an options member) with how it becomes wire text. Lists of answers are read-only (<c>IReadOnlyList</c>);
/// lists sent are whatever the caller has (<c>IEnumerable</c>).
/// </summary>
internal sealed class CSharpTypes(JObject root, IReadOnlyDictionary<string, string> componentNames)
{
    private const string Components = "#/components/schemas/";

    private const string List = "System.Collections.Generic.IList";

    public string Answer(JToken? schema) => Of(schema, "System.Collections.Generic.IReadOnlyList", false, 0);

    public string Sent(JToken? schema) => Of(schema, "System.Collections.Generic.IEnumerable", false, 0);

    /// <summary>What a component schema becomes: a class (an object with properties, or one that is not a map), an extensible enum (string values), or nothing of its own.</summary>
    public static ComponentKind KindOf(JObject schema) =>
        schema["enum"] is JArray values && values.All(v => v.Type == JTokenType.String) ? ComponentKind.Enum
        : schema["properties"] is JObject || OpenApiDocument.SchemaType(schema) == "object" && !OpenApiDocument.IsMap(schema) ? ComponentKind.Model
        : ComponentKind.None;

    /// <summary>
    /// A model's property: its declared type (a list or map is never null, so never nullable; another value the answer
    /// may leave out or send as null is), and for a list or map what makes an empty one. Typed values are typed
    /// (Unix times, durations) and name the converter that reads their wire form. Its documentation is its own
    /// description, else its type's ("Where the run is" for a property that only names the run state).
    /// </summary>
    public PropertyPlan Property(string wire, string name, JObject schema, bool required)
    {
        var single = Single(schema);
        var resolved = OpenApiDocument.Resolve(root, single) as JObject ?? schema;
        var converter = Converter(resolved);
        var description = Described(schema) ?? Described(single as JObject) ?? Described(resolved);
        if (converter is not null && description is not null)
        {
            description = WireUnits.Strip(description);
        }
        var deprecation = schema.FlagAt("deprecated") == true ? new Deprecation(schema.StringAt("x-deprecatedMessage")) : null;
        var type = Of(schema, List, true, 0);
        var plan = new PropertyPlan(wire, name, type, type == "string" ? PropertyKind.Text : PropertyKind.Value, null, required, description, converter, deprecation);
        if (resolved["$ref"] is null && OpenApiDocument.SchemaType(resolved) == "array")
        {
            return plan with { Kind = PropertyKind.List };
        }
        if (resolved["$ref"] is null && OpenApiDocument.SchemaType(resolved) is "object" or null && OpenApiDocument.IsMap(resolved))
        {
            var values = resolved["additionalProperties"] is JObject valueSchema ? Of(valueSchema, List, true, 0) : "object";
            return plan with { TypeName = $"System.Collections.Generic.IDictionary<string, {values}>", Kind = PropertyKind.Map, Instance = $"System.Collections.Generic.Dictionary<string, {values}>" };
        }
        var nullable = !required || schema.FlagAt("nullable") == true || resolved.FlagAt("nullable") == true;
        return nullable ? plan with { TypeName = type + "?" } : plan;
    }

    /// <summary>The converters that read typed values from their wire form, by the overlay's markers on an integer.</summary>
    private static string? Converter(JObject schema) =>
        OpenApiDocument.SchemaType(schema) != "integer" ? null
        : (schema.StringAt("x-unix-time"), schema.StringAt("x-duration")) switch
        {
            ("milliseconds", _) => Upstash.Workflow.Core.GeneratedCodeNames.UnixTimeMillisecondsConverter,
            ("seconds", _) => Upstash.Workflow.Core.GeneratedCodeNames.UnixTimeSecondsConverter,
            (_, "seconds") => Upstash.Workflow.Core.GeneratedCodeNames.DurationSecondsConverter,
            _ => null,
        };

    private static string? Described(JObject? schema) => schema?.StringAt("description") is { } text && !string.IsNullOrWhiteSpace(text) ? text : null;

    /// <summary>A schema that is only <c>allOf</c> one schema (a reference with its own description, in OpenAPI 3.0) is that schema.</summary>
    private static JToken Single(JObject schema) => schema["allOf"] is JArray { Count: 1 } only && only[0] is JObject inner ? inner : schema;

    /// <summary>Whether a component schema is planned under <paramref name="name"/>.</summary>
    public bool NamesAType(string name) => componentNames.Values.Contains(name, StringComparer.Ordinal);

    /// <summary>
    /// A path, query or header parameter as a value: a header family as a map, a header marked
    /// <c>x-comma-separated</c> or an array as a list, else one typed scalar (<see cref="Scalar"/>). Null for a
    /// shape with no wire form (an object, a list of objects).
    /// </summary>
    public ValuePlan? Value(JObject parameter, string name)
    {
        var wire = parameter.StringAt("name") ?? "";
        var place = parameter.StringAt("in") ?? "";
        var description = parameter.StringAt("description") ?? "";
        if (place == "header" && SpecChecker.IsHeaderFamily(wire))
        {
            return new ValuePlan(name, "System.Collections.Generic.IDictionary<string, string>", WireEncoding.HeaderFamily, false, description, null, null, [new WirePlan(place, wire[..^1], null)]);
        }
        var schema = OpenApiDocument.Resolve(root, parameter["schema"]) as JObject ?? new JObject();
        // A string of comma-joined values (x-comma-separated) is a list whose wire form is a header list.
        var commaSeparated = place == "header" && parameter["x-comma-separated"]?.Type == JTokenType.Boolean && parameter.Value<bool>("x-comma-separated");
        var isList = OpenApiDocument.SchemaType(schema) == "array" || commaSeparated;
        var value = isList && !commaSeparated ? OpenApiDocument.Resolve(root, schema["items"]) as JObject ?? new JObject() : schema;
        var itemReference = isList ? schema["items"]?["$ref"] : parameter["schema"]?["$ref"];
        if (Scalar(value, itemReference) is not { } scalar)
        {
            return null;
        }
        if (scalar.Type is "System.DateTimeOffset" or "System.TimeSpan")
        {
            description = WireUnits.Strip(description);
        }
        return new ValuePlan(name, scalar.Type, scalar.Encoding, isList, description, value.IntegerAt("minimum"), value.IntegerAt("maximum"), [new WirePlan(place, wire, null)]);
    }

    /// <summary>
    /// One value's type and wire form: an enum by its planned name; the wire forms that are not the JSON type's own
    /// text with the .NET type they stand for (Unix times and RFC 3339 text as <c>DateTimeOffset</c>, durations as
    /// <c>TimeSpan</c>, URLs as <c>Uri</c>); else the JSON type as <see cref="Of"/> maps it, sent as its invariant
    /// text (other text formats as text). Null for what has no one-value wire form (objects, lists, bytes).
    /// </summary>
    private (string Type, WireEncoding Encoding)? Scalar(JObject schema, JToken? reference)
    {
        if (reference is not null && schema["enum"] is JArray && reference.AsString()?.Split('/')[^1] is { } component && componentNames.TryGetValue(component, out var enumName))
        {
            return (enumName, WireEncoding.Enum);
        }
        var type = OpenApiDocument.SchemaType(schema);
        var format = schema.StringAt("format");
        (string, WireEncoding)? wireForm = (type, schema.StringAt("x-unix-time"), schema.StringAt("x-duration"), format) switch
        {
            ("integer", "milliseconds", _, _) => ("System.DateTimeOffset", WireEncoding.UnixMilliseconds),
            ("integer", "seconds", _, _) => ("System.DateTimeOffset", WireEncoding.UnixSeconds),
            ("integer", _, "seconds", _) => ("System.TimeSpan", WireEncoding.DurationSeconds),
            ("string", _, "text", _) => ("System.TimeSpan", WireEncoding.DurationText),
            ("string", _, _, "uri") => ("System.Uri", WireEncoding.Url),
            ("string", _, _, "date-time") => ("System.DateTimeOffset", WireEncoding.DateTimeText),
            ("string", _, _, "date") => ("System.DateTimeOffset", WireEncoding.DateText),
            _ => null,
        };
        if (wireForm is not null || type is not ("string" or "integer" or "number" or "boolean"))
        {
            return wireForm;
        }
        return Of(schema, List, false, 0) switch
        {
            "string" => ("string", WireEncoding.Text),
            "bool" => ("bool", WireEncoding.Boolean),
            var number and ("int" or "long" or "double" or "float" or "decimal") => (number, WireEncoding.Number),
            _ when type == "string" && format is not ("byte" or "binary") => ("string", WireEncoding.Text),
            _ => null,
        };
    }

    /// <summary>Deeper than any type a spec means: a list of lists of maps, say; past it, references go round in a cycle.</summary>
    private const int Deepest = 16;

    /// <param name="typed">Whether typed values are read as such (a model's properties, which carry their converters).</param>
    private string Of(JToken? token, string list, bool typed, int depth)
    {
        if (token is not JObject schema || depth > Deepest)
        {
            return "object";
        }
        if (schema.StringAt("$ref") is { } reference)
        {
            var component = reference.StartsWith(Components, StringComparison.Ordinal) ? reference[Components.Length..] : null;
            return component is not null && componentNames.TryGetValue(component, out var name) && OpenApiDocument.Resolve(root, schema) is JObject target && KindOf(target) != ComponentKind.None
                ? name
                : Of(OpenApiDocument.Resolve(root, schema), list, typed, depth + 1);
        }
        if (Single(schema) is JObject only && only != schema)
        {
            return Of(only, list, typed, depth + 1);
        }
        var format = schema.StringAt("format");
        if (typed && OpenApiDocument.SchemaType(schema) == "integer")
        {
            if (schema.StringAt("x-unix-time") is "milliseconds" or "seconds")
            {
                return "System.DateTimeOffset";
            }
            if (schema.StringAt("x-duration") == "seconds")
            {
                return "System.TimeSpan";
            }
        }
        return OpenApiDocument.SchemaType(schema) switch
        {
            "array" => $"{list}<{Of(schema["items"], list, typed, depth + 1)}>",
            "object" when OpenApiDocument.IsMap(schema) && schema["additionalProperties"] is JObject values => $"System.Collections.Generic.IDictionary<string, {Of(values, List, typed, depth + 1)}>",
            "object" when OpenApiDocument.IsMap(schema) => "System.Collections.Generic.IDictionary<string, object>",
            "string" when format is "date-time" or "date" => "System.DateTimeOffset",
            "string" when format is "duration" or "time" => "System.TimeSpan",
            "string" when format is "uuid" or "guid" => "System.Guid",
            "string" when format == "uri" => "System.Uri",
            "string" when format == "byte" => "byte[]",
            "string" => "string",
            "integer" => format == "int64" || format == "date-time" ? "long" : "int",
            "number" => format switch { "float" => "float", "decimal" => "decimal", _ => "double" },
            "boolean" => "bool",
            _ => "object",
        };
    }
}
