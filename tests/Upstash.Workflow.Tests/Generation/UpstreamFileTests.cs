using Newtonsoft.Json.Linq;
using Upstash.Workflow.Generator;
using Upstash.Workflow.Tests.Support;

namespace Upstash.Workflow.Tests.Generation;

/// <summary>
/// The project's overlay on a spec with upstream's known mistakes put back (the stray operation, a
/// number + date-time timestamp, a required query parameter the service does not require, x-mint):
/// it still applies, and the full client still generates and compiles.
/// </summary>
public sealed class UpstreamFileTests
{
    private static string UpstreamShaped()
    {
        var spec = SpecEdits.Spec();
        spec = Replace(spec, "  /v2/keys/rotate:\n", "  /v2/keys/rotate:\n" + string.Join("\n",
            "    get:",
            "      tags:",
            "        - Signing Keys",
            "      summary: Rotate Signing Keys",
            "      parameters:",
            "        - in: path",
            "          name: keyId",
            "          required: true",
            "          schema:",
            "            type: string",
            "      responses:",
            "        '200':",
            "          description: ok",
            ""));
        spec = Replace(spec, """
                    workflowCreatedAt:
                      type: integer
                      format: int64
                      description: When the notified run was created, in Unix milliseconds.
            """, """
                    workflowCreatedAt:
                      type: number
                      format: date-time
                      description: When the notified run was created, in Unix milliseconds.
            """);
        spec = Replace(spec, """
                    # cancel by ids or by label has no URL to give. It is optional here.
                    - in: query
                      name: workflowUrl
                      required: false
            """, """
                    - in: query
                      name: workflowUrl
                      required: true
            """);
        return "x-mint:\n  metadata: { title: Upstash }\n" + spec;
    }

    private static string Replace(string text, string from, string to)
    {
        Assert.Contains(from, text, StringComparison.Ordinal);
        return text.Replace(from, to, StringComparison.Ordinal);
    }

    [Fact]
    public void Project_overlay_fixes_upstreams_mistakes_and_the_client_compiles()
    {
        var spec = UpstreamShaped();
        Assert.Contains("  /v2/keys/rotate:\n    get:\n", spec, StringComparison.Ordinal);
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
}
