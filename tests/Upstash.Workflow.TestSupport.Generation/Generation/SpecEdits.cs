using Newtonsoft.Json.Linq;
using Upstash.Workflow.Generator.Documents;
using YamlDotNet.Serialization;

namespace Upstash.Workflow.TestSupport.Generation;

/// <summary>
/// Edits of the project's spec made on its tree, not its text: they hold for whatever file openapi/openapi.yaml is
/// (ours, or upstream's as published after an update), since they find what they change by path and method, never by
/// the wording around it. The result is YAML, as upstream publishes.
/// </summary>
public static class SpecEdits
{
    /// <summary>The path of the restart operation (the project's starting point), which every version of upstream's file has.</summary>
    public const string RestartPath = "/v2/workflows/dlq/restart/{dlqId}";

    /// <summary>The project's spec as it is on disk.</summary>
    public static string Spec() => File.ReadAllText(Repository.Spec).Replace("\r\n", "\n", StringComparison.Ordinal);

    /// <summary>The project's spec as a tree.</summary>
    public static JObject Load() => (JObject)YamlDocument.Load(Repository.Spec);

    /// <summary>A spec of the restart operation alone (the project's starting point), for findings about one operation.</summary>
    public static string RestartOnly() =>
        File.ReadAllText(Repository.Tests("Upstash.Workflow.Generator.Tests", "Generation", "Specs", "restart-only.yaml")).Replace("\r\n", "\n", StringComparison.Ordinal);

    /// <summary>An operation of <paramref name="spec"/>, found by path and method.</summary>
    public static JObject Operation(JObject spec, string path, string method) =>
        spec["paths"]?[path]?[method] as JObject ?? throw new InvalidOperationException($"The spec has no {method.ToUpperInvariant()} {path}.");

    /// <summary>The project's spec with <paramref name="parameter"/> added to restart's parameters, as YAML.</summary>
    public static string AddRestartParameter(JObject parameter)
    {
        var spec = Load();
        var restart = Operation(spec, RestartPath, "post");
        ((JArray)(restart["parameters"] ??= new JArray())).Add(parameter);
        return ToYaml(spec);
    }

    public static JObject Header(string name, string type = "string", string description = "A header.") =>
        new() { ["in"] = "header", ["name"] = name, ["required"] = false, ["schema"] = new JObject { ["type"] = type }, ["description"] = description };

    public static JObject Query(string name, bool required, string type = "string") =>
        new() { ["in"] = "query", ["name"] = name, ["required"] = required, ["schema"] = new JObject { ["type"] = type } };

    public static JObject Path(string name) =>
        new() { ["in"] = "path", ["name"] = name, ["required"] = true, ["schema"] = new JObject { ["type"] = "string" } };

    /// <summary>A spec tree written as YAML, with every string that YAML would read as something else quoted.</summary>
    public static string ToYaml(JToken spec) =>
        new SerializerBuilder().WithQuotingNecessaryStrings().Build().Serialize(Plain(spec)).Replace("\r\n", "\n", StringComparison.Ordinal);

    private static object? Plain(JToken token) => token switch
    {
        JObject o => o.Properties().ToDictionary(p => p.Name, p => Plain(p.Value)),
        JArray a => a.Select(Plain).ToList(),
        JValue v => v.Value,
        _ => token.ToString(),
    };
}
