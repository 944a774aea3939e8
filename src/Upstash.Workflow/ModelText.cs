using System.Globalization;

namespace Upstash.Workflow;

// How the models a person reads most print themselves: the id, the state and the few fields one looks for first, so a
// failed assertion or a log line says which run and how it stands. Bodies and headers stay out (they may be large or
// hold what a log should not keep).

public partial class WorkflowRun
{
    /// <summary>The run's id, state, workflow URL, and how many steps it logged, with the last one.</summary>
    public override string ToString()
    {
        var steps = Steps.SelectMany(g => g.Steps).ToList();
        var last = steps.Count > 0 ? $", last {steps[^1]}" : "";
        return string.Create(CultureInfo.InvariantCulture, $"{WorkflowRunId} {WorkflowState} at {WorkflowUrl} ({steps.Count} steps{last})");
    }
}

public partial class StepInfo
{
    /// <summary>The step's name, number, type and state.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"'{StepName}' #{StepId} {StepType} {State}");
}

public partial class WorkflowDlqMessage
{
    /// <summary>The entry's id, its run, where it failed and the status the endpoint answered.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{DlqId}: run {WorkflowRunId} at {WorkflowUrl} answered {(ResponseStatus is { } status ? status.ToString(CultureInfo.InvariantCulture) : "nothing")}");
}
