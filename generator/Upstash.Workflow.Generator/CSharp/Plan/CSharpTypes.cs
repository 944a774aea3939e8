using Newtonsoft.Json.Linq;
using Upstash.Workflow.Generator.Spec;

namespace Upstash.Workflow.Generator.CSharp.Plan;

/// <summary>
/// The C# type of an answer or a body as a whole, as the client reads or writes it through the JSON
/// context: a model or enum by its planned name, a list of them, or a plain value. Lists of answers
/// are read-only (<c>IReadOnlyList</c>); lists sent are whatever the caller has (<c>IEnumerable</c>).
/// </summary>
internal sealed class CSharpTypes(JObject root, IReadOnlyDictionary<string, string> componentNames)
{
    private const string Components = "#/components/schemas/";

    public string Answer(JToken? schema) => Of(schema, "System.Collections.Generic.IReadOnlyList", 0);

    public string Sent(JToken? schema) => Of(schema, "System.Collections.Generic.IEnumerable", 0);

    /// <summary>Deeper than any type a spec means: a list of lists of maps, say; past it, references go round in a cycle.</summary>
    private const int Deepest = 16;

    private string Of(JToken? token, string list, int depth)
    {
        if (token is not JObject schema || depth > Deepest)
        {
            return "object";
        }
        if (schema.Value<string>("$ref") is { } reference)
        {
            return reference.StartsWith(Components, StringComparison.Ordinal) && componentNames.TryGetValue(reference[Components.Length..], out var name)
                ? name
                : Of(OpenApiDocument.Resolve(root, schema), list, depth + 1);
        }
        var format = schema.Value<string>("format");
        return OpenApiDocument.SchemaType(schema) switch
        {
            "array" => $"{list}<{Of(schema["items"], list, depth + 1)}>",
            "object" when OpenApiDocument.IsMap(schema) && schema["additionalProperties"] is JObject values => $"System.Collections.Generic.IDictionary<string, {Of(values, "System.Collections.Generic.IList", depth + 1)}>",
            "string" when format == "date-time" => "System.DateTimeOffset",
            "string" when format == "uri" => "System.Uri",
            "string" when format == "byte" => "byte[]",
            "string" => "string",
            "integer" => format == "int64" ? "long" : "int",
            "number" => "double",
            "boolean" => "bool",
            _ => "object",
        };
    }
}
