using System.Net;
using Newtonsoft.Json.Linq;

namespace Upstash.Workflow.Generator.Spec;

/// <summary>
/// Gives every operation an operationId and every inline object schema a title when neither the spec
/// nor the overlay pins one, so generated names are readable and deterministic (derived from the
/// summary and the place of the schema, never numbered). Each operation that needed this is reported,
/// so the names can be pinned in the overlay before anyone depends on them.
/// </summary>
public static class FallbackNames
{
    public static void Apply(JObject root, DiagnosticBag diagnostics)
    {
        var owners = new Dictionary<string, Operation>(StringComparer.OrdinalIgnoreCase);
        foreach (var operation in OpenApiDocument.Operations(root))
        {
            var filled = new List<string>();
            var id = operation.OperationId;
            if (string.IsNullOrWhiteSpace(id))
            {
                if (string.IsNullOrWhiteSpace(operation.Summary))
                {
                    diagnostics.Error(Codes.OperationUnnamed,
                        $"{operation.Display} has neither an operationId nor a summary to derive a name from. " +
                        $"Name it in the overlay: {{ target: \"{operation.Target}\", update: {{ operationId: <name> }} }}",
                        operation.Node);
                    continue;
                }
                id = Names.Camel(operation.Summary);
                operation.Node["operationId"] = id;
                filled.Add($"operationId '{id}' (from its summary)");
            }

            if (owners.TryGetValue(id, out var other))
            {
                diagnostics.Error(Codes.OperationIdDuplicate,
                    $"{operation.Display} and {other.Display} would both be named '{id}'. " +
                    $"Give one of them its own name in the overlay: {{ target: \"{operation.Target}\", update: {{ operationId: <name> }} }}",
                    operation.Node);
                continue;
            }
            owners[id] = operation;

            var prefix = Names.UpperFirst(id);
            var schemas = OpenApiDocument.OperationSchemas(operation).ToList();
            var successes = schemas.Where(s => s.Status is ['2', _, _]).Select(s => s.Status).Distinct().Count();
            foreach (var (schema, role, status) in schemas)
            {
                NameSchema(schema, prefix + RoleSuffix(role, status, successes), filled);
            }

            foreach (var parameter in OpenApiDocument.Parameters(root, operation))
            {
                NameParameterEnum(parameter, filled);
            }

            if (filled.Count > 0)
            {
                diagnostics.Warning(Codes.NameNotPinned,
                    $"{operation.Display} has names the overlay does not pin, derived here: {string.Join("; ", filled)}. " +
                    $"Pin them in openapi/overlay.yaml (target \"{operation.Target}\") so that a change upstream cannot rename public types.",
                    operation.Node);
            }
        }
        NameInsideComponents(root, diagnostics);
    }

    /// <summary>Inline objects and enums inside a component are named after the component and their place ("GroupedStepsType").</summary>
    private static void NameInsideComponents(JObject root, DiagnosticBag diagnostics)
    {
        foreach (var component in (root["components"]?["schemas"] as JObject)?.Properties().ToList() ?? [])
        {
            if (component.Value is not JObject schema)
            {
                continue;
            }
            var filled = new List<string>();
            var name = Names.Pascal(component.Name);
            foreach (var property in (schema["properties"] as JObject)?.Properties() ?? [])
            {
                if (property.Value is JObject child)
                {
                    NameSchema(child, name + Names.Pascal(property.Name), filled);
                }
            }
            foreach (var (key, suffix) in new[] { ("items", "Item"), ("additionalProperties", "Value") })
            {
                if (schema[key] is JObject child)
                {
                    NameSchema(child, name + suffix, filled);
                }
            }
            if (filled.Count > 0)
            {
                var target = $"$.components.schemas['{component.Name}']";
                diagnostics.Warning(Codes.NameNotPinned,
                    $"components/schemas/{component.Name} has names the overlay does not pin, derived here: {string.Join("; ", filled)}. " +
                    $"Pin them in openapi/overlay.yaml (targets under \"{target}\") so that a change upstream cannot rename public types.",
                    schema);
            }
        }
    }

    /// <summary>
    /// "Request"; "Result" for the success answer, or for each of several its status too, as
    /// "AcceptedResult" (a 200 keeps plain "Result"); "NotFoundBody", "FoundBody" and the like for the
    /// others, "ErrorBody" for a default or unnamed status.
    /// </summary>
    private static string RoleSuffix(string role, string? status, int successes)
    {
        if (role == "request")
        {
            return "Request";
        }
        if (status is ['2', _, _])
        {
            return successes == 1 || status == "200" ? "Result" : StatusName(status) + "Result";
        }
        return int.TryParse(status, out var code) && Enum.IsDefined(typeof(HttpStatusCode), code) ? StatusName(status) + "Body" : "ErrorBody";
    }

    /// <summary>"404" → "NotFound"; a code without a name → "Status499".</summary>
    private static string StatusName(string status) =>
        int.TryParse(status, out var code) && Enum.IsDefined(typeof(HttpStatusCode), code) ? ((HttpStatusCode)code).ToString() : "Status" + status;

    /// <summary>An inline enum of a parameter (or of its items) is named after the parameter.</summary>
    private static void NameParameterEnum(JObject parameter, List<string> filled)
    {
        var schema = parameter["schema"] as JObject;
        if (schema?["items"] is JObject items)
        {
            schema = items;
        }
        if (schema is not null && OpenApiDocument.IsInlineEnum(schema) && schema.StringAt("title") is not { Length: > 0 })
        {
            var name = Names.Pascal(parameter.StringAt("name") ?? "Value");
            schema["title"] = name;
            filled.Add($"enum '{name}' of parameter '{parameter.StringAt("name")}'");
        }
    }

    /// <summary>Names an inline object or enum schema and, inside it, nested inline ones after their property.</summary>
    private static void NameSchema(JObject schema, string name, List<string> filled)
    {
        if (OpenApiDocument.IsInlineEnum(schema) && schema.StringAt("title") is not { Length: > 0 })
        {
            schema["title"] = name;
            filled.Add($"enum '{name}'");
        }
        if (OpenApiDocument.IsInlineObject(schema))
        {
            if (schema.StringAt("title") is { Length: > 0 } title)
            {
                name = title;
            }
            else
            {
                schema["title"] = name;
                filled.Add($"schema '{name}'");
            }
            if (schema["properties"] is JObject properties)
            {
                foreach (var property in properties.Properties())
                {
                    if (property.Value is JObject child)
                    {
                        NameSchema(child, name + Names.Pascal(property.Name), filled);
                    }
                }
            }
        }
        if (schema["items"] is JObject items)
        {
            NameSchema(items, name + "Item", filled);
        }
        if (schema["additionalProperties"] is JObject values)
        {
            NameSchema(values, name + "Value", filled);
        }
    }
}
