using Newtonsoft.Json.Linq;

namespace Upstash.Workflow.Generator.Spec;

/// <summary>
/// Compares schemas by what they mean to generated code, not by their prose: two schemas that differ
/// only in documentation keywords are one shape, and so can be one type.
/// </summary>
public static class SchemaShape
{
    /// <summary>Keywords that document a schema without changing what a value of it looks like.</summary>
    private static readonly HashSet<string> Documentation = new(StringComparer.Ordinal)
    {
        "description", "title", "summary", "example", "examples", "externalDocs", "$comment",
    };

    /// <summary>
    /// Extensions some stage of generation reads, so they are part of the shape; every other <c>x-*</c>
    /// is documentation for this purpose (upstream's <c>x-mint</c>, say).
    /// </summary>
    private static readonly HashSet<string> ReadExtensions = new(StringComparer.Ordinal)
    {
        "x-unix-time", "x-duration", "x-enumNames", "x-enum-varnames", "x-enum-descriptions", "x-nullable", "x-originalName", "x-name", "x-bulk",
    };

    /// <summary>Keywords whose value is one schema.</summary>
    private static readonly HashSet<string> SchemaValued = new(StringComparer.Ordinal)
    {
        "items", "additionalProperties", "not", "contains", "if", "then", "else", "propertyNames", "unevaluatedProperties", "unevaluatedItems",
    };

    /// <summary>Keywords whose value is a list of schemas.</summary>
    private static readonly HashSet<string> SchemaLists = new(StringComparer.Ordinal) { "allOf", "anyOf", "oneOf", "prefixItems" };

    /// <summary>Keywords whose value maps names (chosen by the spec's author, not keywords) to schemas.</summary>
    private static readonly HashSet<string> SchemaMaps = new(StringComparer.Ordinal) { "properties", "patternProperties", "$defs", "definitions", "dependentSchemas" };

    public static bool Same(JToken a, JToken b) => JToken.DeepEquals(Normalize(a), Normalize(b));

    /// <summary>A copy of <paramref name="schema"/> without documentation, at every depth.</summary>
    public static JToken Normalize(JToken schema)
    {
        if (schema is not JObject obj)
        {
            return schema.DeepClone();
        }
        var result = new JObject();
        foreach (var property in obj.Properties())
        {
            var name = property.Name;
            if (Documentation.Contains(name) || name.StartsWith("x-", StringComparison.Ordinal) && !ReadExtensions.Contains(name))
            {
                continue;
            }
            result[name] = property.Value switch
            {
                JObject child when SchemaValued.Contains(name) => Normalize(child),
                JArray list when SchemaLists.Contains(name) => new JArray(list.Select(Normalize)),
                JObject map when SchemaMaps.Contains(name) => new JObject(map.Properties().Select(p => new JProperty(p.Name, Normalize(p.Value)))),
                var value => value.DeepClone(),
            };
        }
        return result;
    }
}
