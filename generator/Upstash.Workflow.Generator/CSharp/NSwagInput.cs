using Newtonsoft.Json.Linq;
using Upstash.Workflow.Generator.CSharp.Plan;

namespace Upstash.Workflow.Generator.CSharp;

/// <summary>
/// The document NSwag renders the model classes and enumerations from: one component per <see cref="ModelPlan"/> and
/// <see cref="EnumPlan"/> of the plan, under its planned name, carrying that part of the plan under
/// <see cref="ClientPlan.Key"/>. generator/templates/Class.liquid and Enum.liquid print the carrier and nothing
/// else, so what NSwag would decide from a schema (required, types, names, descriptions) never arises.
/// </summary>
/// <remarks>
/// What NSwag still reads of it: each component's key, for its order in the file; <c>enum</c> on an enumeration's
/// component, which picks Enum.liquid over Class.liquid; and <c>type: object</c> without properties on a model's,
/// which makes it a class of its own. The operation side, the options types and the JSON context are printed from
/// the plan by the writers; the effective spec (what other languages and Prism read) is left alone.
/// </remarks>
public static class NSwagInput
{
    public static JObject Render(ClientPlan plan)
    {
        var schemas = new JObject();
        foreach (var model in plan.Models)
        {
            schemas[model.Name] = new JObject
            {
                ["type"] = "object",
                ["additionalProperties"] = false,
                [ClientPlan.Key] = ClientPlan.ForTemplates(model),
            };
        }
        foreach (var enumeration in plan.Enums)
        {
            schemas[enumeration.Name] = new JObject
            {
                ["type"] = "string",
                ["enum"] = new JArray(enumeration.Members.Select(m => m.Wire)),
                [ClientPlan.Key] = ClientPlan.ForTemplates(enumeration),
            };
        }
        return new JObject
        {
            ["openapi"] = "3.0.3",
            ["info"] = new JObject { ["title"] = plan.Namespace, ["version"] = "1" },
            ["paths"] = new JObject(),
            ["components"] = new JObject { ["schemas"] = schemas },
        };
    }
}
