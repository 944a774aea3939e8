using Newtonsoft.Json.Linq;

namespace Upstash.Workflow.Generator.Spec;

/// <summary>One operation of the document: a path, a method and the operation object.</summary>
public sealed record Operation(string Path, string Method, JObject Node, JObject PathItem)
{
    public string Display => $"{Method.ToUpperInvariant()} {Path}";

    /// <summary>The JSONPath an overlay action uses to reach this operation: by path and method, never by position.</summary>
    public string Target => $"$.paths['{Path}'].{Method}";

    public string? OperationId => Node.StringAt("operationId");

    public string? Summary => Node.StringAt("summary");

    /// <summary>Its first tag, which names its group in every language; null when it has none.</summary>
    public string? Tag => (Node["tags"] as JArray)?.FirstOrDefault() is JValue { Type: JTokenType.String } tag ? (string?)tag : null;
}

/// <summary>Read access to the parts of an OpenAPI 3.x document the generator looks at.</summary>
public static class OpenApiDocument
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

    public static IEnumerable<Operation> Operations(JObject root)
    {
        if (root["paths"] is not JObject paths)
        {
            yield break;
        }
        foreach (var path in paths.Properties())
        {
            if (path.Value is not JObject item)
            {
                continue;
            }
            foreach (var method in Methods)
            {
                if (item[method] is JObject operation)
                {
                    yield return new Operation(path.Name, method, operation, item);
                }
            }
        }
    }

    /// <summary>Path-level and operation-level parameters, references resolved; the operation's win on a (name, in) clash.</summary>
    public static IReadOnlyList<JObject> Parameters(JObject root, Operation operation)
    {
        var result = new List<JObject>();
        foreach (var source in new[] { operation.Node["parameters"], operation.PathItem["parameters"] })
        {
            if (source is not JArray list)
            {
                continue;
            }
            foreach (var entry in list)
            {
                if (Resolve(root, entry) is JObject parameter &&
                    !result.Exists(p => p.StringAt("name") == parameter.StringAt("name") && p.StringAt("in") == parameter.StringAt("in")))
                {
                    result.Add(parameter);
                }
            }
        }
        return result;
    }

    /// <summary>
    /// The JSONPath of <paramref name="token"/> as an overlay target would write it: names in brackets
    /// where they are not identifiers, and parameters selected by name, never by position.
    /// </summary>
    public static string TargetOf(JToken token)
    {
        var steps = new List<string>();
        var t = token;
        while (t.Parent is { } parent)
        {
            switch (parent)
            {
                case JProperty property:
                    steps.Add(IdentifierLike(property.Name) ? "." + property.Name : $"['{property.Name.Replace("'", "\\'", StringComparison.Ordinal)}']");
                    break;
                case JArray array when t is JObject item && item["name"] is JValue { Type: JTokenType.String } named && (string)named! is { } name && (array.Parent as JProperty)?.Name == "parameters":
                    steps.Add($"[?(@.name=='{name}')]");
                    break;
                case JArray array:
                    steps.Add($"[{array.IndexOf(t)}]");
                    break;
            }
            // A property's value sits under the property, which sits in its object: step over both.
            t = parent is JProperty { Parent: { } owner } ? owner : parent;
        }
        steps.Reverse();
        return "$" + string.Concat(steps);

        static bool IdentifierLike(string name) =>
            name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');
    }

    /// <summary>True for a schema that belongs to a parameter (its schema, or that schema's items).</summary>
    public static bool IsInParameter(JToken schema)
    {
        for (var t = schema.Parent; t is not null; t = t.Parent)
        {
            if (t is JObject o && o["in"] is JValue { Type: JTokenType.String } && o["name"] is JValue { Type: JTokenType.String })
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The names of the component schemas reached from <paramref name="starts"/>, directly or through other components.</summary>
    public static HashSet<string> ReachedSchemas(JObject root, IEnumerable<JContainer> starts)
    {
        const string Prefix = "#/components/schemas/";
        var schemas = root["components"]?["schemas"] as JObject;
        var reached = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<JContainer>(starts);
        while (pending.Count > 0)
        {
            foreach (var reference in pending.Pop().DescendantsAndSelf().OfType<JProperty>().Where(p => p.Name == "$ref"))
            {
                if (reference.Value.AsString() is { } target && target.StartsWith(Prefix, StringComparison.Ordinal) &&
                    reached.Add(target[Prefix.Length..]) && schemas?[target[Prefix.Length..]] is JContainer schema)
                {
                    pending.Push(schema);
                }
            }
        }
        return reached;
    }

    /// <summary>Follows a local <c>$ref</c> ("#/components/..."); returns the token itself when it is not one.</summary>
    public static JToken? Resolve(JObject root, JToken? token)
    {
        var seen = 0;
        while (token is JObject obj && obj.StringAt("$ref") is { } reference && seen++ < 32)
        {
            if (!reference.StartsWith("#/", StringComparison.Ordinal))
            {
                return token;
            }
            JToken? target = root;
            foreach (var segment in reference[2..].Split('/'))
            {
                target = target?[segment.Replace("~1", "/").Replace("~0", "~")];
            }
            token = target;
        }
        return token;
    }

    /// <summary>Every schema of an operation's request body and responses, with the name context of each.</summary>
    public static IEnumerable<(JObject Schema, string Role, string? Status)> OperationSchemas(Operation operation)
    {
        if (operation.Node["requestBody"]?["content"] is JObject requestContent)
        {
            foreach (var media in requestContent.Properties())
            {
                if (media.Value["schema"] is JObject schema)
                {
                    yield return (schema, "request", null);
                }
            }
        }
        if (operation.Node["responses"] is JObject responses)
        {
            foreach (var response in responses.Properties())
            {
                if (response.Value["content"] is not JObject content)
                {
                    continue;
                }
                foreach (var media in content.Properties())
                {
                    if (media.Value["schema"] is JObject schema)
                    {
                        yield return (schema, "response", response.Name);
                    }
                }
            }
        }
    }

    /// <summary>
    /// True for an inline object schema with properties (one a class is generated for); false for
    /// references, scalars, maps and a bare <c>type: object</c>, which is any JSON object and needs no name.
    /// </summary>
    public static bool IsInlineObject(JObject schema) =>
        schema["$ref"] is null && schema["properties"] is JObject { Count: > 0 };

    /// <summary>An object with only additionalProperties: a dictionary in code, which needs no name.</summary>
    public static bool IsMap(JObject schema) =>
        schema["properties"] is null && schema["additionalProperties"] is JObject or JValue { Type: JTokenType.Boolean };

    /// <summary>An inline enumeration (a type of its own in code).</summary>
    public static bool IsInlineEnum(JObject schema) => schema["$ref"] is null && schema["enum"] is JArray;

    /// <summary>The schema's type; for an OpenAPI 3.1 type list such as [integer, "null"], its first non-null entry.</summary>
    public static string? SchemaType(JObject schema) => schema["type"] switch
    {
        JValue { Type: JTokenType.String } single => (string?)single,
        JArray list => list.Select(t => t.AsString()).FirstOrDefault(t => t is not null and not "null"),
        _ => null,
    };
}
