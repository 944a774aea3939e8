namespace Upstash.Workflow.Tests.Client;

/// <summary>The models a person reads in a failed assertion or a log print the fields one looks for first.</summary>
public sealed class ModelTextTests
{
    [Fact]
    public void A_run_prints_its_id_state_url_and_last_step()
    {
        var run = new WorkflowRun
        {
            WorkflowRunId = "wfr_1",
            WorkflowUrl = new Uri("https://example.com/api/order"),
            WorkflowState = WorkflowRunState.RunFailed,
            WorkflowRunCreatedAt = DateTimeOffset.UnixEpoch,
            Steps = [new GroupedSteps { Steps = [new StepInfo { StepName = "init", StepId = 0, StepType = "Initial", State = StepState.StepSuccess }] },
                new GroupedSteps { Steps = [new StepInfo { StepName = "charge", StepId = 1, StepType = "Run", State = StepState.StepFailed, Out = "secret output" }] }],
        };

        Assert.Equal("wfr_1 RUN_FAILED at https://example.com/api/order (2 steps, last 'charge' #1 Run STEP_FAILED)", run.ToString());
    }

    [Fact]
    public void A_dlq_entry_prints_its_id_run_url_and_answer_and_keeps_its_bodies_out()
    {
        var entry = new WorkflowDlqMessage { DlqId = "dlq-1", WorkflowRunId = "wfr_2", WorkflowUrl = new Uri("https://example.com/wf"), ResponseStatus = 500, ResponseBody = "stack trace" };

        Assert.Equal("dlq-1: run wfr_2 at https://example.com/wf answered 500", entry.ToString());
    }
}
