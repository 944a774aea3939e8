using Newtonsoft.Json.Linq;
using Upstash.Workflow.Generator;
using Upstash.Workflow.Generator.Overlay;

namespace Upstash.Workflow.Tests.Generation;

public sealed class OverlayApplierTests
{
    private static JObject Apply(string document, string actions, out DiagnosticBag diagnostics)
    {
        var root = JObject.Parse(document);
        diagnostics = new DiagnosticBag();
        OverlayApplier.Apply(root, JObject.Parse($"{{ \"overlay\": \"1.0.0\", \"actions\": {actions} }}"), diagnostics);
        return root;
    }

    [Fact]
    public void Update_merges_objects_recursively_and_replaces_other_values()
    {
        var root = Apply(
            """{ "a": { "keep": 1, "b": { "x": 1, "list": [1] } } }""",
            """[ { "target": "$.a", "update": { "b": { "y": 2, "list": [9] }, "c": "new" } } ]""",
            out var diagnostics);
        Assert.Empty(diagnostics.Items);
        Assert.True(JToken.DeepEquals(JObject.Parse("""{ "a": { "keep": 1, "b": { "x": 1, "list": [9], "y": 2 }, "c": "new" } }"""), root), root.ToString());
    }

    [Fact]
    public void Update_on_an_array_appends()
    {
        var root = Apply("""{ "tags": ["a"] }""", """[ { "target": "$.tags", "update": "b" } ]""", out _);
        Assert.Equal(["a", "b"], root["tags"]!.Values<string>());
    }

    [Fact]
    public void Remove_deletes_every_match_by_filter()
    {
        var root = Apply(
            """{ "parameters": [ { "name": "a" }, { "name": "b" }, { "name": "a" } ] }""",
            """[ { "target": "$.parameters[?(@.name=='a')]", "remove": true } ]""",
            out var diagnostics);
        Assert.Empty(diagnostics.Items);
        Assert.Equal(["b"], root["parameters"]!.Select(p => (string?)p["name"]));
    }

    [Fact]
    public void Remove_deletes_a_property()
    {
        var root = Apply("""{ "x": { "y": 1 }, "z": 2 }""", """[ { "target": "$.x", "remove": true } ]""", out _);
        Assert.Null(root["x"]);
        Assert.Equal(2, (int)root["z"]!);
    }

    [Fact]
    public void Actions_apply_in_order()
    {
        var root = Apply("""{ "a": {} }""",
            """[ { "target": "$.a", "update": { "n": 1 } }, { "target": "$.a", "update": { "n": 2 } } ]""", out _);
        Assert.Equal(2, (int)root["a"]!["n"]!);
    }

    [Fact]
    public void Action_without_update_or_remove_is_an_error()
    {
        Apply("""{ "a": {} }""", """[ { "target": "$.a" } ]""", out var diagnostics);
        Assert.Equal(Codes.OverlayInvalid, Assert.Single(diagnostics.Items).Code);
    }

    [Fact]
    public void Document_without_overlay_version_is_an_error()
    {
        var diagnostics = new DiagnosticBag();
        OverlayApplier.Apply(new JObject(), JObject.Parse("""{ "actions": [] }"""), diagnostics);
        Assert.True(diagnostics.HasErrors);
    }
}
