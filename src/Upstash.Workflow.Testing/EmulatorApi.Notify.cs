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

    /// <summary>
    /// A call to a run's webhook (<c>context.createWebhook</c>): the request, as JSON <c>{method, proto, host, url, header,
    /// body (base64)}</c>, is the event its <c>waitForWebhook</c> receives; kept when the run is not waiting yet.
    /// </summary>
    private async Task Hook(Request r, string runId, string eventId)
    {
        var request = r.Context.Request;
        var bytes = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["method"] = request.Method,
            ["proto"] = request.Scheme,
            ["host"] = request.Host.Value ?? "",
            ["url"] = request.Path.Value + request.QueryString.Value,
            ["header"] = request.Headers.ToDictionary(h => h.Key, h => h.Value.Select(v => v ?? "").ToArray()),
            ["body"] = Convert.ToBase64String(await r.BodyAsync()),
        });
        var woken = state.Change<(bool Found, Waiter? Waiter)>(s =>
        {
            if (s.FindRun(runId) is not { Finished: false })
            {
                return (false, null);
            }
            if (s.Waiters.FirstOrDefault(w => w.WorkflowRunId == runId && w.EventId == eventId) is { } waiter)
            {
                s.Waiters.Remove(waiter);
                return (true, waiter);
            }
            s.Save(runId, eventId, Convert.ToBase64String(bytes), bytes);
            return (true, null);
        });
        if (!woken.Found)
        {
            await r.Error(404, $"no running workflow run {runId}");
            return;
        }
        if (woken.Waiter is not null)
        {
            engine.Notified(woken.Waiter, bytes);
        }
        await r.Ok(new { eventId });
    }

    private sealed record NotifyAnswer(string WorkflowRunId, long? WorkflowCreatedAt, string? MessageId, Waiter? Waiter, string? Error)
    {
        public bool Deduplicated => false;
    }
}
