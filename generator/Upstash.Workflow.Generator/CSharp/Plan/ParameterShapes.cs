using Newtonsoft.Json.Linq;
using Upstash.Workflow.Generator.Spec;

namespace Upstash.Workflow.Generator.CSharp.Plan;

/// <summary>
/// Refuses every parameter shape the client cannot send (<see cref="Writers.WireWriter"/> writes what it
/// can). What it sends: scalars everywhere (dates as
/// RFC 3339); lists of scalars in a query (one pair per item) or a header (comma-joined); header
/// families as maps. Objects, lists in a path and lists of non-scalars have no wire form the API uses.
/// </summary>
public static class ParameterShapes
{
    /// <summary>Refuses <paramref name="parameter"/> of <paramref name="operation"/> when it has a shape the client cannot send.</summary>
    public static void Check(JObject root, Operation operation, JObject parameter, bool family, DiagnosticBag diagnostics)
    {
        if (family)
        {
            return;
        }
        var name = parameter.StringAt("name") ?? "";
        var place = parameter.StringAt("in");
        var schema = OpenApiDocument.Resolve(root, parameter["schema"]) as JObject ?? new JObject();
        var problem = (place, Shape(schema)) switch
        {
            (not ("path" or "query" or "header"), _) => $"sent in '{place}'",
            (_, Kind.Object) => "an object",
            ("path", Kind.List) => "a list",
            (_, Kind.List) when Shape(OpenApiDocument.Resolve(root, schema["items"]) as JObject ?? new JObject()) != Kind.Scalar =>
                "a list of objects, lists or dates",
            _ => null,
        };
        if (problem is null)
        {
            return;
        }
        diagnostics.Error(Codes.ParameterShapeUnsupported,
            $"{operation.Display}: {place} parameter '{name}' is {problem}, which has no form the client can send " +
            $"(scalars in a path, query or header, and lists of scalars in a query or header). Remove it in the overlay: " +
            $"{{ target: \"{operation.Target}.parameters[?(@.name=='{name}')]\", remove: true }}, or declare it anew as a string.",
            parameter);
    }

    private enum Kind { Scalar, Date, List, Object }

    private static Kind Shape(JObject schema)
    {
        var type = OpenApiDocument.SchemaType(schema);
        if (type == "array" || schema["items"] is not null && type is null)
        {
            return Kind.List;
        }
        if (type == "object" || schema["properties"] is not null || schema["additionalProperties"] is JObject || schema["allOf"] is not null || schema["oneOf"] is not null || schema["anyOf"] is not null)
        {
            return Kind.Object;
        }
        return type == "string" && schema.StringAt("format") is "date" or "date-time" ? Kind.Date : Kind.Scalar;
    }
}
