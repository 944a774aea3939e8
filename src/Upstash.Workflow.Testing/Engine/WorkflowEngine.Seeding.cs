using System.Text;

namespace Upstash.Workflow.Testing;

/// <summary>
/// Runs seeded and moved along from code (<see cref="UpstashWorkflowEmulator.AddRun"/>, <see cref="UpstashWorkflowEmulator.FailRun"/>, …):
/// they raise the lifecycle's events as driven runs do, so a seeded failure goes to the DLQ and calls its callback, with
/// retries, exactly as a driven one. A seeded run has no endpoint that speaks the protocol: nothing of its own is delivered.
/// </summary>
internal sealed partial class WorkflowEngine
{
    /// <summary>A run, started as a trigger would start it, that code moves along.</summary>
    public Run AddRun(string workflowUrl, RunSettings settings, byte[] body, string? contentType)
    {
        var run = state.Change(s =>
        {
            var run = s.NewRun(workflowUrl, null, settings, body, contentType);
            Raise(run, RunEvent.Triggered, isNew: true);
            return run;
        });
        log.Run(run, "started (from code)");
        return run;
    }

    /// <summary>
    /// Fails a started run from code (<see cref="RunEvent.Failed"/>): into the DLQ with the answer given; its failure callback
    /// is called (and retried) as a driven run's, and this returns once its first call was answered. With
    /// <paramref name="callsBack"/> false the callback is recorded as having answered <paramref name="callbackStatus"/> instead.
    /// </summary>
    public async Task<DlqEntry> FailRunAsync(string runId, int status, byte[] body, IReadOnlyDictionary<string, string>? headers, int callbackStatus, bool callsBack = true)
    {
        var run = Running(runId);
        var failed = Fail(run, new Failure(status, body, headers, "failed from code", CallbackStatus: callbackStatus, CallsBack: callsBack))
            ?? throw new InvalidOperationException($"Run {runId} has already ended ({state.Read(_ => run.WorkflowState)}).");
        await failed.Callback.ConfigureAwait(false);
        return failed.Entry;
    }

    /// <summary>Ends a started run from code with what it returned (<see cref="RunEvent.Returned"/>).</summary>
    public void CompleteRun(string runId, string response)
    {
        var run = Running(runId);
        if (!Complete(run.WorkflowRunId, Encoding.UTF8.GetBytes(response)))
        {
            throw new InvalidOperationException($"Run {runId} has already ended ({state.Read(_ => run.WorkflowState)}).");
        }
    }

    /// <summary>Records a <c>context.call</c> a run made, with its answer, as a step of its logs (<see cref="RunEvent.MessageAccepted"/>).</summary>
    public void AddCall(string runId, string url, string method, string? body, IReadOnlyDictionary<string, string>? headers,
        int responseStatus, string responseBody, IReadOnlyDictionary<string, string>? responseHeaders) => Seed(runId, (s, run) =>
    {
        run.Add(s.NewStep(run, "call " + new Uri(url).Host, "Call", StepState.StepSuccess) with
        {
            CallType = Wire.FromCallback,
            Out = responseBody,
            CallUrl = url,
            CallMethod = method,
            CallBody = body ?? "",
            CallHeaders = EmulatorState.Map(headers) ?? [],
            CallResponseStatus = responseStatus,
            CallResponseBody = responseBody,
            CallResponseHeaders = EmulatorState.Map(responseHeaders) ?? [],
        });
        return run;
    });

    /// <summary>Has a run start another workflow from a step (<c>context.invoke</c>): a new run that names its invoker.</summary>
    public Run Invoke(string runId, string workflowUrl, byte[] body)
    {
        var invoked = Seed(runId, (s, run) =>
        {
            var invoked = s.NewRun(workflowUrl, null, new RunSettings(), body, "application/json", new Invoker(run.WorkflowRunId, run.WorkflowUrl, run.WorkflowRunCreatedAt));
            Raise(invoked, RunEvent.Triggered, isNew: true);
            run.Add(s.NewStep(run, "invoke " + new Uri(workflowUrl).AbsolutePath, "Invoke", StepState.StepSuccess) with
            {
                InvokedWorkflowRunId = invoked.WorkflowRunId,
                InvokedWorkflowUrl = workflowUrl,
            });
            return invoked;
        });
        log.Run(invoked, $"started (invoked from code by {runId})");
        return invoked;
    }

    /// <summary>A step recorded from code on a started run, under the lock (<see cref="RunEvent.MessageAccepted"/>).</summary>
    private Run Seed(string runId, Func<EmulatorState, Run, Run> record) => state.Change(s =>
    {
        var run = s.FindRun(runId) ?? throw new ArgumentException($"No run {runId}.", nameof(runId));
        if (!Raise(run, RunEvent.MessageAccepted))
        {
            throw new InvalidOperationException($"Run {runId} has already ended ({run.WorkflowState}).");
        }
        return record(s, run);
    });

    /// <summary>The run <paramref name="runId"/>, which code may move along; an unknown id is the caller's mistake.</summary>
    private Run Running(string runId) =>
        state.Read(s => s.FindRun(runId)) ?? throw new ArgumentException($"No run {runId}.", nameof(runId));
}
