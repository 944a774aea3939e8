using Upstash.Workflow.TestSupport.Emulator;
using System.Text.Json.Nodes;

namespace Upstash.Workflow.Testing.Tests.Emulator;

/// <summary>
/// Which properties of the spec's answer schemas a set of real answers contains. Declared: every property
/// reachable from any operation's JSON answer (schemas followed through references, arrays and maps), named
/// "Schema.property" (an answer's own inline schema is named by its operation and status). Seen: those an
/// answer carried, with a value other than null.
/// </summary>
internal sealed class AnswerCoverage
{
    private readonly JsonObject _schemas;
    private readonly List<(string Method, string[] Template, string? Id, JsonObject Responses)> _operations = [];

    public AnswerCoverage(JsonNode spec)
    {
        _schemas = spec["components"]!["schemas"]!.AsObject();
        foreach (var (path, item) in spec["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                if (operation?["responses"] is JsonObject responses)
                {
                    var id = operation["operationId"]?.GetValue<string>();
                    _operations.Add((method.ToUpperInvariant(), path.Trim('/').Split('/'), id, responses));
                    foreach (var (status, response) in responses)
                    {
                        if (Json(response) is { } schema)
                        {
                            Declare(schema, $"{id} {status}", []);
                        }
                    }
                }
            }
        }
    }

    public SortedSet<string> Declared { get; } = new(StringComparer.Ordinal);

    public SortedSet<string> Seen { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Takes one answer in: marks what it carries, and returns what is wrong with its shape (a body where the
    /// spec declares none, none where it declares JSON, a status the operation does not declare), or null.
    /// </summary>
    public string? See(string method, string path, int status, string body)
    {
        var segments = path.Trim('/').Split('/');
        var operation = _operations
            .Where(o => o.Method == method && o.Template.Length == segments.Length &&
                o.Template.Zip(segments).All(p => p.First.StartsWith('{') || p.First == p.Second))
            .OrderByDescending(o => o.Template.Count(t => !t.StartsWith('{')))
            .FirstOrDefault();
        if (operation.Responses is null)
        {
            return $"{method} {path}: no operation of the spec";
        }
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (operation.Responses[key] is not JsonObject response)
        {
            return $"{method} {path}: {status} is not an answer the spec declares";
        }
        if (Json(response) is not { } schema)
        {
            return body.Length == 0 ? null : $"{method} {path}: {status} has a body where the spec declares none";
        }
        if (body.Length == 0)
        {
            return $"{method} {path}: {status} has no body where the spec declares JSON";
        }
        Mark(JsonNode.Parse(body), schema, $"{operation.Id} {status}");
        return null;
    }

    private static JsonObject? Json(JsonNode? response) => response?["content"]?["application/json"]?["schema"] as JsonObject;

    private (JsonObject Schema, string Name) Resolve(JsonObject schema, string name) =>
        schema["$ref"]?.GetValue<string>() is { } reference
            ? (_schemas[reference.Split('/')[^1]]!.AsObject(), reference.Split('/')[^1])
            : (schema, name);

    private void Declare(JsonObject schema, string name, HashSet<string> visiting)
    {
        (schema, name) = Resolve(schema, name);
        if (!visiting.Add(name))
        {
            return;
        }
        foreach (var (property, child) in schema["properties"] as JsonObject ?? [])
        {
            Declared.Add($"{name}.{property}");
            Declare(child!.AsObject(), $"{name}.{property}", visiting);
        }
        if (schema["items"] is JsonObject items)
        {
            Declare(items, name, visiting);
        }
        if (schema["additionalProperties"] is JsonObject values)
        {
            Declare(values, name, visiting);
        }
        visiting.Remove(name);
    }

    private void Mark(JsonNode? node, JsonObject schema, string name)
    {
        (schema, name) = Resolve(schema, name);
        switch (node)
        {
            case JsonArray array when schema["items"] is JsonObject items:
                foreach (var item in array)
                {
                    Mark(item, items, name);
                }
                break;
            case JsonObject obj:
                var properties = schema["properties"] as JsonObject;
                foreach (var (property, value) in obj)
                {
                    if (properties?[property] is JsonObject child)
                    {
                        if (value is not null)
                        {
                            Seen.Add($"{name}.{property}");
                        }
                        Mark(value, child, $"{name}.{property}");
                    }
                    else if (schema["additionalProperties"] is JsonObject values)
                    {
                        Mark(value, values, name);
                    }
                }
                break;
        }
    }
}
