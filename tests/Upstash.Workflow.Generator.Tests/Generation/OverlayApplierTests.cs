using Newtonsoft.Json.Linq;
using Upstash.Workflow.Generator;
using Upstash.Workflow.Generator.Overlay;

namespace Upstash.Workflow.Generator.Tests.Generation;

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

    [Theory]
    [InlineData("$.parameters[?@.name=='a']")]
    [InlineData("$.parameters[?@.name==\"a\"]")]
    [InlineData("$.parameters[?(@.name=='a')]")]
    [InlineData("$.parameters[? @.name == 'a' ]")]
    public void Filters_are_read_in_rfc_9535_form_and_in_the_older_wrapped_form(string target)
    {
        var root = Apply(
            """{ "parameters": [ { "name": "a" }, { "name": "b" }, { "name": "a" } ] }""",
            $$"""[ { "target": {{JValue.CreateString(target).ToString(Newtonsoft.Json.Formatting.None)}}, "update": { "seen": true } } ]""",
            out var diagnostics);
        Assert.Empty(diagnostics.Items);
        Assert.Equal([true, null, true], root["parameters"]!.Select(p => (bool?)p["seen"]));
    }

    [Fact]
    public void Wildcard_selects_the_members_of_objects_and_arrays()
    {
        var root = Apply(
            """{ "paths": { "/a": { "post": {} }, "/b": { "get": {}, "post": {} } }, "list": [ {}, {} ] }""",
            """[ { "target": "$.paths[*].post", "update": { "seen": true } }, { "target": "$.list[*]", "update": { "seen": true } } ]""",
            out var diagnostics);
        Assert.Empty(diagnostics.Items);
        Assert.Equal(4, root.Descendants().OfType<JProperty>().Count(p => p.Name == "seen"));
        Assert.Null(root.SelectToken("$.paths['/b'].get.seen"));
    }

    [Fact]
    public void A_filter_on_the_operations_selects_those_an_earlier_action_marked()
    {
        var root = Apply(
            """{ "paths": { "/a": { "get": { "parameters": [ { "name": "id" } ] }, "delete": { "parameters": [ { "name": "id" } ] } }, "/b": { "post": { "parameters": [ { "name": "id" } ] } } } }""",
            """[ { "target": "$.paths['/a'].delete", "update": { "x-bulk": true } }, { "target": "$.paths['/b'].post", "update": { "x-bulk": true } },""" +
            """ { "target": "$.paths[*][?@['x-bulk']==true].parameters[?@.name=='id']", "update": { "seen": true } } ]""",
            out var diagnostics);
        Assert.Empty(diagnostics.Items);
        Assert.Equal(true, (bool?)root.SelectToken("$.paths['/a'].delete.parameters[0].seen"));
        Assert.Equal(true, (bool?)root.SelectToken("$.paths['/b'].post.parameters[0].seen"));
        Assert.Null(root.SelectToken("$.paths['/a'].get.parameters[0].seen"));
    }

    [Theory]
    [InlineData("$.p[?@.name=='a' || @.name=='b']", "$.p[?(@.name=='a' || @.name=='b')]")]
    [InlineData("$.p[?(@.a=='x') && (@.b=='y')]", "$.p[?((@.a=='x') && (@.b=='y'))]")]
    [InlineData("$.p[?@.name==\"it's ]\"].q", "$.p[?(@.name=='it\\'s ]')].q")]
    [InlineData("$.paths['/v2/x'].post", "$.paths['/v2/x'].post")]
    public void Rfc_9535_filters_are_rewritten_for_the_evaluator(string rfc, string newtonsoft) =>
        Assert.Equal(newtonsoft, JsonPathDialect.ToNewtonsoft(rfc));

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

    /// <summary>Every way an overlay can be malformed is UG0002, alone, saying what is wrong; nothing is applied.</summary>
    [Theory]
    [InlineData("""{ "actions": [] }""", "needs 'overlay: 1.0.0'")]
    [InlineData("""{ "overlay": "1.0.0" }""", "no 'actions' list")]
    [InlineData("""{ "overlay": "1.0.0", "actions": [ 7 ] }""", "action 1 is not an object with a 'target'")]
    [InlineData("""{ "overlay": "1.0.0", "actions": [ { "update": {} } ] }""", "action 1 has no 'target'")]
    [InlineData("""{ "overlay": "1.0.0", "actions": [ { "target": "$.a" } ] }""", "neither 'update' nor 'remove: true'")]
    [InlineData("""{ "overlay": "1.0.0", "actions": [ { "target": "$.a[?(@.x==", "remove": true } ] }""", "not a JSONPath")]
    [InlineData("""{ "overlay": "1.0.0", "actions": [ { "target": "$", "remove": true } ] }""", "would remove the whole document")]
    [InlineData("""{ "overlay": "1.0.0", "actions": [ { "target": "$.a.n", "update": { "m": 1 } } ] }""", "the target is a Integer")]
    public void A_malformed_overlay_is_UG0002(string overlay, string says)
    {
        var root = JObject.Parse("""{ "a": { "n": 1 } }""");
        var diagnostics = new DiagnosticBag();

        OverlayApplier.Apply(root, JObject.Parse(overlay), diagnostics);

        var finding = Assert.Single(diagnostics.Items);
        Assert.Equal((Severity.Error, "UG0002"), (finding.Severity, finding.Code));
        Assert.Contains(says, finding.Message, StringComparison.Ordinal);
        Assert.Equal("""{"a":{"n":1}}""", root.ToString(Newtonsoft.Json.Formatting.None));
    }
}
