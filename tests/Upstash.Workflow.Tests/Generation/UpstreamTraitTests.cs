using Upstash.Workflow.Generator;
using Upstash.Workflow.Tests.Support;

namespace Upstash.Workflow.Tests.Generation;

/// <summary>
/// Each trait of upstream's published spec file, alone in a small spec (Generation/Traits/*.yaml),
/// through the real generator with no overlay: it yields compiling, well-named code, or stops with a
/// finding that names the operation and the overlay action that fixes it.
/// </summary>
public sealed class UpstreamTraitTests
{
    private static string Trait(string name) =>
        File.ReadAllText(Path.Combine(Repository.Root, "tests", "Upstash.Workflow.Tests", "Generation", "Traits", name + ".yaml"));

    private static GeneratorRun Run(string trait) => new(Trait(trait), useProjectOverlay: false);

    private static string Compiles(GeneratorRun run)
    {
        Assert.False(run.Result.HasErrors, run.Findings);
        var code = run.ClientCode;
        Assert.Empty(GeneratedCodeCompiler.Problems(code));
        Assert.DoesNotMatch(@"\b(class|enum) (Anonymous|Response)\d*\b", code);
        Assert.DoesNotMatch(@"\bupstash_\w+", code);
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
        Assert.Contains("class ListWorkflowRunLogsBadRequestBody", code, StringComparison.Ordinal);
    }

    [Fact]
    public void Wildcard_headers_become_maps_sent_one_header_per_entry()
    {
        using var run = Run("wildcard-headers");
        var code = Compiles(run);
        Assert.Contains("System.Collections.Generic.IDictionary<string, string>? forwardHeaders = null", code, StringComparison.Ordinal);
        Assert.Contains("System.Collections.Generic.IDictionary<string, string>? failureCallbackForwardHeaders = null", code, StringComparison.Ordinal);
        Assert.Contains("RequestGuard.PrefixedHeaders(forwardHeaders, \"Upstash-Forward-\", \"forwardHeaders\")", code, StringComparison.Ordinal);
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
    public void Multi_content_body_becomes_a_payload_of_text_json_or_bytes()
    {
        using var run = Run("multi-content-body");
        var code = Compiles(run);
        Assert.Contains("NotifyEventAsync(string eventId, WorkflowPayload? payload = null,", code, StringComparison.Ordinal);
        Assert.Contains("request_.Content = payload?.ToHttpContent(JsonSerializerSettings);", code, StringComparison.Ordinal);
    }

    [Fact]
    public void Redirect_as_the_only_success_returns_instead_of_throwing()
    {
        using var run = Run("redirect-success");
        var code = Compiles(run);
        Assert.Contains("Task CancelInProgressFailureCallbackAsync(string dlqId,", code, StringComparison.Ordinal);
        Assert.Contains("request_.Options.Set(Upstash.Workflow.Core.UpstashClientBase.SuccessRedirect, 302);", code, StringComparison.Ordinal);
        Assert.Contains("if (status_ == 200)", code, StringComparison.Ordinal);
    }

    [Fact]
    public void Property_named_like_its_schema_stops_the_build_with_the_fix()
    {
        // NSwag would compile it as "Error1", a name nobody would write: the build says which title to add instead.
        using var run = Run("property-named-like-schema");
        var finding = Assert.Single(run.Of(Codes.GeneratedNameRejected));
        Assert.Contains("property 'Error1'", finding.Message, StringComparison.Ordinal);
        Assert.Contains("{ target: \"$.components.schemas.Error\", update: { title: <name> } }", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Property_named_like_its_schema_with_the_overlay_title_compiles()
    {
        using var run = new GeneratorRun(Trait("property-named-like-schema"), "overlay: 1.0.0\ninfo: { title: t, version: 1.0.0 }\nactions:\n  - target: $.components.schemas.Error\n    update:\n      title: ApiError\n");
        var code = Compiles(run);
        Assert.Contains("public string Error { get; set; }", code, StringComparison.Ordinal);
    }

    [Fact]
    public void Odd_vendor_extensions_are_ignored()
    {
        using var run = Run("odd-vendor-extensions");
        var code = Compiles(run);
        Assert.Contains("Task<GetSigningKeysResult> GetSigningKeysAsync(", code, StringComparison.Ordinal);
    }
}
