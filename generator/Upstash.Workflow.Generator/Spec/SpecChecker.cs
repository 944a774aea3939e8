using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;

namespace Upstash.Workflow.Generator.Spec;

/// <summary>
/// Finds what would make NSwag fail or emit code that does not compile, and says which operation and
/// which overlay action fixes it, before NSwag runs.
/// </summary>
public static partial class SpecChecker
{
    public static void Check(JObject root, DiagnosticBag diagnostics)
    {
        if (root.Value<string>("openapi") is not { } version || !version.StartsWith("3.", StringComparison.Ordinal))
        {
            diagnostics.Error(Codes.Unreadable, "not an OpenAPI 3.x document: 'openapi: 3.x' is missing at the top", root);
            return;
        }
        foreach (var operation in OpenApiDocument.Operations(root))
        {
            CheckPathParameters(root, operation, diagnostics);
            CheckHeaderNames(root, operation, diagnostics);
        }
        CheckNumericDateTimes(root, diagnostics);
    }

    /// <summary>
    /// date-time is a format of strings; on a number it is upstream's way of writing a Unix-millisecond
    /// timestamp. It generates as a plain number (see CSharpAdapter) but is worth fixing, so it is a
    /// warning with the fix, wherever it stands: parameter, property, array items or map values.
    /// </summary>
    private static void CheckNumericDateTimes(JObject root, DiagnosticBag diagnostics)
    {
        foreach (var schema in root.Descendants().OfType<JObject>().Where(IsNumericDateTime))
        {
            var target = OpenApiDocument.TargetOf(schema);
            diagnostics.Warning(Codes.TimestampTypedAsDateTime,
                $"{Describe(schema)} is a {OpenApiDocument.SchemaType(schema)} with format date-time; the API sends Unix milliseconds there, " +
                $"so it is generated as a plain number. Fix it in the overlay: {{ target: \"{target}\", update: {{ type: integer, format: int64, x-unix-time: milliseconds }} }}",
                schema);
        }
    }

    /// <summary>A number or integer schema with format date-time (not a string one: that is a real date-time).</summary>
    public static bool IsNumericDateTime(JObject schema) =>
        schema.Value<string>("format") is "date-time" && OpenApiDocument.SchemaType(schema) is "number" or "integer";

    /// <summary>"parameter 'fromDate'", "property 'createdAt'", "the items of 'labels'": how a reader finds the schema.</summary>
    private static string Describe(JObject schema)
    {
        var key = (schema.Parent as JProperty)?.Name;
        var owner = (schema.Parent?.Parent as JObject)?.Parent as JProperty;
        return key switch
        {
            "schema" when schema.Parent?.Parent is JObject parameter && parameter["in"] is not null =>
                $"{parameter.Value<string>("in")} parameter '{parameter.Value<string>("name")}'",
            "items" => $"the items of '{owner?.Name ?? "an array"}'",
            "additionalProperties" => $"the values of '{owner?.Name ?? "a map"}'",
            _ when (schema.Parent?.Parent as JObject)?.Parent is JProperty { Name: "properties" } => $"property '{key}'",
            _ => $"the schema at {OpenApiDocument.TargetOf(schema)}",
        };
    }

    private static void CheckPathParameters(JObject root, Operation operation, DiagnosticBag diagnostics)
    {
        var inTemplate = TemplateParameter().Matches(operation.Path).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        var declared = OpenApiDocument.Parameters(root, operation).Where(p => p.Value<string>("in") == "path").ToList();

        foreach (var parameter in declared)
        {
            var name = parameter.Value<string>("name") ?? "";
            if (!inTemplate.Contains(name))
            {
                diagnostics.Error(Codes.PathParameterMissing,
                    $"{operation.Display} declares path parameter '{name}' but its path has no '{{{name}}}'. " +
                    $"Fix it in the overlay, e.g. remove the parameter: " +
                    $"{{ target: \"{operation.Target}.parameters[?(@.name=='{name}')]\", remove: true }} " +
                    $"or, if the operation itself is stray, remove it: {{ target: \"{operation.Target}\", remove: true }}",
                    parameter);
            }
        }
        foreach (var name in inTemplate.Where(n => !declared.Exists(p => p.Value<string>("name") == n)))
        {
            diagnostics.Error(Codes.PathParameterUndeclared,
                $"{operation.Display}: its path has '{{{name}}}' but no path parameter named '{name}' is declared. " +
                $"Fix it in the overlay: {{ target: \"{operation.Target}.parameters\", update: {{ in: path, name: {name}, required: true, schema: {{ type: string }} }} }}",
                operation.Node);
        }
    }

    private static void CheckHeaderNames(JObject root, Operation operation, DiagnosticBag diagnostics)
    {
        foreach (var parameter in OpenApiDocument.Parameters(root, operation).Where(p => p.Value<string>("in") == "header"))
        {
            var name = parameter.Value<string>("name") ?? "";
            if (name.Contains('*', StringComparison.Ordinal))
            {
                if (IsHeaderFamily(name))
                {
                    continue; // "Prefix-*": a family of headers, which the C# client takes as a map (see CSharpAdapter)
                }
                diagnostics.Error(Codes.HeaderNameInvalid,
                    $"{operation.Display} declares header '{name}': a '*' is only understood at the end of a name, standing for a family of headers with that prefix. " +
                    $"Rename or remove it in the overlay: {{ target: \"{operation.Target}.parameters[?(@.name=='{name}')]\", remove: true }}",
                    parameter);
            }
            else if (!HeaderToken().IsMatch(name))
            {
                diagnostics.Error(Codes.HeaderNameInvalid,
                    $"{operation.Display} declares header '{name}', which is not a valid HTTP header name. " +
                    $"Rename or remove it in the overlay: {{ target: \"{operation.Target}.parameters[?(@.name=='{name}')]\", ... }}",
                    parameter);
            }
        }
    }

    /// <summary>"Upstash-Forward-*": a valid header name prefix followed by one '*'.</summary>
    public static bool IsHeaderFamily(string name) =>
        name.Length > 1 && name.IndexOf('*', StringComparison.Ordinal) == name.Length - 1 && HeaderToken().IsMatch(name[..^1]);

    [GeneratedRegex(@"\{([^{}]+)\}")]
    private static partial Regex TemplateParameter();

    // RFC 9110 token characters.
    [GeneratedRegex(@"^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$")]
    private static partial Regex HeaderToken();
}
