using Newtonsoft.Json.Linq;
using Upstash.Workflow.Release;

namespace Upstash.Workflow.Generator.Tests.Release;

/// <summary>What the wire does differently between two effective specs, named where a reader finds it.</summary>
public sealed class WireChangesTests
{
    private const string Before = """
        {
          "paths": {
            "/v2/logs": { "get": { "operationId": "listLogs", "parameters": [ { "in": "query", "name": "count", "schema": { "type": "integer", "maximum": 1000 } }, { "in": "query", "name": "cursor" } ],
                                   "responses": { "200": { "description": "ok" } } } },
            "/v2/dlq/{id}": { "delete": { "operationId": "deleteFailedRun", "responses": { "200": { "description": "deleted" } } } }
          },
          "components": { "schemas": { "Run": { "description": "A run.", "properties": { "state": { "type": "string", "enum": [ "RUN_STARTED", "RUN_SUCCESS" ] } } } } }
        }
        """;

    [Fact]
    public void Each_kind_of_difference_is_named_once()
    {
        var after = JObject.Parse(Before);
        var logs = (JObject)after.SelectToken("paths['/v2/logs'].get")!;
        var parameters = (JArray)logs["parameters"]!;
        parameters.Insert(0, parameters[1].DeepClone());   // the same parameters in another order: no change
        parameters.RemoveAt(2);
        parameters[1]!["schema"]!["maximum"] = 500;
        parameters.Add(JObject.Parse("""{ "in": "header", "name": "Upstash-Priority" }"""));
        ((JObject)logs["responses"]!)["429"] = JObject.Parse("""{ "description": "rate limited" }""");
        ((JObject)after["paths"]!).Remove("/v2/dlq/{id}");
        ((JArray)after.SelectToken("components.schemas.Run.properties.state.enum")!).Add("RUN_PAUSED");
        after.SelectToken("components.schemas.Run")!["description"] = "One run.";
        // Upstream's documentation site's extension and examples are not the wire.
        logs["x-mint"] = JObject.Parse("""{ "content": "Shown on the site." }""");
        parameters[0]!["example"] = "abc";

        var changes = WireChanges.Compare(JObject.Parse(Before), after).Select(c => c.ToString()).ToList();

        Assert.Equal(
            [
                "`GET /v2/logs`: maximum `1000` → `500`",
                "`GET /v2/logs`: header parameter `Upstash-Priority` added",
                "`GET /v2/logs`: response 429 added",
                "`DELETE /v2/dlq/{id}`: operation `deleteFailedRun` removed",
                "`schema Run`: description rewritten",
                "`schema Run.state`: enum adds `RUN_PAUSED`",
            ],
            changes);
        Assert.Empty(WireChanges.Compare(JObject.Parse(Before), JObject.Parse(Before)));
    }
}
