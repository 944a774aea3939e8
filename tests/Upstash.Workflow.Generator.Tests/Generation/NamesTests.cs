using Upstash.Workflow.Generator.Spec;

namespace Upstash.Workflow.Generator.Tests.Generation;

public sealed class NamesTests
{
    [Theory]
    [InlineData("Restart Workflow from DLQ", "RestartWorkflowFromDlq")]
    [InlineData("Bulk Resume Workflows from DLQ", "BulkResumeWorkflowsFromDlq")]
    [InlineData("restartWorkflow", "RestartWorkflow")]
    [InlineData("Flow Control", "FlowControl")]
    [InlineData("DLQ", "Dlq")]
    [InlineData("DLQId", "DlqId")]
    [InlineData("Get Signing Keys (v2)", "GetSigningKeysV2")]
    public void Pascal_makes_dotnet_names(string phrase, string expected) => Assert.Equal(expected, Names.Pascal(phrase));

    [Theory]
    [InlineData("Retries", "retries")]
    [InlineData("Retry-Delay", "retryDelay")]
    [InlineData("Flow-Control-Key", "flowControlKey")]
    [InlineData("Workflow-RunId", "workflowRunId")]
    [InlineData("qstash_token", "qstashToken")]
    public void Camel_makes_parameter_names(string phrase, string expected) => Assert.Equal(expected, Names.Camel(phrase));

    [Fact]
    public void UpperFirst_keeps_a_pinned_name_as_written() => Assert.Equal("RestartWorkflowFromDLQ", Names.UpperFirst("restartWorkflowFromDLQ"));
}
