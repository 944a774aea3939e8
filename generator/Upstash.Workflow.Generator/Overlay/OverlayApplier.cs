using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Upstash.Workflow.Generator.Spec;
using Upstash.Workflow.Generator.Documents;

namespace Upstash.Workflow.Generator.Overlay;

/// <summary>
/// Applies an OpenAPI Overlay 1.0.0 document: each action selects nodes with a JSONPath
/// <c>target</c> and either removes them or merges its <c>update</c> into them. Targets may use
/// RFC 9535 filters (<c>[?@.name=='x']</c>) or the older wrapped form (<c>[?(@.name=='x')]</c>).
/// </summary>
/// <remarks>
/// Merge rules: an object update merges into an object node key by key, recursively for nested
/// objects; any other value replaces the value it meets. An update aimed at an array node is appended
/// to it. Actions run in order, each on the result of the previous one. Merged nodes are deep copies,
/// which keep their source locations, so findings about them point into the overlay.
/// </remarks>
public static class OverlayApplier
{
    public static void Apply(JToken document, JToken overlay, DiagnosticBag diagnostics)
    {
        if (overlay is not JObject root || root.StringAt("overlay") is not { } version || !version.StartsWith("1.", StringComparison.Ordinal))
        {
            diagnostics.Error(Codes.OverlayInvalid, "not an OpenAPI Overlay 1.x document: it needs 'overlay: 1.0.0' at the top", overlay);
            return;
        }
        if (root["actions"] is not JArray actions)
        {
            diagnostics.Error(Codes.OverlayInvalid, "the overlay has no 'actions' list", root);
            return;
        }

        var index = 0;
        foreach (var action in actions)
        {
            index++;
            ApplyAction(document, action, index, diagnostics);
        }
    }

    private static void ApplyAction(JToken document, JToken action, int index, DiagnosticBag diagnostics)
    {
        if (action is not JObject)
        {
            diagnostics.Error(Codes.OverlayInvalid, $"overlay action {index} is not an object with a 'target'", action);
            return;
        }
        var target = action["target"] is JValue { Type: JTokenType.String } text ? (string?)text : null;
        if (string.IsNullOrWhiteSpace(target))
        {
            diagnostics.Error(Codes.OverlayInvalid, $"overlay action {index} has no 'target' (text)", action);
            return;
        }
        var remove = action["remove"]?.Type == JTokenType.Boolean && action.Value<bool>("remove");
        var update = action["update"];
        if (!remove && update is null)
        {
            diagnostics.Error(Codes.OverlayInvalid, $"overlay action {index} ({target}) has neither 'update' nor 'remove: true'", action);
            return;
        }

        List<JToken> nodes;
        try
        {
            nodes = JsonPathDialect.Select(document, target).ToList();
        }
        catch (JsonException e)
        {
            diagnostics.Error(Codes.OverlayInvalid, $"overlay action {index}: target '{target}' is not a JSONPath this tool can evaluate: {e.Message}", action["target"]);
            return;
        }

        if (nodes.Count == 0 && remove)
        {
            diagnostics.Info($"overlay action {index} ({target}): nothing to remove");
            return;
        }
        if (nodes.Count == 0)
        {
            diagnostics.Warning(Codes.OverlayNoMatch, $"overlay action {index} ({target}) matched nothing in the spec: upstream may have renamed or dropped what it names", action["target"]);
            return;
        }

        if (remove && nodes.Exists(n => n.Parent is null))
        {
            diagnostics.Error(Codes.OverlayInvalid, $"overlay action {index} ({target}) would remove the whole document; remove what is in it instead", action["target"]);
            return;
        }
        foreach (var node in nodes)
        {
            if (remove)
            {
                Remove(node);
            }
            else
            {
                Merge(node, update!, index, target, diagnostics);
            }
        }
    }

    private static void Remove(JToken node)
    {
        if (node.Parent is JProperty property)
        {
            property.Remove();
        }
        else
        {
            node.Remove();
        }
    }

    private static void Merge(JToken node, JToken update, int index, string target, DiagnosticBag diagnostics)
    {
        switch (node)
        {
            case JArray array:
                array.Add(update.DeepClone());
                break;
            case JObject obj when update is JObject patch:
                MergeObject(obj, patch);
                break;
            default:
                diagnostics.Error(Codes.OverlayInvalid, $"overlay action {index} ({target}): an update can only be merged into an object or appended to an array, but the target is a {node.Type}", update);
                break;
        }
    }

    private static void MergeObject(JObject into, JObject patch)
    {
        foreach (var property in patch.Properties())
        {
            if (into[property.Name] is JObject existing && property.Value is JObject nested)
            {
                MergeObject(existing, nested);
            }
            else
            {
                into[property.Name] = property.Value.DeepClone();
            }
        }
    }
}
