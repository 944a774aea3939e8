using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Upstash.Workflow.Testing;

/// <summary>
/// The spec's rules for the values of query, header and path parameters, read from the effective spec the
/// package carries (the same file every language generates from): types (integer, number, boolean, lists of
/// them) and bounds (minimum, maximum). A value that breaks one is refused with a 400 naming the parameter, as
/// the service and Prism's validator refuse it, so a caller's bug fails its tests instead of being ignored.
/// Values of extensible enums are not checked: a state the service adds later must pass.
/// </summary>
internal sealed class SpecRules
{
    private readonly List<(string Method, string[] Template, JsonArray Parameters, string? OperationId)> _operations = [];

    private SpecRules(JsonNode spec)
    {
        foreach (var (path, item) in spec["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                if (operation is JsonObject)
                {
                    _operations.Add((method.ToUpperInvariant(), path.Trim('/').Split('/'), operation["parameters"] as JsonArray ?? [], (string?)operation["operationId"]));
                }
            }
        }
    }

    public static SpecRules Load()
    {
        using var stream = typeof(SpecRules).Assembly.GetManifestResourceStream("openapi.effective.json")
            ?? throw new InvalidOperationException("The emulator's copy of the effective spec is missing from its assembly.");
        return new SpecRules(JsonNode.Parse(stream)!);
    }

    /// <summary>The spec's operation id of a request (<c>restartWorkflow</c>); null for a path the spec does not have.</summary>
    public string? OperationId(string method, string[] segments) => Find(method, segments)?.OperationId;

    /// <summary>Null when every parameter value of the request is as the spec types and bounds it; otherwise why not.</summary>
    public string? Check(string method, string[] segments, IReadOnlyDictionary<string, StringValues> query, IHeaderDictionary headers)
    {
        if (Find(method, segments) is not { } operation)
        {
            return null;
        }
        foreach (var parameter in operation.Parameters.OfType<JsonObject>())
        {
            var name = (string?)parameter["name"];
            var schema = parameter["schema"] as JsonObject;
            if (name is null || schema is null)
            {
                continue;
            }
            var values = (string?)parameter["in"] switch
            {
                "query" => query.TryGetValue(name, out var q) ? q : StringValues.Empty,
                "header" => headers.TryGetValue(name, out var h) ? h : StringValues.Empty,
                "path" => Array.IndexOf(operation.Template, "{" + name + "}") is var at and >= 0 && at < segments.Length ? new StringValues(segments[at]) : StringValues.Empty,
                _ => StringValues.Empty,
            };
            var item = (string?)schema["type"] == "array" ? schema["items"] as JsonObject ?? schema : schema;
            foreach (var value in values)
            {
                if (Problem(value ?? "", item) is { } problem)
                {
                    return $"invalid {parameter["in"]} parameter '{name}': {problem}";
                }
            }
        }
        return null;
    }

    private static string? Problem(string value, JsonObject schema)
    {
        double number;
        switch ((string?)schema["type"])
        {
            case "integer" when long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole):
                number = whole;
                break;
            case "integer":
                return $"'{Shown(value)}' is not an integer";
            case "number" when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) && double.IsFinite(real):
                number = real;
                break;
            case "number":
                return $"'{Shown(value)}' is not a number";
            case "boolean":
                return value is "true" or "false" ? null : $"'{Shown(value)}' is not true or false";
            default:
                return null;
        }
        if (schema["minimum"] is JsonValue min && number < (double)min)
        {
            return $"{value} is below its minimum, {min}";
        }
        if (schema["maximum"] is JsonValue max && number > (double)max)
        {
            return $"{value} is above its maximum, {max}";
        }
        return null;
    }

    /// <summary>
    /// The operation whose path template matches: one of the request's length first, then the one with more literal
    /// segments; a last placeholder may take the rest of the path (a trigger's URL).
    /// </summary>
    private (string Method, string[] Template, JsonArray Parameters, string? OperationId)? Find(string method, string[] segments) =>
        _operations
            .Where(o => o.Method == method && Matches(o.Template, segments))
            .OrderByDescending(o => o.Template.Length == segments.Length)
            .ThenByDescending(o => o.Template.Count(t => !t.StartsWith('{')))
            .Cast<(string, string[], JsonArray, string?)?>()
            .FirstOrDefault();

    private static bool Matches(string[] template, string[] segments)
    {
        var last = template.Length > 0 && template[^1].StartsWith('{');
        if (segments.Length != template.Length && !(last && segments.Length > template.Length))
        {
            return false;
        }
        return template.Select((t, i) => t.StartsWith('{') || t == segments[i]).All(x => x);
    }

    private static string Shown(string value) => value.Length > 40 ? value[..40] + "…" : value;
}
