namespace Upstash.Workflow.Testing;

/// <summary>Notify: waking waiting runs, and keeping an event for a run not waiting yet.</summary>
internal sealed partial class EmulatorApi
{
    /// <summary>
    /// Wakes the runs waiting for the event, handing each the body. An event for one run that is not
    /// waiting yet is kept for the wait that comes later; one for a run that has ended is not (the answer's error says so).
    /// </summary>
    private async Task Notify(Request r, string? runId, string eventId)
    {
        var bytes = await r.BodyAsync();
        var (text, base64) = EmulatorState.Encode(bytes);
        var payload = text ?? base64!;
        var answers = state.Change(s =>
        {
            var waiting = s.Waiters.Where(w => w.EventId == eventId && (runId is null || w.WorkflowRunId == runId)).ToList();
            foreach (var waiter in waiting)
            {
                s.Waiters.Remove(waiter);
                if (waiter.Step is { } step)
                {
                    (step.State, step.Out) = ("STEP_SUCCESS", payload);
                }
            }
            var woken = waiting.Select(w => new NotifyAnswer(w.WorkflowRunId, w.WorkflowCreatedAt, s.NextId("msg_emu_"), w, null)).ToList();
            if (runId is null || woken.Count > 0)
            {
                return woken;
            }
            var run = s.FindRun(runId);
            if (run is { Finished: true })
            {
                return [new NotifyAnswer(runId, run.WorkflowRunCreatedAt, null, null, $"run {runId} has ended ({run.WorkflowState}); the event was not kept")];
            }
            s.Save(runId, eventId, payload, bytes);
            return [new NotifyAnswer(runId, run?.WorkflowRunCreatedAt, s.NextId("msg_emu_"), null, null)];
        });
        foreach (var woken in answers.Where(a => a.Waiter is not null))
        {
            engine.Notified(woken.Waiter!, bytes);
        }
        await (runId is null ? r.Ok(answers, 201) : r.Ok(answers[0], 201));
    }

    private sealed record NotifyAnswer(string WorkflowRunId, long? WorkflowCreatedAt, string? MessageId, Waiter? Waiter, string? Error)
    {
        public bool Deduplicated => false;
    }
}
