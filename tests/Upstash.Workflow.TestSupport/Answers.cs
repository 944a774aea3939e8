namespace Upstash.Workflow.TestSupport;

/// <summary>
/// JSON of the API's answer parts with every field the service always sends (the spec's required
/// fields), for the servers the tests play: a part without them is not what the service sends.
/// </summary>
public static class Answers
{
    public const long CreatedAt = 1725323658779;

    public static string DlqEntry(string dlqId, string extra = "") =>
        $$"""{ "dlqId": "{{dlqId}}", "workflowUrl": "https://example.com/api/{{dlqId}}", "workflowRunId": "wfr_{{dlqId}}", "workflowCreatedAt": {{CreatedAt}}{{extra}} }""";

    public static string Run(string workflowRunId, string state = "RUN_STARTED", string extra = "") =>
        $$"""{ "workflowRunId": "{{workflowRunId}}", "workflowUrl": "https://example.com/api", "workflowState": "{{state}}", "workflowRunCreatedAt": {{CreatedAt}}{{extra}} }""";

    public static string NewRun(string workflowRunId) =>
        $$"""{ "workflowRunId": "{{workflowRunId}}", "workflowCreatedAt": {{CreatedAt}} }""";
}
