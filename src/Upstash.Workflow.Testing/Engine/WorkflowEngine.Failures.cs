using System.Text;

namespace Upstash.Workflow.Testing;

/// <summary>What failed a run.</summary>
/// <param name="Status">The status of the answer that failed it (0: none came).</param>
/// <param name="Body">That answer's body.</param>
/// <param name="Headers">That answer's headers.</param>
/// <param name="Why">Why, in words, for the logs.</param>
/// <param name="Snapshot">Which message's delivery failed (its place in the history, from 1); 0 for none (a run failed from code).</param>
/// <param name="CallbackStatus">What a failure callback the emulator does not call stands for having answered (from code).</param>
/// <param name="CallsBack">Whether the failure callback is called (a failed run seeded as such records its callback's outcome instead).</param>
internal sealed record Failure(int Status, byte[] Body, IReadOnlyDictionary<string, string>? Headers, string Why, int Snapshot = 0, int CallbackStatus = 0, bool CallsBack = true);

/// <summary>How a run fails, driven or seeded alike: into the DLQ with the message that failed, then its failure callback, retried as a step is.</summary>
internal sealed partial class WorkflowEngine
{
    /// <summary>
    /// Fails the run (the lifecycle's <see cref="RunEvent.Failed"/>): it ends RUN_FAILED with a failed step, the DLQ entry
    /// carries the failing message and the answer, and the failure URL (the workflow URL when the trigger named none) is
    /// called, signed, and retried as a step is; its outcome is the entry's <c>failureFunctionState</c>. Returns the entry
    /// and the first call of the callback, done when its answer is recorded; null when the run is not running.
    /// </summary>
    public (DlqEntry Entry, Task Callback)? Fail(Run run, Failure failure)
    {
        var entry = state.Change(s =>
        {
            if (!Raise(run, RunEvent.Failed))
            {
                return null;
            }
            var entry = NewDlqEntry(s, run, failure);
            Ended(s, run);
            return entry;
        });
        if (entry is null)
        {
            return null;
        }
        AfterEnd(run, $"failed ({failure.Why}); into the DLQ as {entry.DlqId}");
        var callback = Task.CompletedTask;
        if (failure.CallsBack && entry.FailureCallback is { } url && sender.Allowed(url))
        {
            state.Change((EmulatorState _) => entry.SetCallbackState(FailureFunctionState.CallbackInprogress));
            callback = CallBackAsync(entry, retried: 0);
            sender.Track(() => callback);
        }
        return (entry, callback);
    }

    /// <summary>The failed step and the DLQ entry of a run that fails, under the lock.</summary>
    private DlqEntry NewDlqEntry(EmulatorState s, Run run, Failure failure)
    {
        var now = s.Now;
        var (response, responseBase64) = EmulatorState.Encode(failure.Body);
        var answerHeaders = EmulatorState.Map(failure.Headers) ?? new Dictionary<string, string[]> { ["Content-Type"] = ["text/plain"] };
        var delivered = failure.Snapshot > 0 && run.Protocol is { } protocol && failure.Snapshot <= protocol.History.Count ? protocol : null;
        if (delivered is not null)
        {
            delivered.FailedAt = failure.Snapshot - 1;
        }
        var stepName = failure.Headers?.TryGetValue(Wire.ErrorStepName, out var name) == true ? name : delivered is not null ? StepNameOf(run, failure.Snapshot) : "run";
        var failed = (run.Retrying ?? s.NewStep(run, stepName, "Run", StepState.StepFailed)) with { State = StepState.StepFailed, Out = response ?? responseBase64, NextDeliveryTime = null };
        (failed.Errors ??= []).Add(new StepError(failure.Why, failure.Status, response ?? responseBase64, answerHeaders, now));
        run.Retrying = null;
        // A branch of a parallel group (its plan step was delivered) fails inside its group; any other step in a group
        // of its own, "next".
        var (concurrent, plan) = delivered is not null ? Parallel(delivered.History[failure.Snapshot - 1].Body) : (1, false);
        AddToLog(run, failed, plan ? concurrent : 1, "next");
        var (body, bodyBase64) = EmulatorState.Encode(delivered is not null ? HistoryBody(delivered.History, failure.Snapshot) : run.Body);
        var callbackState = run.Settings.FailureCallback is null ? (FailureFunctionState?)null
            : failure.CallbackStatus is >= 200 and < 300 ? FailureFunctionState.CallbackSuccess : FailureFunctionState.CallbackFail;
        var entry = new DlqEntry
        {
            DlqId = s.NewDlqId(),
            WorkflowUrl = run.WorkflowUrl,
            WorkflowRunId = run.WorkflowRunId,
            WorkflowCreatedAt = run.WorkflowRunCreatedAt,
            Url = run.WorkflowUrl,
            Header = delivered is not null
                ? EmulatorState.Map(StepHeaders(run, delivered, delivered.History[failure.Snapshot - 1].MessageId, run.Retries))!
                : EmulatorState.RequestHeaders(run),
            Body = body,
            BodyBase64 = bodyBase64,
            MaxRetries = run.Retries,
            CreatedAt = now,
            NotBefore = run.Steps.FirstOrDefault()?.Items.FirstOrDefault()?.NextDeliveryTime ?? run.WorkflowRunCreatedAt,
            FailureCallback = run.Settings.FailureCallback,
            Labels = run.Labels,
            FlowControlKey = run.FlowControlKey,
            FailedRun = run,
            ResponseStatus = failure.Status,
            ResponseHeader = answerHeaders,
            ResponseBody = response,
            ResponseBodyBase64 = responseBase64,
        };
        run.DlqId = entry.DlqId;
        if (run.Settings.FailureCallback is { } callback)
        {
            run.FailureFunction = new FailureFunction(EmulatorState.NewId(Wire.MessageIdPrefix), callback, callbackState!.Value, entry.DlqId,
                EmulatorState.Map(run.Settings.FailureForwarded) ?? [], failure.Status, response ?? responseBase64 ?? "", "", [], failure.CallbackStatus, run.Retries);
            entry.SetCallbackState(callbackState.Value);
        }
        s.Dlq.Add(entry);
        return entry;
    }

    /// <summary>
    /// Calls a DLQ entry's failure callback (its <paramref name="retried"/>-th retry), and by the one rule either records its
    /// outcome or retries it; a callback cancelled through the API (<c>CALLBACK_CANCELED</c>) is not called again.
    /// </summary>
    private async Task CallBackAsync(DlqEntry entry, int retried)
    {
        if (state.Read(_ => entry.FailureFunctionState == FailureFunctionState.CallbackCanceled))
        {
            return;
        }
        var answer = await sender.CallBackAsync(entry, retried).ConfigureAwait(false);
        var decision = answer.Succeeded ? default : RetryPolicy.Decide(retried, entry.MaxRetries, answer.Status, answer.Headers, entry.FailedRun?.Settings.RetryDelay);
        var retry = state.Change(_ =>
        {
            if (entry.FailureFunctionState == FailureFunctionState.CallbackCanceled)
            {
                return false;
            }
            var next = answer.Succeeded ? FailureFunctionState.CallbackSuccess : decision.GiveUp is null ? FailureFunctionState.CallbackInprogress : FailureFunctionState.CallbackFail;
            entry.SetCallbackState(next);
            return next == FailureFunctionState.CallbackInprogress;
        });
        var run = entry.FailedRun!;
        if (!retry)
        {
            log.Run(run, answer.Succeeded ? "its failure callback succeeded" : $"its failure callback failed ({answer.Reason}); {decision.GiveUp}");
            return;
        }
        if (answer.Record is { } record)
        {
            record.NextAttempt = state.Clock.GetUtcNow() + decision.Delay;
        }
        log.Run(run, $"its failure callback failed ({answer.Reason}); retry {retried + 1} of {entry.MaxRetries} in {Describe(decision.Delay)}");
        sender.Schedule(CallbackTimers(entry.DlqId), decision.Delay, () => CallBackAsync(entry, retried + 1));
    }

    /// <summary>Calls a DLQ entry's failure callback again (the retry operation), after the API answered.</summary>
    public void RetryCallback(DlqEntry entry)
    {
        if (entry.FailureCallback is { } url && sender.Allowed(url))
        {
            sender.Track(() => CallBackAsync(entry, retried: 0));
        }
    }

    /// <summary>Stops the retries of an entry's failure callback (cancelled through the API).</summary>
    public void StopCallback(string dlqId) => sender.CancelTimers(CallbackTimers(dlqId));

    /// <summary>The timers of an entry's failure callback, stopped with the emulator.</summary>
    private static string CallbackTimers(string dlqId) => "callback " + dlqId;

    /// <summary>A run that reached the step limit fails at once, with no retry: it would loop again.</summary>
    private void LimitReached(Run run) => Fail(run, new Failure(400,
        Encoding.UTF8.GetBytes($$"""{"error":"StepLimit","message":"the run reached the emulator's limit of {{options.MaxStepsPerRun}} steps (UpstashWorkflowEmulatorOptions.MaxStepsPerRun)"}"""),
        new Dictionary<string, string>(), $"its limit of {options.MaxStepsPerRun} steps", run.Protocol?.History.Count ?? 0));
}
