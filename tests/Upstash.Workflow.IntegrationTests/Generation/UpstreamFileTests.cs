using Newtonsoft.Json.Linq;
using Upstash.Workflow.Generator.Documents;
using Upstash.Workflow.Generator;
using Upstash.Workflow.IntegrationTests.Support;
using Upstash.Workflow.TestSupport;
using Upstash.Workflow.TestSupport.Generation;
using Upstash.Workflow.TestSupport.Generation.Snapshots;
using Upstash.Workflow.Release;

namespace Upstash.Workflow.IntegrationTests.Generation;

/// <summary>
/// The project's overlay on our spec with every departure from upstream's published file undone (the
/// stray operation, number + date-time timestamps, an int32 Unix-seconds header, a required query
/// parameter the service does not require, the header maps written inline, x-mint): it still applies,
/// and the client is the one our own spec gives. Each departure is undone where the spec has it, so the tests hold
/// when openapi/openapi.yaml is upstream's file itself (then there is nothing to undo, and both sides are upstream's).
/// </summary>
public sealed class UpstreamFileTests
{
    /// <summary>Timestamps upstream types as <c>number</c> with <c>format: date-time</c> (Unix milliseconds, in fact).</summary>
    private static readonly string[] Timestamps = ["workflowCreatedAt", "createdAt", "workflowRunCreatedAt", "workflowRunCompletedAt", "nextDeliveryTime", "fromDate", "toDate"];

    /// <summary>
    /// Whether openapi/openapi.yaml is our own text (the lock's source is the file itself) rather than upstream's file as an
    /// update put it there (the lock's source is where it was read).
    /// </summary>
    private static bool OurText => SpecLock.Read(Path.Combine(Repository.Root, "openapi", "openapi.lock.json"))?.Source == "openapi/openapi.yaml";

    /// <summary>Our spec as upstream would write it: each departure docs/maintaining/upstream.md lists, undone; upstream's file as it is.</summary>
    private static string UpstreamShaped()
    {
        var spec = (JObject)YamlDocument.Load(Repository.Spec);
        if (!OurText)
        {
            return UpstreamMistakes(spec);
        }
        // Header maps inline, as upstream repeats them, instead of our component.
        if (spec.SelectToken("$.components.schemas.HeaderMap") is { } map)
        {
            foreach (var reference in spec.Descendants().OfType<JObject>().Where(o => o["$ref"] is JValue { Type: JTokenType.String } r && (string?)r == "#/components/schemas/HeaderMap").ToList())
            {
                reference.Replace(map.DeepClone());
            }
            map.Parent!.Remove();
        }
        var timestamps = spec.Descendants().OfType<JProperty>()
            .Where(p => p.Value is JObject { } schema && (string?)schema["format"] == "int64" && Timestamps.Contains(p.Name))
            .Select(p => (JObject)p.Value)
            .Concat(spec.Descendants().OfType<JObject>().Where(o => o["in"] is not null && Timestamps.Contains((string?)o["name"])).Select(o => (JObject)o["schema"]!))
            .ToList();
        foreach (var timestamp in timestamps)
        {
            timestamp["type"] = "number";
            timestamp["format"] = "date-time";
        }
        if (spec.SelectToken("$.paths['/v2/trigger/{workflowUrl}'].post.parameters[?(@.name=='Upstash-Not-Before')].schema") is JObject notBefore)
        {
            notBefore["format"] = "int32";
        }
        return UpstreamMistakes(spec);
    }

    /// <summary>The operation upstream declares that the service does not have, a parameter it requires that the service does not, x-mint.</summary>
    private static string UpstreamMistakes(JObject spec)
    {
        if (spec.SelectToken("$.paths['/v2/keys/rotate']") is JObject rotate && rotate["get"] is null)
        {
            rotate["get"] = JObject.Parse("""
                { "tags": ["Signing Keys"], "summary": "Rotate Signing Keys",
                  "parameters": [{ "in": "path", "name": "keyId", "required": true, "schema": { "type": "string" } }],
                  "responses": { "200": { "description": "ok" } } }
                """);
        }
        if (spec.SelectToken("$.paths['/v2/workflows/runs'].delete.parameters[?(@.name=='workflowUrl')]") is JObject workflowUrl)
        {
            workflowUrl["required"] = true;
        }
        if (spec["x-mint"] is null)
        {
            spec.AddFirst(new JProperty("x-mint", JObject.Parse("""{ "metadata": { "title": "Upstash" } }""")));
        }
        return spec.ToString(Newtonsoft.Json.Formatting.Indented);
    }

    [Fact]
    public void Project_overlay_fixes_upstreams_mistakes_and_the_client_compiles()
    {
        var spec = UpstreamShaped();
        Assert.NotNull(JObject.Parse(spec).SelectToken("$.paths['/v2/keys/rotate'].get"));
        using var run = new GeneratorRun(spec);

        Assert.False(run.Result.HasErrors, run.Findings);
        Assert.Empty(run.Of(Codes.OverlayNoMatch));
        Assert.Empty(run.Of(Codes.TimestampTypedAsDateTime));
        var effective = JObject.Parse(File.ReadAllText(run.Options.EffectiveSpec));
        Assert.Null(effective.SelectToken("$.paths['/v2/keys/rotate'].get"));
        Assert.False((bool)effective.SelectToken("$.paths['/v2/workflows/runs'].delete.parameters[?(@.name=='workflowUrl')].required")!);
        Assert.Equal("integer", (string?)effective.SelectToken("$.components.schemas.NotifyResponse.properties.workflowCreatedAt.type"));

        Assert.Empty(GeneratedCodeCompiler.Problems(run.ClientCode));
        Assert.Contains("public System.DateTimeOffset? WorkflowCreatedAt", run.ClientCode, StringComparison.Ordinal);
    }

    [Fact]
    public void Upstream_shaped_spec_gives_the_public_api_our_spec_gives()
    {
        var ours = GeneratedApi.Of((JObject)YamlDocument.Load(Repository.Spec));
        var upstream = GeneratedApi.Of(JObject.Parse(UpstreamShaped()));

        var changes = ApiChanges.Compare(ours, upstream);
        Assert.True(changes.Count == 0, "upstream's shape gives another client than ours:\n" + ApiChanges.Describe(changes));
        Assert.Equal(ours, upstream);
    }
}
