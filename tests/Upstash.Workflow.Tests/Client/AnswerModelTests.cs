namespace Upstash.Workflow.Tests.Client;

/// <summary>Answers built by hand, as tests and fakes of the client interfaces do.</summary>
public sealed class AnswerModelTests
{
    [Fact]
    public void An_answer_built_empty_has_no_null_member()
    {
        var page = new FailedRunsPage();
        var entry = new WorkflowDlqMessage();
        var run = new WorkflowRun();

        Assert.Empty(page.Messages);
        Assert.Equal("", entry.DlqId);
        Assert.Equal("", entry.WorkflowRunId);
        Assert.Empty(entry.Labels);
        Assert.Empty(entry.Header);
        Assert.Equal("", run.WorkflowRunId);
        Assert.Empty(run.Steps);
    }

    [Fact]
    public void An_answer_without_a_required_field_still_fails_to_read()
    {
        var error = Assert.Throws<System.Text.Json.JsonException>(() =>
            System.Text.Json.JsonSerializer.Deserialize("""{ "dlqId": "d", "workflowUrl": "u", "workflowCreatedAt": 1 }""", UpstashWorkflowJsonContext.Default.WorkflowDlqMessage));

        Assert.Contains("workflowRunId", error.Message, StringComparison.Ordinal);
    }
}
