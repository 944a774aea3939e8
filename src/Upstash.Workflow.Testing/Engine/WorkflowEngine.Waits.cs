using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Upstash.Workflow.Testing;

/// <summary>
/// Waiting for events, driven or seeded alike: a run waits (<see cref="RunEvent.WaitStarted"/>, a wait step in progress
/// in its logs and a timer for the deadline on the emulator's clock), and then either an event comes
/// (<see cref="RunEvent.Notified"/>) or the deadline passes (<see cref="RunEvent.WaitTimedOut"/>), whichever is first; the
/// other finds the waiter gone and does nothing. An endpoint's wait (<c>POST /v2/wait/{eventId}</c>) has its step delivered
/// then, with the event's body (base64, as <c>out</c>) or <c>waitTimeout</c> true. An event sent to one run before it waits
/// is kept for that wait, within <see cref="UpstashWorkflowEmulatorOptions.MaxEventsPerRun"/>.
/// </summary>
internal sealed partial class WorkflowEngine
{
    /// <summary>What a notify did for one run: the message id of the event, or why it was not taken.</summary>
    public sealed record Notification(string WorkflowRunId, long? WorkflowCreatedAt, string? MessageId, string? Error, int Status = 201, Waiter? Waiter = null);

    /// <summary>An endpoint's <c>context.waitForEvent</c>: the waiter its step is delivered from when the event comes or the deadline passes.</summary>
    public Accepted Wait(string eventId, string? runId, byte[] body)
    {
        JsonObject? request;
        try
        {
            request = JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
            request = null;
        }
        if (request?["step"] is not JsonObject step || runId is null)
        {
            return Accepted.Refused(400, $"a wait needs {Wire.RunId} and a body {{ url, timeout, timeoutUrl, timeoutHeaders, step }}");
        }
        if (WaitTimeout(request["timeout"]) is not { } timeout)
        {
            return Accepted.Refused(400, $"invalid wait timeout '{RunSettings.Shown(request["timeout"]?.ToJsonString() ?? "")}': expected a duration such as 10s or 7d, or seconds, of at most {RunSettings.MaxDelay.TotalDays:0} days");
        }
        foreach (var url in new[] { JsonValues.Text(request["url"]), JsonValues.Text(request["timeoutUrl"]) })
        {
            if (url is not null && sender.Refusal(url) is { } refused)
            {
                return Accepted.Refused(400, refused);
            }
        }
        step["waitEventId"] = eventId;
        return Begin(runId, eventId, timeout, run =>
        {
            var url = JsonValues.Text(request["url"]) ?? run.WorkflowUrl;
            return new Waiter(url, 0, [], JsonValues.Text(request["timeoutUrl"]) ?? url, "", [])
            {
                Step = LoggedWait(run, JsonValues.Long(step["stepId"]) ?? 0, JsonValues.Text(step["stepName"]) ?? eventId, JsonValues.Text(step["stepType"]) ?? "Wait", eventId),
                ProtocolStep = step,
            };
        });
    }

    /// <summary>A run seeded from code waits for an event (<see cref="UpstashWorkflowEmulator.AddWaiter"/>): the same wait, its step in the logs.</summary>
    public void AddWaiter(string eventId, string runId, TimeSpan timeout)
    {
        if (timeout <= TimeSpan.Zero || timeout > RunSettings.MaxDelay)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, $"A wait lasts more than nothing and at most {RunSettings.MaxDelay.TotalDays:0} days.");
        }
        var accepted = Begin(runId, eventId, timeout, run =>
        {
            var step = LoggedWait(run, run.NextStepId, "wait for " + eventId, "Wait", eventId);
            var headers = EmulatorState.RequestHeaders(run);
            var timeoutBody = Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(new JsonObject
            {
                ["stepId"] = step.StepId,
                ["stepName"] = step.StepName,
                ["stepType"] = "Wait",
                ["waitEventId"] = eventId,
                ["waitTimeout"] = true,
            }, WireJson.Options));
            return new Waiter(run.WorkflowUrl, 0, headers, run.WorkflowUrl, timeoutBody, headers) { Step = step };
        });
        if (accepted.Error is { } error)
        {
            throw accepted.Status == 404 ? new ArgumentException(error, nameof(runId)) : new InvalidOperationException(error);
        }
    }

    /// <summary>A wait step in progress, as the logs show it while the run waits.</summary>
    private Step LoggedWait(Run run, long stepId, string name, string type, string eventId) => new()
    {
        StepId = stepId,
        StepName = name,
        StepType = type,
        MessageId = EmulatorState.NewId(Wire.MessageIdPrefix),
        State = StepState.StepProgress,
        CreatedAt = state.Now,
        WaitEventId = eventId,
        WaitTimeout = false,
        Retries = run.Retries,
        Headers = EmulatorState.RequestHeaders(run),
    };

    /// <summary>
    /// Starts <paramref name="runId"/>'s wait for <paramref name="eventId"/>: an event kept for it ends the wait at once;
    /// otherwise the waiter is registered and its deadline's timer starts.
    /// </summary>
    private Accepted Begin(string runId, string eventId, TimeSpan timeout, Func<Run, Waiter> make)
    {
        var (accepted, run, waiter, saved) = state.Change<(Accepted, Run?, Waiter?, SavedEvent?)>(s =>
        {
            if (s.FindRun(runId) is not { } run)
            {
                return (Accepted.Refused(404, $"no workflow run {runId}"), null, null, null);
            }
            if (Refused(run) is { } ended)
            {
                return (ended, null, null, null);
            }
            var made = make(run);
            var waiter = made with
            {
                Deadline = (s.Clock.GetUtcNow() + timeout).ToUnixTimeSeconds(),
                EventId = eventId,
                WorkflowRunId = runId,
                WorkflowCreatedAt = run.WorkflowRunCreatedAt,
            };
            Raise(run, RunEvent.WaitStarted);
            run.Add(waiter.Step!);
            s.AddWaiter(run, waiter);
            return (new Accepted(EmulatorState.NewId(Wire.MessageIdPrefix), false), run, waiter, EmulatorState.TakeSaved(run, eventId));
        });
        if (waiter is null)
        {
            return accepted;
        }
        if (saved is not null)
        {
            Wake(run!, waiter, saved.Bytes, saved.Payload);
            return accepted;
        }
        log.Run(run!, $"waits for the event {eventId} until {DateTimeOffset.FromUnixTimeSeconds(waiter.Deadline):u}");
        sender.Schedule(run!.WorkflowRunId, timeout, () =>
        {
            TimedOut(run, waiter);
            return Task.CompletedTask;
        });
        return accepted;
    }

    /// <summary>
    /// A notify (<c>POST /v2/notify/…</c>): wakes the runs waiting for the event with its body. An event for one run that is
    /// not waiting yet is kept for the wait that comes later, up to <see cref="UpstashWorkflowEmulatorOptions.MaxEventsPerRun"/>;
    /// one for a run that has ended is not kept (the answer's error says so).
    /// </summary>
    public List<Notification> Notify(string? runId, string eventId, byte[] body)
    {
        var (text, base64) = EmulatorState.Encode(body);
        var payload = text ?? base64!;
        var (answers, woken) = state.Change(s =>
        {
            var woken = s.WaitersFor(eventId).Where(w => runId is null || w.WorkflowRunId == runId).ToList();
            var answers = woken.Select(w => new Notification(w.WorkflowRunId, w.WorkflowCreatedAt, EmulatorState.NewId(Wire.MessageIdPrefix), null, Waiter: w)).ToList();
            if (runId is null || woken.Count > 0)
            {
                return (answers, woken);
            }
            answers.Add(Keep(s, runId, eventId, payload, body));
            return (answers, woken);
        });
        foreach (var waiter in woken)
        {
            if (state.Read(s => s.FindRun(waiter.WorkflowRunId)) is { } run)
            {
                Wake(run, waiter, body, payload);
            }
        }
        return answers;
    }

    /// <summary>
    /// A call to a run's webhook (<c>context.createWebhook</c>): the request, as JSON, is the event its <c>waitForWebhook</c>
    /// receives, or is kept when the run is not waiting yet (as a notify's event is).
    /// </summary>
    public Notification Hook(string runId, string eventId, byte[] request)
    {
        var (answer, waiter, run) = state.Change(s =>
        {
            if (s.FindRun(runId) is { Finished: false } found && found.Waiting.FirstOrDefault(w => w.EventId == eventId) is { } waiting)
            {
                return (new Notification(runId, found.WorkflowRunCreatedAt, EmulatorState.NewId(Wire.MessageIdPrefix), null), waiting, found);
            }
            return (Keep(s, runId, eventId, Convert.ToBase64String(request), request), (Waiter?)null, (Run?)null);
        });
        if (waiter is not null)
        {
            Wake(run!, waiter, request, Convert.ToBase64String(request));
        }
        return answer;
    }

    /// <summary>Keeps an event for a run that does not wait for it yet; refused for no such run, an ended one, or one that has its fill of events.</summary>
    private Notification Keep(EmulatorState s, string runId, string eventId, string payload, byte[] body)
    {
        if (s.FindRun(runId) is not { } run)
        {
            return new Notification(runId, null, null, $"no workflow run {runId}", 404);
        }
        if (run.Finished)
        {
            return new Notification(runId, run.WorkflowRunCreatedAt, null, $"run {runId} has ended ({run.WorkflowState}); the event was not kept");
        }
        if (run.Saved.Count >= options.MaxEventsPerRun && run.Saved.All(e => e.EventId != eventId))
        {
            return new Notification(runId, run.WorkflowRunCreatedAt, null,
                $"run {runId} already has {options.MaxEventsPerRun} events it does not wait for yet (UpstashWorkflowEmulatorOptions.MaxEventsPerRun); this one was not kept", 429);
        }
        s.Save(run, eventId, payload, body);
        return new Notification(runId, run.WorkflowRunCreatedAt, EmulatorState.NewId(Wire.MessageIdPrefix), null);
    }

    /// <summary>The event came: the waiter goes, its step completes with the event, and an endpoint's wait is delivered.</summary>
    private void Wake(Run run, Waiter waiter, byte[] body, string payload) => EndWait(run, waiter, RunEvent.Notified, body, payload);

    /// <summary>The deadline passed first: the waiter goes, its step completes timed out, and an endpoint's wait is delivered to its timeout URL.</summary>
    private void TimedOut(Run run, Waiter waiter) => EndWait(run, waiter, RunEvent.WaitTimedOut, null, null);

    /// <summary>Ends a wait one way or the other; whichever comes second finds the waiter gone and does nothing.</summary>
    private void EndWait(Run run, Waiter waiter, RunEvent on, byte[]? body, string? payload)
    {
        var timedOut = on == RunEvent.WaitTimedOut;
        var snapshot = state.Change(s =>
        {
            if (!s.RemoveWaiter(run, waiter) || !Raise(run, on))
            {
                return -1;
            }
            if (waiter.ProtocolStep is not { } registered)
            {
                waiter.Step!.State = StepState.StepSuccess;
                (waiter.Step.Out, waiter.Step.WaitTimeout) = timedOut ? (waiter.Step.Out, true) : (payload, false);
                return 0;
            }
            var step = registered.DeepClone().AsObject();
            if (!timedOut)
            {
                step["out"] = Convert.ToBase64String(body!);
            }
            step["waitTimeout"] = timedOut;
            Append(s, run, Encoding.UTF8.GetBytes(step.ToJsonString()), Wire.Step);
            return run.Protocol!.History.Count;
        });
        if (snapshot < 0)
        {
            return;
        }
        log.Run(run, timedOut ? $"stopped waiting for the event {waiter.EventId}: its deadline passed" : $"got the event {waiter.EventId}");
        if (snapshot > 0)
        {
            Deliver(run, snapshot, TimeSpan.Zero, retried: 0, timedOut ? waiter.TimeoutUrl : waiter.Url);
        }
    }

    /// <summary>A wait's timeout as the SDK sends it ("7d", "30s", or a number of seconds; "7d" when absent), within <see cref="RunSettings.MaxDelay"/>.</summary>
    private static TimeSpan? WaitTimeout(JsonNode? node)
    {
        if (node is null)
        {
            return TimeSpan.FromDays(7);
        }
        if (node is JsonValue value && value.TryGetValue<double>(out var seconds))
        {
            return seconds > 0 && seconds <= RunSettings.MaxDelay.TotalSeconds ? TimeSpan.FromSeconds(seconds) : null;
        }
        if (JsonValues.Text(node) is not { } text)
        {
            return null;
        }
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var whole))
        {
            return whole > 0 && whole <= RunSettings.MaxDelay.TotalSeconds ? TimeSpan.FromSeconds(whole) : null;
        }
        return RunSettings.TryDuration(text, out var duration) && duration > TimeSpan.Zero ? duration : null;
    }
}
