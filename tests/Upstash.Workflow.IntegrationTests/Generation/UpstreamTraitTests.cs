using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using Upstash.Workflow.Generator;
using Upstash.Workflow.Generator.Spec;
using Upstash.Workflow.IntegrationTests.Support;
using Upstash.Workflow.TestSupport;
using Upstash.Workflow.TestSupport.Generation;

namespace Upstash.Workflow.IntegrationTests.Generation;

/// <summary>
/// Each trait of upstream's published spec file, alone in a small spec (Generation/Traits/*.yaml),
/// through the real generator with no overlay: it yields compiling, well-named code, or stops with a
/// finding that names the operation and the overlay action that fixes it.
/// </summary>
public sealed class UpstreamTraitTests
{
    private static string Trait(string name) =>
        File.ReadAllText(Repository.Tests("Upstash.Workflow.IntegrationTests", "Generation", "Traits", name + ".yaml"));

    private static GeneratorRun Run(string trait) => new(Trait(trait), useProjectOverlay: false);

    private static string Compiles(GeneratorRun run)
    {
        Assert.False(run.Result.HasErrors, run.Findings);
        var code = run.ClientCode;
        Assert.Empty(GeneratedCodeCompiler.Problems(code));
        Assert.Empty(Names.PlaceholdersIn(code));
        return code;
    }

    [Fact]
    public void No_operation_ids_gives_names_from_summaries()
    {
        using var run = Run("no-operation-ids");
        var code = Compiles(run);
        Assert.Contains("Task GetFailedWorkflowRunAsync(string dlqId,", code, StringComparison.Ordinal);
        Assert.Contains("Task DeleteFailedWorkflowRunAsync(string dlqId,", code, StringComparison.Ordinal);
        Assert.Equal(2, run.Of(Codes.NameNotPinned).Count());
    }

    [Fact]
    public void Inline_schemas_get_names_from_their_place()
    {
        using var run = Run("inline-schemas");
        var code = Compiles(run);
        Assert.Contains("class ListWorkflowRunLogsResult", code, StringComparison.Ordinal);
        Assert.Contains("class ListWorkflowRunLogsResultRunsItem", code, StringComparison.Ordinal);
        Assert.Contains("class ListWorkflowRunLogsResultRunsItemInvoker", code, StringComparison.Ordinal);
        // An error answer's body is named in the effective spec, for other languages; the C# client maps
        // every error answer to a typed exception and has no class for it.
        Assert.DoesNotContain("class ListWorkflowRunLogsBadRequestBody", code, StringComparison.Ordinal);
        Assert.Contains("\"ListWorkflowRunLogsBadRequestBody\"", File.ReadAllText(run.Options.EffectiveSpec), StringComparison.Ordinal);
    }

    [Fact]
    public void Wildcard_headers_become_maps_sent_one_header_per_entry()
    {
        using var run = Run("wildcard-headers");
        var code = Compiles(run);
        // Optional headers are members of the call's options type, a family one map each.
        Assert.Contains("public System.Collections.Generic.IDictionary<string, string>? ForwardHeaders { get; set; }", code, StringComparison.Ordinal);
        Assert.Contains("public System.Collections.Generic.IDictionary<string, string>? FailureCallbackForwardHeaders { get; set; }", code, StringComparison.Ordinal);
        Assert.Contains("RequestGuard.PrefixedHeaders(forwardHeadersValue_, \"Upstash-Forward-\", \"options.ForwardHeaders\")", code, StringComparison.Ordinal);
    }

    [Fact]
    public void Misplaced_wildcard_stops_the_build_with_the_fix()
    {
        var spec = Trait("wildcard-headers").Replace("Upstash-Forward-*", "Upstash-*-Forward", StringComparison.Ordinal);
        using var run = new GeneratorRun(spec, useProjectOverlay: false);
        var finding = Assert.Single(run.Of(Codes.HeaderNameInvalid));
        Assert.Contains("POST /v2/trigger/{workflowUrl} declares header 'Upstash-*-Forward'", finding.Message, StringComparison.Ordinal);
        Assert.Contains("parameters[?(@.name=='Upstash-*-Forward')]\", remove: true", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Stray_path_parameter_stops_the_build_with_the_fix()
    {
        using var run = Run("stray-path-parameter");
        var finding = Assert.Single(run.Of(Codes.PathParameterMissing));
        Assert.Contains("GET /v2/keys/rotate declares path parameter 'keyId'", finding.Message, StringComparison.Ordinal);
        Assert.Contains("{ target: \"$.paths['/v2/keys/rotate'].get\", remove: true }", finding.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(run.Options.ClientFile));
    }

    [Fact]
    public void Number_date_time_timestamps_compile_and_are_reported_with_the_fix()
    {
        using var run = Run("number-date-time");
        Compiles(run);
        var finding = Assert.Single(run.Of(Codes.TimestampTypedAsDateTime));
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Contains("workflowCreatedAt", finding.Message, StringComparison.Ordinal);
        Assert.Contains("x-unix-time: milliseconds", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Number_date_time_query_parameters_compile_as_numbers_and_are_reported_with_the_fix()
    {
        using var run = Run("number-date-time-query");
        var code = Compiles(run);
        Assert.Contains("CancelWorkflowRunsAsync(BulkCancelWorkflowRunsOptions? options = null,", code, StringComparison.Ordinal);
        Assert.Contains("public double? FromDate { get; set; }", code, StringComparison.Ordinal);
        Assert.Contains("public double? ToDate { get; set; }", code, StringComparison.Ordinal);
        var findings = run.Of(Codes.TimestampTypedAsDateTime).ToList();
        Assert.Equal(2, findings.Count);
        Assert.All(findings, f => Assert.Equal(Severity.Warning, f.Severity));
        Assert.Contains("query parameter 'fromDate'", findings[0].Message, StringComparison.Ordinal);
        // The fix selects the parameter by name, as an overlay target should.
        Assert.Contains("target: \"$.paths['/v2/workflows/runs'].delete.parameters[?(@.name=='fromDate')].schema\"", findings[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Number_date_time_query_parameters_with_the_overlay_fix_are_typed_times_sent_as_unix_milliseconds()
    {
        // The fix the finding proposes, written in RFC 9535 filter syntax.
        using var run = new GeneratorRun(Trait("number-date-time-query"), """
            overlay: 1.0.0
            info: { title: t, version: 1.0.0 }
            actions:
              - target: $.paths['/v2/workflows/runs'].delete.parameters[?@.name=='fromDate' || @.name=='toDate'].schema
                update: { type: integer, format: int64, x-unix-time: milliseconds }
            """);
        var code = Compiles(run);
        Assert.Empty(run.Of(Codes.TimestampTypedAsDateTime));
        Assert.Contains("public System.DateTimeOffset? FromDate { get; set; }", code, StringComparison.Ordinal);
        Assert.Contains("RequestGuard.AppendQuery(ref url_, \"fromDate\", Upstash.Workflow.Core.RequestGuard.UnixMilliseconds(fromDateValue_, \"options.FromDate\"));", code, StringComparison.Ordinal);
    }

    [Fact]
    public void Same_shapes_that_differ_only_in_descriptions_share_one_title_and_one_class()
    {
        using var run = new GeneratorRun(Trait("same-shape-other-descriptions"), """
            overlay: 1.0.0
            info: { title: t, version: 1.0.0 }
            actions:
              - target: $.paths[*].post.responses['200'].content['application/json'].schema
                update: { title: BulkRunAgainResult }
              - target: $.paths[*].post.responses['200'].content['application/json'].schema.properties.workflowRuns.items
                update: { title: StartedRun }
            """);
        var code = Compiles(run);
        Assert.Single(Regex.Matches(code, @"\bclass BulkRunAgainResult\b"));
        Assert.Single(Regex.Matches(code, @"\bclass StartedRun\b"));
        Assert.Contains("Task<BulkRunAgainResult> BulkRestartWorkflowsFromDlqAsync(", code, StringComparison.Ordinal);
        Assert.Contains("Task<BulkRunAgainResult> BulkResumeWorkflowsFromDlqAsync(", code, StringComparison.Ordinal);
        // The first description wins, in the code and in the effective spec other languages read.
        Assert.Contains("The runs that were restarted.", code, StringComparison.Ordinal);
        Assert.DoesNotContain("The runs that were resumed.", code, StringComparison.Ordinal);
        var effective = JObject.Parse(File.ReadAllText(run.Options.EffectiveSpec));
        Assert.Equal("#/components/schemas/BulkRunAgainResult", (string?)effective.SelectToken("$.paths['/v2/workflows/dlq/resume'].post.responses['200'].content['application/json'].schema.$ref"));
        Assert.Equal("#/components/schemas/StartedRun", (string?)effective.SelectToken("$.components.schemas.BulkRunAgainResult.properties.workflowRuns.items.$ref"));
    }

    [Fact]
    public void Same_title_on_different_shapes_stops_the_build_with_the_fix()
    {
        var spec = Trait("same-shape-other-descriptions").Replace(
            "workflowRunId: { type: string, description: The new run's ID., example: wfr_resumed }",
            "workflowRunId: { type: integer }", StringComparison.Ordinal);
        using var run = new GeneratorRun(spec, """
            overlay: 1.0.0
            info: { title: t, version: 1.0.0 }
            actions:
              - target: $.paths[*].post.responses['200'].content['application/json'].schema.properties.workflowRuns.items
                update: { title: StartedRun }
            """);
        var finding = Assert.Single(run.Of(Codes.SchemaTitleClash));
        Assert.Contains("'StartedRun'", finding.Message, StringComparison.Ordinal);
        Assert.Contains("update: { title: <name> }", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Multi_content_body_becomes_a_payload_of_text_json_or_bytes()
    {
        using var run = Run("multi-content-body");
        var code = Compiles(run);
        Assert.Contains("NotifyEventAsync(string eventId, WorkflowPayload? payload = null,", code, StringComparison.Ordinal);
        Assert.Contains("request_.Content = payload?.ToHttpContent();", code, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Redirect_as_the_only_success_returns_instead_of_throwing()
    {
        using var run = Run("redirect-success");
        var code = Compiles(run);
        var answer = 302;
        await using var server = await RecordingServer.StartAsync(context =>
        {
            context.Response.StatusCode = answer;
            context.Response.Headers.Location = "https://example.com/elsewhere";
            return Task.CompletedTask;
        });
        using var handler = new SocketsHttpHandler { AllowAutoRedirect = false };

        // The generated client, compiled and loaded, called as a user calls it: the 302 returns normally
        // and is not followed; an answer the spec does not call success still throws.
        var context = new System.Runtime.Loader.AssemblyLoadContext("redirect trait", isCollectible: true);
        try
        {
            var assembly = context.LoadFromStream(new MemoryStream(GeneratedCodeCompiler.Emit(code)));
            // The full form (the short one, without options, calls it).
            var method = assembly.GetTypes().SelectMany(t => t.GetMethods()).Single(m => m.Name == "CancelInProgressFailureCallbackAsync" && m.IsVirtual);
            // The group as the generated root client makes it: over a handler chain, with the default telemetry and a timeout.
            var rootType = assembly.GetTypes().Single(t => t.Name == "UpstashWorkflowClient");
            var root = Activator.CreateInstance(rootType, System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic, null,
                [handler, server.BaseAddress, null, Diagnostics.UpstashTelemetry.Default, TimeSpan.FromSeconds(30)], null)!;
            var group = rootType.GetProperties().Single(p => p.PropertyType == method.DeclaringType).GetValue(root)!;
            Task Cancel() => (Task)method.Invoke(group, ["dlq-1", null, TestContext.Token])!;

            await Cancel();
            answer = 404;
            await Assert.ThrowsAsync<NotFoundException>(Cancel);
        }
        finally
        {
            context.Unload();
        }
        Assert.Equal(["DELETE /v2/workflows/dlq/callback/dlq-1", "DELETE /v2/workflows/dlq/callback/dlq-1"], server.Requests.Select(r => $"{r.Method} {r.RawTarget}"));
    }

    [Fact]
    public void Property_named_like_its_schema_stops_the_build_with_the_fix()
    {
        // C# has no member named like its class: the build says which title to add. Error.error does not matter to
        // C#: error bodies become exceptions, not classes.
        using var run = Run("property-named-like-schema");
        var finding = Assert.Single(run.Of(Codes.GeneratedNameRejected));
        Assert.Contains("has a property 'flowControlKey' named like the schema itself", finding.Message, StringComparison.Ordinal);
        Assert.Contains("{ target: \"$.components.schemas.FlowControlKey\", update: { title: <name> } }", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Property_named_like_its_schema_with_the_overlay_title_compiles()
    {
        using var run = new GeneratorRun(Trait("property-named-like-schema"), "overlay: 1.0.0\ninfo: { title: t, version: 1.0.0 }\nactions:\n  - target: $.components.schemas.FlowControlKey\n    update:\n      title: FlowControlKeyStatus\n");
        var code = Compiles(run);
        Assert.Contains("public partial class FlowControlKeyStatus", code, StringComparison.Ordinal);
        Assert.Contains("public string? FlowControlKey { get; set; }", code, StringComparison.Ordinal);
    }

    [Fact]
    public void Odd_vendor_extensions_are_ignored()
    {
        using var run = Run("odd-vendor-extensions");
        var code = Compiles(run);
        Assert.Contains("Task<GetSigningKeysResult> GetSigningKeysAsync(", code, StringComparison.Ordinal);
    }
}
