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
        if (root.StringAt("openapi") is not { } version || !version.StartsWith("3.", StringComparison.Ordinal))
        {
            diagnostics.Error(Codes.Unreadable, "not an OpenAPI 3.x document: 'openapi: 3.x' is missing at the top", root);
            return;
        }
        foreach (var operation in OpenApiDocument.Operations(root))
        {
            CheckTag(operation, diagnostics);
            CheckPathParameters(root, operation, diagnostics);
            CheckHeaderNames(root, operation, diagnostics);
        }
        CheckNumericDateTimes(root, diagnostics);
        CheckTimeMarkers(root, diagnostics);
        CheckEnumLists(root, diagnostics);
    }

    /// <summary>
    /// <c>x-enum-descriptions</c> and <c>x-enum-varnames</c> (and NJsonSchema's <c>x-enumNames</c>) say something of each
    /// value of <c>enum</c> by its position; a list of another length would pair a value with another's words.
    /// </summary>
    private static void CheckEnumLists(JObject root, DiagnosticBag diagnostics)
    {
        foreach (var schema in root.Descendants().OfType<JObject>().Where(o => o["enum"] is JArray).ToList())
        {
            var values = ((JArray)schema["enum"]!).Count;
            foreach (var key in new[] { "x-enum-descriptions", "x-enum-varnames", "x-enumNames" })
            {
                if (schema[key] is { } list && (list is not JArray items || items.Count != values))
                {
                    diagnostics.Error(Codes.EnumListsMisaligned,
                        $"{key} at {OpenApiDocument.TargetOf(schema)} has {(list as JArray)?.Count.ToString() ?? "no list of"} entries where enum has {values} values; " +
                        "it pairs each entry with the value at its position. Fix the overlay action that sets it: one entry per value, in the same order.",
                        list);
                }
            }
        }
    }

    /// <summary>Every generated client groups operations by tag (a class, a module, a package); an untagged one belongs to none.</summary>
    private static void CheckTag(Operation operation, DiagnosticBag diagnostics)
    {
        if (string.IsNullOrWhiteSpace(operation.Tag))
        {
            diagnostics.Error(Codes.OperationUntagged,
                $"{operation.Display} has no tag, so it belongs to no client group. Tag it in the overlay: {{ target: \"{operation.Target}\", update: {{ tags: [<Group>] }} }}",
                operation.Node);
        }
    }

    /// <summary>
    /// <c>x-unix-time</c> (<c>milliseconds</c> or <c>seconds</c>) marks an integer parameter or property that is a
    /// point in time; <c>x-duration</c> a length of time, as text (<c>text</c>, a string) or a count of seconds
    /// (<c>seconds</c>, an integer). Anywhere else, or on another type, no language can read the value as marked.
    /// </summary>
    private static void CheckTimeMarkers(JObject root, DiagnosticBag diagnostics)
    {
        foreach (var schema in root.Descendants().OfType<JObject>().Where(o => o["x-unix-time"] is not null || o["x-duration"] is not null).ToList())
        {
            var type = OpenApiDocument.SchemaType(schema);
            var placed = OpenApiDocument.IsInParameter(schema) || (schema.Parent?.Parent as JObject)?.Parent is JProperty { Name: "properties" };
            var unixTime = schema["x-unix-time"] is { } u ? (u.Type == JTokenType.String ? (string?)u : "?") : null;
            var duration = schema["x-duration"] is { } d ? (d.Type == JTokenType.String ? (string?)d : "?") : null;
            var problem = (unixTime, duration) switch
            {
                ({ }, { }) => "both x-unix-time and x-duration",
                ({ } unit, null) when unit is not ("milliseconds" or "seconds") => $"x-unix-time '{unit}' (known: milliseconds, seconds)",
                ({ }, null) when type != "integer" => $"x-unix-time on a {type ?? "untyped"} schema (it marks integers)",
                (null, { } form) when form is not ("text" or "seconds") => $"x-duration '{form}' (known: text, seconds)",
                (null, "text") when type != "string" => $"x-duration: text on a {type ?? "untyped"} schema (it marks strings)",
                (null, "seconds") when type != "integer" => $"x-duration: seconds on a {type ?? "untyped"} schema (it marks integers)",
                _ when !placed => $"{(unixTime is null ? "x-duration" : "x-unix-time")} on {Describe(schema)}, which is neither a parameter nor a property",
                _ => null,
            };
            if (problem is not null)
            {
                diagnostics.Error(Codes.UnixTimeInvalid,
                    $"{problem} at {OpenApiDocument.TargetOf(schema)}: x-unix-time marks an integer parameter or property (milliseconds or seconds), " +
                    "x-duration a text (text) or integer (seconds) parameter or property. Fix the overlay action that sets it.",
                    schema);
            }
        }
    }

    /// <summary>
    /// date-time is a format of strings; on a number it is upstream's way of writing a Unix-millisecond
    /// timestamp. It generates as a plain number (see CSharp/NSwagInput) but is worth fixing, so it is a
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
        schema.StringAt("format") is "date-time" && OpenApiDocument.SchemaType(schema) is "number" or "integer";

    /// <summary>"parameter 'fromDate'", "property 'createdAt'", "the items of 'labels'": how a reader finds the schema.</summary>
    private static string Describe(JObject schema)
    {
        var key = (schema.Parent as JProperty)?.Name;
        var owner = (schema.Parent?.Parent as JObject)?.Parent as JProperty;
        return key switch
        {
            "schema" when schema.Parent?.Parent is JObject parameter && parameter["in"] is not null =>
                $"{parameter.StringAt("in")} parameter '{parameter.StringAt("name")}'",
            "items" => $"the items of '{owner?.Name ?? "an array"}'",
            "additionalProperties" => $"the values of '{owner?.Name ?? "a map"}'",
            _ when (schema.Parent?.Parent as JObject)?.Parent is JProperty { Name: "properties" } => $"property '{key}'",
            _ => $"the schema at {OpenApiDocument.TargetOf(schema)}",
        };
    }

    private static void CheckPathParameters(JObject root, Operation operation, DiagnosticBag diagnostics)
    {
        var inTemplate = TemplateParameter().Matches(operation.Path).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        var declared = OpenApiDocument.Parameters(root, operation).Where(p => p.StringAt("in") == "path").ToList();

        foreach (var parameter in declared)
        {
            var name = parameter.StringAt("name") ?? "";
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
        foreach (var name in inTemplate.Where(n => !declared.Exists(p => p.StringAt("name") == n)))
        {
            diagnostics.Error(Codes.PathParameterUndeclared,
                $"{operation.Display}: its path has '{{{name}}}' but no path parameter named '{name}' is declared. " +
                $"Fix it in the overlay: {{ target: \"{operation.Target}.parameters\", update: {{ in: path, name: {name}, required: true, schema: {{ type: string }} }} }}",
                operation.Node);
        }
    }

    private static void CheckHeaderNames(JObject root, Operation operation, DiagnosticBag diagnostics)
    {
        foreach (var parameter in OpenApiDocument.Parameters(root, operation).Where(p => p.StringAt("in") == "header"))
        {
            var name = parameter.StringAt("name") ?? "";
            if (name.Contains('*', StringComparison.Ordinal))
            {
                if (IsHeaderFamily(name))
                {
                    continue; // "Prefix-*": a family of headers, which the C# client takes as a map (see CSharp/Plan/PlanBuilder)
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
