using System.Text.Json;

namespace Upstash.Workflow.Tests.Client;

/// <summary>Answer fields typed as their request counterparts are: URLs, times in seconds, durations, states.</summary>
public sealed class TypedAnswerTests
{
    private static T Read<T>(string json, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) => JsonSerializer.Deserialize(json, type)!;

    [Fact]
    public void A_url_read_again_is_the_same_instance_and_another_is_another()
    {
        var run = Read("""
            { "workflowRunId": "w", "workflowUrl": "https://shop.example/a", "workflowState": "RUN_SUCCESS", "workflowRunCreatedAt": 1,
              "steps": [ { "type": "sequential", "steps": [
                { "stepId": 1, "callUrl": "https://shop.example/a" },
                { "stepId": 2, "callUrl": "https:\/\/shop.example\/a" },
                { "stepId": 3, "callUrl": "https://shop.example/b?q=1" } ] } ] }
            """, UpstashWorkflowJsonContext.Default.WorkflowRun);
        var steps = run.Steps[0].Steps;

        Assert.Equal(new Uri("https://shop.example/a"), run.WorkflowUrl);
        Assert.Same(run.WorkflowUrl, steps[0].CallUrl);
        // The same text written with JSON escapes is the same URL.
        Assert.Same(run.WorkflowUrl, steps[1].CallUrl);
        Assert.Equal("https://shop.example/b?q=1", steps[2].CallUrl!.OriginalString);
        Assert.NotSame(run.WorkflowUrl, steps[2].CallUrl);
    }

    [Fact]
    public void A_field_that_is_no_url_is_named_with_what_it_held()
    {
        var error = Assert.Throws<JsonException>(() => Read("""{ "url": "http://[oops", "timeoutUrl": null }""", UpstashWorkflowJsonContext.Default.Waiter));

        Assert.Contains("expected a URL", error.Message, StringComparison.Ordinal);
        Assert.Contains("http://[oops", error.Message, StringComparison.Ordinal);
        Assert.Equal("$.url", error.Path);
    }

    [Fact]
    public void A_url_is_written_as_it_was_read()
    {
        var item = new BatchTriggerItem { Destination = new Uri("https://shop.example/a%20b?x=1") };

        Assert.Contains("\"destination\":\"https://shop.example/a%20b?x=1\"", JsonSerializer.Serialize(item, UpstashWorkflowJsonContext.Default.BatchTriggerItem), StringComparison.Ordinal);
    }

    [Fact]
    public void Times_durations_and_states_of_answers_are_typed()
    {
        var waiter = Read("""{ "deadline": 1725327258 }""", UpstashWorkflowJsonContext.Default.Waiter);
        var key = Read("""{ "flowControlKey": "k", "ratePeriod": 60, "ratePeriodStart": 1725323658779 }""", UpstashWorkflowJsonContext.Default.FlowControlKeyStatus);
        var step = Read("""{ "stepId": 1, "state": "STEP_RETRY" }""", UpstashWorkflowJsonContext.Default.StepInfo);
        var failure = Read("""{ "state": "CALLBACK_SOMETHING_NEW" }""", UpstashWorkflowJsonContext.Default.FailureFunction);

        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1725327258), waiter.Deadline);
        Assert.Equal((TimeSpan.FromMinutes(1), DateTimeOffset.FromUnixTimeMilliseconds(1725323658779)), (key.RatePeriod, key.RatePeriodStart));
        Assert.Equal(StepState.StepRetry, step.State);
        Assert.Equal(("CALLBACK_SOMETHING_NEW", false), (failure.State.ToString(), failure.State!.Value.IsKnown));
    }
}
