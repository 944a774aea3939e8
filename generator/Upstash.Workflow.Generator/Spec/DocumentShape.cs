using Newtonsoft.Json.Linq;

namespace Upstash.Workflow.Generator.Spec;

/// <summary>
/// The document has, wherever the generator reads it, the shape OpenAPI 3 (and the overlay's extensions)
/// give it: objects where objects belong, strings where strings do. Checked once the overlays are applied,
/// before any stage reads the document, so no stage meets a number where it expects an operation; each
/// misshapen node is a UG0001 finding at its place.
/// </summary>
public static class DocumentShape
{
    /// <summary>More findings than this about one document say nothing more.</summary>
    private const int Most = 20;

    private static readonly string[] Methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

    /// <summary>Keys of a schema whose value is one schema, a list of schemas, or a map of them.</summary>
    private static readonly string[] OneSchema = ["items", "not", "additionalProperties"];
    private static readonly string[] SchemaLists = ["allOf", "anyOf", "oneOf"];

    public static void Check(JObject root, DiagnosticBag diagnostics)
    {
        var found = new List<(JToken At, string Problem)>();
        void Expect(JToken? node, JTokenType[] types, string what)
        {
            if (node is not null && !types.Contains(node.Type))
            {
                found.Add((node, $"{OpenApiDocument.TargetOf(node)} is {Describe(node)} where OpenAPI has {what}"));
            }
        }
        JTokenType[] text = [JTokenType.String], obj = [JTokenType.Object], list = [JTokenType.Array], flag = [JTokenType.Boolean];

        foreach (var reference in root.Descendants().OfType<JProperty>().Where(p => p.Name == "$ref"))
        {
            Expect(reference.Value, text, "a reference (text)");
        }
        Expect(Child(root, "paths"), obj, "the paths (an object)");
        Expect(Child(root, "components"), obj, "the components (an object)");
        Expect(Child(Child(root, "components"), "schemas"), obj, "the schemas (an object)");
        Expect(Child(root, "tags"), list, "the tags (a list)");
        foreach (var tag in (Child(root, "tags") as JArray) ?? [])
        {
            Expect(tag, obj, "a tag (an object)");
            Expect(Child(tag, "name"), text, "a name (text)");
            Expect(Child(tag, "description"), text, "a description (text)");
        }
        foreach (var item in (Child(root, "paths") as JObject)?.Properties().Where(p => !p.Name.StartsWith("x-", StringComparison.Ordinal)) ?? [])
        {
            Expect(item.Value, obj, "a path item (an object)");
            if (item.Value is not JObject pathItem)
            {
                continue;
            }
            Parameters(Child(pathItem, "parameters"));
            foreach (var method in Methods)
            {
                Expect(pathItem[method], obj, "an operation (an object)");
                if (pathItem[method] is JObject operation)
                {
                    Operation(operation);
                }
            }
        }
        foreach (var schema in (Child(Child(root, "components"), "schemas") as JObject)?.Properties() ?? [])
        {
            Schema(schema.Value);
        }
        foreach (var (at, problem) in found.Take(Most))
        {
            diagnostics.Error(Codes.Unreadable, problem, at);
        }

        void Operation(JObject operation)
        {
            Expect(Child(operation, "tags"), list, "the tags (a list of names)");
            foreach (var tag in (Child(operation, "tags") as JArray) ?? [])
            {
                Expect(tag, text, "a tag's name (text)");
            }
            foreach (var key in new[] { "operationId", "summary", "description" })
            {
                Expect(operation[key], text, $"the {key} (text)");
            }
            Expect(Child(operation, "deprecated"), flag, "true or false");
            Expect(Child(operation, "x-bulk"), flag, "true or false");
            Strings(Child(operation, "x-paging"), "x-paging");
            Strings(Child(operation, "x-options"), "x-options");
            Parameters(Child(operation, "parameters"));
            Expect(Child(operation, "requestBody"), obj, "a request body (an object)");
            if (Child(operation, "requestBody") is JObject body)
            {
                Expect(Child(body, "required"), flag, "true or false");
                Expect(Child(body, "x-name"), text, "a name (text)");
                Content(Child(body, "content"));
            }
            Expect(Child(operation, "responses"), obj, "the responses (an object)");
            foreach (var response in (Child(operation, "responses") as JObject)?.Properties() ?? [])
            {
                Expect(response.Value, obj, "a response (an object)");
                Content(Child(response.Value, "content"));
            }
        }

        void Parameters(JToken? parameters)
        {
            Expect(parameters, list, "the parameters (a list)");
            foreach (var parameter in (parameters as JArray) ?? [])
            {
                Expect(parameter, obj, "a parameter (an object)");
                if (parameter is not JObject p || Child(p, "$ref") is not null)
                {
                    continue;
                }
                if (p["name"] is null || p["in"] is null)
                {
                    found.Add((p, $"{OpenApiDocument.TargetOf(p)} is a parameter without {(p["name"] is null ? "a name" : "an 'in'")}, which OpenAPI requires"));
                }
                foreach (var key in new[] { "name", "in", "description", "x-originalName", "x-options-member", "x-options-type", "x-options-part" })
                {
                    Expect(p[key], text, $"the {key} (text)");
                }
                foreach (var key in new[] { "required", "x-bulk-filter", "x-comma-separated" })
                {
                    Expect(p[key], flag, "true or false");
                }
                Expect(Child(p, "x-options"), [JTokenType.String, JTokenType.Boolean], "an options type (text) or false");
                Schema(Child(p, "schema"));
            }
        }

        void Content(JToken? content)
        {
            Expect(content, obj, "the media types (an object)");
            foreach (var media in (content as JObject)?.Properties() ?? [])
            {
                Expect(media.Value, obj, "a media type (an object)");
                Schema(Child(media.Value, "schema"));
            }
        }

        void Schema(JToken? schema)
        {
            Expect(schema, obj, "a schema (an object)");
            if (schema is not JObject s)
            {
                return;
            }
            Expect(Child(s, "type"), [JTokenType.String, JTokenType.Array], "a type (text, or a list of them)");
            foreach (var type in (Child(s, "type") as JArray) ?? [])
            {
                Expect(type, text, "a type (text)");
            }
            foreach (var key in new[] { "format", "title", "x-unix-time", "x-duration" })
            {
                Expect(s[key], text, $"the {key} (text)");
            }
            Expect(Child(s, "enum"), list, "the values (a list)");
            Expect(Child(s, "required"), list, "the required properties (a list of names)");
            foreach (var name in (Child(s, "required") as JArray) ?? [])
            {
                Expect(name, text, "a property's name (text)");
            }
            Expect(Child(s, "properties"), obj, "the properties (an object)");
            foreach (var property in (Child(s, "properties") as JObject)?.Properties() ?? [])
            {
                Schema(property.Value);
            }
            foreach (var key in OneSchema)
            {
                if (key == "additionalProperties" && s[key]?.Type == JTokenType.Boolean)
                {
                    continue;
                }
                Schema(s[key]);
            }
            foreach (var key in SchemaLists)
            {
                Expect(s[key], list, "a list of schemas");
                foreach (var each in (s[key] as JArray) ?? [])
                {
                    Schema(each);
                }
            }
        }

        void Strings(JToken? marker, string name)
        {
            if (marker is JObject values)
            {
                foreach (var value in values.Properties())
                {
                    Expect(value.Value, text, $"a value of {name} (text)");
                }
            }
            else if (marker is not null && !(name == "x-options" && marker.Type == JTokenType.Boolean))
            {
                Expect(marker, obj, $"{name} (an object of names)");
            }
        }
    }

    /// <summary>The value under <paramref name="key"/> when <paramref name="node"/> is an object, whatever it is otherwise.</summary>
    private static JToken? Child(JToken? node, string key) => (node as JObject)?[key];

    private static string Describe(JToken node) => node.Type switch
    {
        JTokenType.Object => "an object",
        JTokenType.Array => "a list",
        JTokenType.String => $"the text \"{Cut((string)node!)}\"",
        JTokenType.Null => "null",
        JTokenType.Boolean => (bool)node ? "true" : "false",
        _ => $"the number {node}",
    };

    private static string Cut(string text) => text.Length > 40 ? text[..40] + "…" : text;
}
