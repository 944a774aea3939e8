using Newtonsoft.Json.Linq;
using Upstash.Workflow.Generator.Spec;

namespace Upstash.Workflow.Generator.Tests.Generation;

public sealed class SchemaShapeTests
{
    private static bool Same(string a, string b) => SchemaShape.Same(JObject.Parse(a), JObject.Parse(b));

    [Fact]
    public void Documentation_and_unread_extensions_do_not_change_a_shape()
    {
        Assert.True(Same(
            """{ "type": "object", "description": "restarted", "x-mint": 1, "properties": { "id": { "type": "string", "description": "new run", "example": "wfr_1" } } }""",
            """{ "type": "object", "description": "resumed", "title": "T", "externalDocs": { "url": "u" }, "properties": { "id": { "type": "string", "examples": ["wfr_2"] } } }"""));
    }

    [Fact]
    public void Types_formats_enums_required_and_read_extensions_do()
    {
        const string Base = """{ "type": "object", "properties": { "at": { "type": "integer" } } }""";
        Assert.False(Same(Base, """{ "type": "object", "properties": { "at": { "type": "string" } } }"""));
        Assert.False(Same(Base, """{ "type": "object", "properties": { "at": { "type": "integer", "format": "int64" } } }"""));
        Assert.False(Same(Base, """{ "type": "object", "required": ["at"], "properties": { "at": { "type": "integer" } } }"""));
        Assert.False(Same(Base, """{ "type": "object", "properties": { "at": { "type": "integer", "x-unix-time": "milliseconds" } } }"""));
        Assert.False(Same(Base, """{ "type": "object", "properties": { "at": { "type": "integer", "enum": [1] } } }"""));
        Assert.False(Same(Base, """{ "type": "object", "properties": { "when": { "type": "integer" } } }"""));
    }

    [Fact]
    public void Property_names_that_look_like_keywords_are_names()
    {
        // "description" inside properties is a field of the answer, not documentation.
        Assert.False(Same(
            """{ "type": "object", "properties": { "description": { "type": "string" } } }""",
            """{ "type": "object", "properties": {} }"""));
    }
}
