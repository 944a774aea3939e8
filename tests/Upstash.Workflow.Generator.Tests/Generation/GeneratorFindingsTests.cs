using Upstash.Workflow.Generator;
using Upstash.Workflow.Generator.Spec;
using Upstash.Workflow.TestSupport;
using Upstash.Workflow.TestSupport.Generation;

namespace Upstash.Workflow.Generator.Tests.Generation;

/// <summary>
/// A broken spec or overlay stops generation with the real cause: file and line, the operation, and
/// the overlay action that fixes it. Nothing reaches NSwag in these cases.
/// </summary>
public sealed class GeneratorFindingsTests
{
    private const string Restart = "POST /v2/workflows/dlq/restart/{dlqId}";
    private const string RestartTarget = "$.paths['/v2/workflows/dlq/restart/{dlqId}'].post";

    [Fact]
    public void Invalid_yaml_names_the_file_and_line()
    {
        // Restart's summary, whatever it says, one space less indented than its siblings.
        var lines = SpecEdits.ToYaml(SpecEdits.Load()).Split('\n');
        var restart = Array.FindIndex(lines, l => l.TrimStart() == SpecEdits.RestartPath + ":");
        var summary = Array.FindIndex(lines, restart, l => l.TrimStart().StartsWith("summary:", StringComparison.Ordinal));
        lines[summary] = lines[summary][1..];
        var spec = string.Join('\n', lines);
        using var run = new GeneratorRun(spec);
        var finding = Assert.Single(run.Of(Codes.Unreadable));
        Assert.EndsWith("openapi.yaml", finding.Location!.File, StringComparison.Ordinal);
        Assert.Equal(summary + 1, finding.Location.Line);
        Assert.Contains("openapi.yaml(", finding.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(run.Options.ClientFile));
    }

    [Fact]
    public void Path_parameter_missing_from_the_path_is_refused_with_the_fix()
    {
        var spec = SpecEdits.AddRestartParameter(SpecEdits.Path("keyId"));
        using var run = new GeneratorRun(spec);
        var finding = Assert.Single(run.Of(Codes.PathParameterMissing));
        Assert.Contains($"{Restart} declares path parameter 'keyId'", finding.Message, StringComparison.Ordinal);
        Assert.Contains("remove: true", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Header_that_would_share_an_options_member_is_refused_with_the_fix()
    {
        // Restart's optional headers are RestartWorkflowOptions members: "Retries" would be a second Retries.
        var spec = SpecEdits.AddRestartParameter(SpecEdits.Header("Retries"));
        using var run = new GeneratorRun(spec);
        var finding = Assert.Single(run.Of(Codes.ParameterNameClash));
        Assert.Contains("'Retries'", finding.Message, StringComparison.Ordinal);
        Assert.Contains("'Upstash-Retries'", finding.Message, StringComparison.Ordinal);
        Assert.Contains("RestartWorkflowOptions.Retries", finding.Message, StringComparison.Ordinal);
        Assert.Contains("x-options-member", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parameter_that_would_share_a_method_parameter_name_is_refused_with_the_fix()
    {
        // A required query parameter stays a method parameter, beside the path's dlqId.
        var spec = SpecEdits.AddRestartParameter(SpecEdits.Query("dlqId", required: true));
        using var run = new GeneratorRun(spec);
        var finding = Assert.Single(run.Of(Codes.ParameterNameClash));
        Assert.Contains("query parameter 'dlqId'", finding.Message, StringComparison.Ordinal);
        Assert.Contains("path parameter 'dlqId'", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Operations_the_overlay_does_not_name_get_readable_names_and_are_reported()
    {
        using var run = new GeneratorRun(SpecEdits.RestartOnly(), ErrorTitleOnly);
        Assert.False(run.Result.HasErrors, run.Findings);
        var report = Assert.Single(run.Of(Codes.NameNotPinned));
        Assert.Equal(Severity.Warning, report.Severity);
        Assert.Contains(Restart, report.Message, StringComparison.Ordinal);
        Assert.Contains("'restartWorkflowFromDlq'", report.Message, StringComparison.Ordinal);
        Assert.Contains("'RestartWorkflowFromDlqResult'", report.Message, StringComparison.Ordinal);

        var code = run.ClientCode;
        Assert.Contains("Task<RestartWorkflowFromDlqResult> RestartWorkflowFromDlqAsync(string dlqId, RestartWorkflowFromDlqOptions? options = null", code, StringComparison.Ordinal);
        Assert.Contains("public int? Retries { get; set; }", code, StringComparison.Ordinal);
        Assert.Empty(Names.PlaceholdersIn(code));
    }

    [Fact]
    public void Two_operations_that_would_share_a_name_are_refused()
    {
        var spec = SpecEdits.RestartOnly();
        var start = spec.IndexOf("  /v2/workflows/dlq/restart/{dlqId}:", StringComparison.Ordinal);
        var end = spec.IndexOf("components:", StringComparison.Ordinal);
        var copy = spec[start..end].Replace("/v2/workflows/dlq/restart/{dlqId}:", "/v2/workflows/dlq/restart-again/{dlqId}:", StringComparison.Ordinal);
        using var run = new GeneratorRun(spec.Insert(end, copy), useProjectOverlay: false);
        var finding = Assert.Single(run.Of(Codes.OperationIdDuplicate));
        Assert.Contains("'restartWorkflowFromDlq'", finding.Message, StringComparison.Ordinal);
        Assert.Contains("operationId", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Overlay_action_that_matches_nothing_is_a_warning_not_a_failure()
    {
        var actions = "  - target: $.paths['/v2/no/such/path'].get\n    update:\n      operationId: ghost\n";
        using var run = new GeneratorRun(SpecEdits.Spec(), overlayActions: actions);
        Assert.False(run.Result.HasErrors, run.Findings);
        var finding = Assert.Single(run.Of(Codes.OverlayNoMatch));
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Contains("/v2/no/such/path", finding.Message, StringComparison.Ordinal);
        Assert.EndsWith("overlay.yaml", finding.Location!.File, StringComparison.Ordinal);
    }

    [Fact]
    public void Overlay_target_that_is_not_jsonpath_is_refused_at_its_line()
    {
        var overlay = "overlay: 1.0.0\ninfo:\n  title: t\n  version: 1.0.0\nactions:\n  - target: $.paths[\n    update:\n      x: 1\n";
        using var run = new GeneratorRun(SpecEdits.Spec(), overlay);
        var finding = Assert.Single(run.Of(Codes.OverlayInvalid));
        Assert.Contains("overlay action 1", finding.Message, StringComparison.Ordinal);
        Assert.Equal(6, finding.Location!.Line);
    }

    [Fact]
    public void Paging_marker_naming_a_field_the_answer_lacks_is_refused_with_the_fix()
    {
        var actions = "  - target: $.paths['/v2/workflows/dlq'].get\n" +
            "    update:\n      x-paging: { cursorParameter: cursor, cursorField: next, itemsField: messages }\n";
        using var run = new GeneratorRun(SpecEdits.Spec(), overlayActions: actions);
        var finding = Assert.Single(run.Of(Codes.PagingInvalid));
        Assert.Contains("GET /v2/workflows/dlq: x-paging names the cursor field 'next'", finding.Message, StringComparison.Ordinal);
        Assert.Contains("target: \"$.paths['/v2/workflows/dlq'].get\"", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Enum_descriptions_not_one_per_value_are_refused()
    {
        var actions = "  - target: $.components.schemas.StepInfo.properties.state\n" +
            "    update:\n      x-enum-descriptions: [\"Ran.\"]\n";
        using var run = new GeneratorRun(SpecEdits.Spec(), overlayActions: actions);
        var finding = Assert.Single(run.Of(Codes.EnumListsMisaligned));
        Assert.Contains("x-enum-descriptions at $.components.schemas", finding.Message, StringComparison.Ordinal);
        Assert.Contains("where enum has 5 values", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Enum_description_of_a_value_upstream_dropped_is_a_warning_and_the_others_stay_in_place()
    {
        var actions = "  - target: $.components.schemas.StepInfo.properties.state\n" +
            "    update:\n      enum: [STEP_SUCCESS, STEP_NEW]\n";
        using var run = new GeneratorRun(SpecEdits.Spec(), overlayActions: actions);
        Assert.False(run.Result.HasErrors, run.Findings);
        var stale = run.Of(Codes.EnumListsMisaligned).ToList();
        Assert.All(stale, f => Assert.Equal(Severity.Warning, f.Severity));
        Assert.Contains(stale, f => f.Message.Contains("describes 'STEP_RETRY', which is not one of its values", StringComparison.Ordinal));
        var state = Newtonsoft.Json.Linq.JObject.Parse(File.ReadAllText(run.Options.EffectiveSpec)).SelectToken("$.components.schemas.StepState")!;
        Assert.Equal(["Ran and returned its result.", ""], state["x-enum-descriptions"]!.Select(d => (string)d!));
    }

    [Fact]
    public void Unterminated_flow_sequence_in_a_flow_mapping_is_a_finding_with_its_position()
    {
        // YamlDotNet's scanner throws an InvalidOperationException on this text, not a YamlException.
        using var run = new GeneratorRun("info: {title: x\npaths: [\n");

        var finding = Assert.Single(run.Result.Items, d => d.Severity == Severity.Error);
        Assert.Equal(Codes.Unreadable, finding.Code);
        Assert.EndsWith("openapi.yaml", finding.Location!.File, StringComparison.Ordinal);
        Assert.True(finding.Location.Line >= 1, finding.ToString());
    }

    [Fact]
    public void A_yaml_alias_that_contains_itself_is_a_finding_not_a_stack_overflow()
    {
        using var run = new GeneratorRun("openapi: 3.1.0\nx: &a [*a]\n");

        var finding = Assert.Single(run.Of(Codes.Unreadable));
        Assert.Contains("cycle", finding.Message, StringComparison.Ordinal);
        Assert.Equal(2, finding.Location!.Line);
    }

    [Fact]
    public void Removing_the_document_root_is_refused_in_the_overlay()
    {
        using var run = new GeneratorRun(SpecEdits.Spec(), "overlay: 1.0.0\ninfo: { title: t, version: 1.0.0 }\nactions:\n  - target: $\n    remove: true\n");

        var finding = Assert.Single(run.Of(Codes.OverlayInvalid));
        Assert.Contains("would remove the whole document", finding.Message, StringComparison.Ordinal);
        Assert.Equal(4, finding.Location!.Line);
    }

    [Fact]
    public void A_node_of_the_wrong_shape_is_a_finding_at_its_place()
    {
        var actions = "  - target: $.paths['/v2/workflows/dlq'].get\n    update:\n      responses: 7\n";
        using var run = new GeneratorRun(SpecEdits.Spec(), overlayActions: actions);

        var finding = Assert.Single(run.Of(Codes.Unreadable));
        Assert.Equal("$.paths['/v2/workflows/dlq'].get.responses is the number 7 where OpenAPI has the responses (an object)", finding.Message);
    }

    [Fact]
    public void Unix_time_mark_on_a_string_is_refused()
    {
        var actions = "  - target: $.paths['/v2/workflows/dlq/restart/{dlqId}'].post.responses['200'].content['application/json'].schema.properties.workflowRunId\n" +
            "    update:\n      x-unix-time: milliseconds\n";
        using var run = new GeneratorRun(SpecEdits.Spec(), overlayActions: actions);
        var finding = Assert.Single(run.Of(Codes.UnixTimeInvalid));
        Assert.Contains("string schema", finding.Message, StringComparison.Ordinal);
    }

    /// <summary>An overlay that names only the error schema (Error.error would otherwise be refused), so nothing else is pinned.</summary>
    private const string ErrorTitleOnly = "overlay: 1.0.0\ninfo: { title: t, version: 1.0.0 }\nactions:\n  - target: $.components.schemas.Error\n    update:\n      title: ApiError\n";

    [Theory]
    [InlineData("$.paths['/v2/workflows/dlq/restart/{dlqId}'].post", "operationId: restartWorkflow2", "'RestartWorkflow2Async'")]
    [InlineData("$.paths['/v2/workflows/dlq/restart/{dlqId}'].post.responses['200'].content['application/json'].schema", "title: Response2", "'Response2'")]
    public void A_name_nobody_would_choose_is_UG0202(string target, string update, string named)
    {
        using var run = new GeneratorRun(SpecEdits.Spec(), overlayActions: $"  - target: {target}\n    update:\n      {update}\n");

        var finding = Assert.Single(run.Of(Codes.GeneratedNameRejected));
        Assert.Contains($"would be named {named} in C#", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_parameter_name_ending_in_an_underscore_is_kept_for_the_generated_locals()
    {
        var actions = "  - target: $.paths['/v2/workflows/dlq/restart/{dlqId}'].post.parameters[?@.name=='dlqId']\n" +
            "    update:\n      x-originalName: request_\n";
        using var run = new GeneratorRun(SpecEdits.Spec(), overlayActions: actions);
        var finding = Assert.Single(run.Of(Codes.GeneratedNameRejected));
        Assert.Contains("'request_', which ends in '_', as only the generated code's own locals do", finding.Message, StringComparison.Ordinal);
    }
}
