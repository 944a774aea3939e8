using Newtonsoft.Json.Linq;

namespace Upstash.Workflow.Generator.Spec;

/// <summary>
/// The overlay describes an enumeration's values by value (<c>x-enum-descriptions: { RUN_STARTED: "…" }</c>), so a
/// value upstream adds or moves never takes another's words. The effective spec carries them as the list other
/// languages' generators read (openapi-generator's <c>x-enum-descriptions</c>): one entry per value, in the
/// <c>enum</c>'s order, empty where the overlay is silent.
/// </summary>
public static class EnumDescriptions
{
    public static void Apply(JObject root, DiagnosticBag diagnostics)
    {
        foreach (var schema in root.Descendants().OfType<JObject>().Where(o => o["enum"] is JArray && o["x-enum-descriptions"] is JObject).ToList())
        {
            var values = ((JArray)schema["enum"]!).Select(v => v.AsString()).ToList();
            var described = (JObject)schema["x-enum-descriptions"]!;
            foreach (var stale in described.Properties().Where(p => !values.Contains(p.Name)))
            {
                diagnostics.Warning(Codes.EnumListsMisaligned,
                    $"x-enum-descriptions at {OpenApiDocument.TargetOf(schema)} describes '{stale.Name}', which is not one of its values ({string.Join(", ", values)}). " +
                    "Upstream renamed or dropped it: fix or remove the entry in the overlay.",
                    stale);
            }
            schema["x-enum-descriptions"] = new JArray(values.Select(v => v is not null && described[v]?.AsString() is { } text ? text : ""));
        }
    }
}
