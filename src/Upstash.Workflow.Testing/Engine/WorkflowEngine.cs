using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Upstash.Workflow.Testing;

/// <summary>
/// The service's side of the workflow protocol, and the one place a run changes state. Every change is a transition of
/// the run lifecycle (<see cref="RunLifecycle"/>), raised here under the state's one lock (<see cref="Raise"/>); what a
/// transition does outside (deliver, start or stop timers, call the failure callback, tell the invoker) runs after the
/// lock. Runs the API starts, runs endpoints drive and runs seeded from code raise the same events, so they behave
/// alike. Each accepted message is delivered, signed, with the run's history as it stood when that message was accepted
/// (a later snapshot would let two parallel results both look last). The partial files beside this one handle
/// failures, waits, calls and what code seeds.
/// </summary>
internal sealed partial class WorkflowEngine(EmulatorState state, DeliverySender sender, FlowGate flow, UpstashWorkflowEmulatorOptions options, EmulatorLog log)
{
    /// <summary>The rows of the run lifecycle this emulator has run.</summary>
    public TransitionRecorder Transitions { get; } = new();

    /// <summary>What a published message became: its id, whether it was a duplicate, or why it was refused.</summary>
    public sealed record Accepted(string? MessageId, bool Deduplicated, int Status = 0, string? Error = null)
    {
        public static Accepted Refused(int status, string error) => new(null, false, status, error);
    }

    /// <summary>
    /// Applies <paramref name="on"/> to <paramref name="run"/> under the lock the caller holds (<paramref name="isNew"/>: a run
    /// the caller has just made, which has no state yet): false, changing nothing, when the table has no row for it from the run's state.
    /// </summary>
    private bool Raise(Run run, RunEvent on, bool isNew = false)
    {
        if (RunLifecycle.Find(isNew ? (WorkflowRunState?)null : run.WorkflowState, on) is not { } transition)
        {
            return false;
        }
        Transitions.Record(transition);
        run.WorkflowState = transition.To;
        return true;
    }

    /// <summary>Takes one published message: a run's first message starts it, any other joins its run's history.</summary>
    public Accepted Accept(WorkflowMessage message)
    {
        if (message.RunId is not { Length: > 0 } runId)
        {
            return Plain(message);
        }
        if (sender.Refusal(message.WorkflowUrl) is { } refused)
        {
            return Accepted.Refused(400, refused);
        }
        if (message.Init)
        {
            return Start(message, runId);
        }
        if (message.CallType == Wire.ToCallback)
        {
            return Call(message, runId);
        }
        // A step's own settings say when it is due; a malformed one is refused, as the service refuses it.
        var settings = RunSettings.Read(message.Headers, out var error);
        if (error is not null)
        {
            return Accepted.Refused(400, error);
        }
        var delay = Delays.Of(settings, state.Clock.GetUtcNow());
        var (accepted, snapshot, run) = state.Change(s =>
        {
            var run = s.FindRun(runId);
            if (run?.Protocol is null)
            {
                return (Accepted.Refused(404, $"no workflow run {runId}"), 0, (Run?)null);
            }
            if (Refused(run) is { } ended)
            {
                return (ended, 0, null);
            }
            if (StepLimit(run) is { } limit)
            {
                return (limit, 0, run);
            }
            Raise(run, RunEvent.MessageAccepted);
            // A run started through the trigger API learns what its endpoint speaks from the endpoint's first message.
            if (run.Protocol.FeatureSet.Length == 0 && message.Header(Wire.FeatureSet) is { Length: > 0 } spoken)
            {
                run.Protocol.FeatureSet = spoken;
            }
            // An SDK that does not configure the run at its trigger (no WF_TriggerOnConfig: the Python SDK, the
            // TypeScript SDK before 1.0) puts the run's settings on each message; each message's own apply from it on.
            if (!run.Protocol.Has(Wire.TriggerOnConfig))
            {
                run.Settings = settings.Over(run.Settings);
            }
            var item = Append(s, run, message.Body, message.CallType);
            return (new Accepted(item.MessageId, false), run.Protocol.History.Count, run);
        });
        if (accepted.Error is not null)
        {
            if (run is not null)
            {
                LimitReached(run);
            }
            return accepted;
        }
        Deliver(run!, snapshot, delay, retried: 0);
        return accepted;
    }

    /// <summary>The answer to a message for an ended run: the SDK reads a 400 as "the run was cancelled".</summary>
    private static Accepted? Refused(Run run) =>
        run.Finished ? Accepted.Refused(400, $"workflow run {run.WorkflowRunId} has ended ({run.WorkflowState}): no step is accepted") : null;

    /// <summary>A run at its step limit: the message is refused and the run fails (<see cref="LimitReached"/>), for a route that never ends would loop.</summary>
    private Accepted? StepLimit(Run run) => run.Protocol!.History.Count >= options.MaxStepsPerRun
        ? Accepted.Refused(400, $"workflow run {run.WorkflowRunId} reached the emulator's limit of {options.MaxStepsPerRun} steps (UpstashWorkflowEmulatorOptions.MaxStepsPerRun) and failed")
        : null;

    /// <summary>
    /// A run's first message: a new run, or the endpoint's re-trigger of a run first delivered as to an unknown SDK
    /// (the same id, which is no duplicate); any other message for a taken id is a duplicate and starts nothing.
    /// </summary>
    private Accepted Start(WorkflowMessage message, string runId)
    {
        var settings = RunSettings.Read(message.Headers, out var error);
        if (error is not null)
        {
            return Accepted.Refused(400, error);
        }
        if (settings.OverPlan(options) is { } over)
        {
            return Accepted.Refused(RunSettings.OverPlanStatus, over);
        }
        if (settings.FailureCallback is { } callback && sender.Refusal(callback) is { } refused)
        {
            return Accepted.Refused(400, refused);
        }
        var delay = Delays.Of(settings, state.Clock.GetUtcNow());
        var (payload, invoker) = message.Invoke ? Invocation(message.Body) : (message.Body, null);
        if (payload is null)
        {
            return Accepted.Refused(400, "an invoke's body must be a JSON object with body, workflowRunId, workflowUrl and step");
        }
        var (accepted, run) = state.Change(s =>
        {
            if (s.FindRun(runId) is { } existing)
            {
                if (!message.TriggeredBySdk || existing.Protocol is not { Known: false } waiting || !Raise(existing, RunEvent.Adopted))
                {
                    return (new Accepted(existing.Protocol?.History.FirstOrDefault()?.MessageId ?? EmulatorState.NewId(Wire.MessageIdPrefix), true), (Run?)null);
                }
                // The endpoint answered the unknown-SDK delivery by triggering the run itself: from now on it speaks the protocol.
                // Its failure URL, when the trigger named none, is the workflow's own, as the SDK's own trigger makes it.
                var merged = settings.Over(existing.Settings);
                existing.Settings = merged with { FailureCallback = merged.FailureCallback ?? existing.WorkflowUrl };
                waiting.Known = true;
                waiting.Unproven = false;
                waiting.FeatureSet = message.Header(Wire.FeatureSet) ?? "";
                waiting.History.Clear();
                existing.Retrying = null;
                var again = Append(s, existing, payload, Wire.Step);
                return (new Accepted(again.MessageId, false), existing);
            }
            var started = s.NewRun(message.WorkflowUrl, runId, settings, payload, message.ContentType, invoker);
            Raise(started, RunEvent.Triggered, isNew: true);
            // An invoke is the invoking run's endpoint acting on its delivery, though nothing joins that run's history.
            if (invoker is not null && s.FindRun(invoker.WorkflowRunId)?.Protocol is { } invoking)
            {
                invoking.Unproven = false;
            }
            started.Protocol = new Protocol
            {
                // A trigger may forward the unknown-SDK mark itself: the service delivers it, and the endpoint answers
                // that first delivery as any unknown-SDK one, by triggering the run again.
                Known = settings.Forwarded?.ContainsKey(Wire.UnknownSdk) != true,
                FeatureSet = message.Header(Wire.FeatureSet) ?? "",
                InvokeCount = int.TryParse(message.Header(Wire.InvokeCount), NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count : 0,
            };
            var first = Append(s, started, payload, Wire.Step);
            return (new Accepted(first.MessageId, false), started);
        });
        if (run is not null)
        {
            log.Run(run, accepted.Deduplicated ? "adopted by its endpoint" : "started");
            Deliver(run, 1, delay, retried: 0);
        }
        return accepted;
    }

    /// <summary>
    /// Why a run to <paramref name="workflowUrl"/> with <paramref name="settings"/> (read and checked already) cannot start,
    /// or null: checked before anything changes, for each item of a batch before any starts, so nothing is left behind.
    /// </summary>
    public string? Check(string workflowUrl, RunSettings settings) =>
        sender.Refusal(workflowUrl) ?? (settings.FailureCallback is { } callback ? sender.Refusal(callback) : null);

    /// <summary>
    /// Starts a run through the API (<c>/v2/trigger</c>, a batch trigger), its settings already checked (<see cref="Check"/>):
    /// unless its id is taken (then the run with it is the answer, deduplicated, and nothing new starts), a new run delivered
    /// as any other. When the trigger says the endpoint's SDK is unknown (<paramref name="unknownSdk"/>, the
    /// <c>Upstash-Workflow-Unknown-Sdk</c> header), the first delivery says so, and an SDK of 1.0 or later answers by
    /// triggering the run again itself (upstream's CI: a two-step workflow gets 4 calls so started, 3 without).
    /// </summary>
    public (Run Run, bool Deduplicated) Trigger(string workflowUrl, string? runId, RunSettings settings, byte[] body, string? contentType, bool unknownSdk)
    {
        var (run, deduplicated, delay) = state.Change(s =>
        {
            if (runId is not null && s.FindRun(runId) is { } existing)
            {
                return (existing, true, TimeSpan.Zero);
            }
            var started = s.NewRun(workflowUrl, runId, settings, body, contentType);
            Raise(started, RunEvent.Triggered, isNew: true);
            started.Protocol = new Protocol { Known = !unknownSdk, Unproven = true };
            Append(s, started, started.Body, Wire.Step);
            return (started, false, FirstDelay(s, started));
        });
        if (!deduplicated)
        {
            log.Run(run, "started");
            Deliver(run, 1, delay, retried: 0);
        }
        return (run, deduplicated);
    }

    /// <summary>How long a new run waits before its first delivery: until the time its first step shows (its delay, its not-before).</summary>
    private static TimeSpan FirstDelay(EmulatorState s, Run run) =>
        run.Steps[0].Items[0].NextDeliveryTime is { } at ? TimeSpan.FromMilliseconds(Math.Max(0, at - s.Now)) : TimeSpan.Zero;

    /// <summary>
    /// Takes a DLQ entry and starts its run again as a new one, the overrides laid over the failed run's settings: a
    /// restart delivers its first message only; a resume the history up to the failed message (its completed steps are the
    /// new run's too). Null when the entry is no longer there; two calls for one entry start one run.
    /// </summary>
    public Run? RunAgain(DlqEntry entry, RunSettings overrides, bool resume)
    {
        var (run, snapshot, delay) = state.Change(s =>
        {
            if (!s.TakeFromDlq(entry))
            {
                return ((Run?)null, 0, TimeSpan.Zero);
            }
            var failed = s.FindRun(entry.WorkflowRunId);
            var run = s.NewRun(entry.WorkflowUrl, null, overrides.Over(failed?.Settings ?? new RunSettings()), failed?.Body ?? [], failed?.ContentType);
            Raise(run, RunEvent.Triggered, isNew: true);
            run.Origin = failed;
            if (failed?.Protocol is not { Known: true } before)
            {
                run.Protocol = new Protocol { Unproven = failed?.Protocol?.Unproven ?? false };
                Append(s, run, run.Body, Wire.Step);
                return (run, 1, FirstDelay(s, run));
            }
            run.Protocol = new Protocol { Known = true, Unproven = before.Unproven, FeatureSet = before.FeatureSet, InvokeCount = before.InvokeCount };
            if (!resume || before.FailedAt < 1)
            {
                Append(s, run, run.Body, Wire.Step);
                return (run, 1, FirstDelay(s, run));
            }
            // The history up to the failed message; and when a branch of a parallel group failed, the results of the
            // group's branches that completed after its plan (placed before the failed message, which is delivered
            // again): without them the SDK would wait for those branches forever.
            var kept = before.History.Take(before.FailedAt + 1).ToList();
            kept.InsertRange(before.FailedAt, before.History.Skip(before.FailedAt + 1)
                .Where(m => m.CallType == Wire.Step && Parallel(m.Body) is { Concurrent: > 1, Plan: false }));
            run.Protocol.History.AddRange(kept);
            before.History.Clear();
            // The steps that completed before are the new run's too: its logs show their results, a parallel group's
            // completed branches included.
            foreach (var group in failed.Steps.Skip(1))
            {
                var done = group.Items.Where(i => i.State == StepState.StepSuccess).ToList();
                if (done.Count == group.Items.Count || (group.Type == "parallel" && done.Count > 0))
                {
                    run.Steps.Add(group with { Items = done });
                }
            }
            return (run, run.Protocol.History.Count, FirstDelay(s, run));
        });
        if (run is not null)
        {
            log.Run(run, resume ? $"resumed from the DLQ entry {entry.DlqId}" : $"restarted from the DLQ entry {entry.DlqId}");
            Deliver(run, snapshot, delay, retried: 0);
        }
        return run;
    }

    /// <summary>Adds a message to the run's history (and a step to its logs, when it is one).</summary>
    private static HistoryMessage Append(EmulatorState s, Run run, byte[] body, string callType)
    {
        var item = new HistoryMessage(EmulatorState.NewId(Wire.MessageIdPrefix), body, callType);
        run.Protocol!.History.Add(item);
        if (run.Protocol.History.Count > 1 && callType == Wire.Step)
        {
            Log(s, run, item);
        }
        return item;
    }

    /// <summary>A result step in the run's logs (plan steps, numbered 0, are not results and are left out).</summary>
    private static void Log(EmulatorState s, Run run, HistoryMessage item)
    {
        JsonObject? step;
        try
        {
            step = JsonNode.Parse(item.Body) as JsonObject;
        }
        catch (JsonException)
        {
            return;
        }
        if (step is null || JsonValues.Long(step["stepId"]) is not { } id || id == 0)
        {
            return;
        }
        var type = JsonValues.Text(step["stepType"]) ?? "Run";
        var output = step["out"] is JsonValue o && o.TryGetValue<string>(out var text) ? text : null;
        // A wait was logged in progress when it began; the event or the timeout completes that entry.
        if (type is "Wait" or "WaitForWebhook" && run.Steps.SelectMany(g => g.Items).LastOrDefault(x => x.StepId == id && x.State == StepState.StepProgress) is { } waiting)
        {
            (waiting.State, waiting.Out, waiting.WaitTimeout) = (StepState.StepSuccess, output, JsonValues.Bool(step["waitTimeout"]));
            return;
        }
        var concurrent = JsonValues.Int(step["concurrent"]) ?? 1;
        var call = type == "Call" ? Called(run.Protocol!, id, output) : default;
        var logged = new Step
        {
            StepId = id,
            StepName = JsonValues.Text(step["stepName"]) ?? "",
            StepType = type,
            MessageId = item.MessageId,
            State = StepState.StepSuccess,
            CreatedAt = s.Now,
            Out = output,
            CallType = type == "Call" ? Wire.FromCallback : Wire.Step,
            CallUrl = call.Request?.Url,
            CallMethod = call.Request?.Method,
            CallBody = call.Request?.Body,
            CallHeaders = call.Request?.Headers,
            CallResponseStatus = call.Status,
            CallResponseBody = call.Body,
            CallResponseHeaders = call.Headers,
            WaitEventId = JsonValues.Text(step["waitEventId"]),
            WaitTimeout = JsonValues.Bool(step["waitTimeout"]),
            Concurrent = concurrent,
            Retries = run.Retries,
        };
        AddToLog(run, logged, concurrent);
    }

    /// <summary>
    /// Adds a step to the run's log: a branch of a parallel group (<paramref name="concurrent"/> above one) joins the
    /// group the run's log ends with while it has room, whether the branch succeeded or failed; any other step is a group
    /// of its own.
    /// </summary>
    private static void AddToLog(Run run, Step step, int concurrent, string single = "sequential")
    {
        if (concurrent > 1 && run.Steps.LastOrDefault() is { Type: "parallel" } group && group.Items.Count < concurrent)
        {
            group.Items.Add(step);
            return;
        }
        run.Add(step, concurrent > 1 ? "parallel" : single);
    }

    /// <summary>
    /// How many steps run at once with the one a message carries (its <c>concurrent</c>, one when it says nothing), and
    /// whether it is a plan step (numbered 0: a branch about to run, not a result).
    /// </summary>
    private static (int Concurrent, bool Plan) Parallel(byte[] step)
    {
        try
        {
            return JsonNode.Parse(step) is JsonObject o ? (JsonValues.Int(o["concurrent"]) ?? 1, JsonValues.Long(o["stepId"]) == 0) : (1, false);
        }
        catch (JsonException)
        {
            return (1, false);
        }
    }

    /// <summary>A call step's request (as its message asked) and answer (as its result step reports it: <c>{status, body, header}</c>).</summary>
    private static (CallRequest? Request, long? Status, string? Body, Dictionary<string, string[]>? Headers) Called(Protocol protocol, long stepId, string? output)
    {
        protocol.Calls.Remove(stepId, out var request);
        try
        {
            if (output is not null && JsonNode.Parse(output) is JsonObject answer)
            {
                var headers = (answer["header"] as JsonObject)?.ToDictionary(h => h.Key,
                    h => h.Value is JsonArray values ? values.Select(v => v?.ToString() ?? "").ToArray() : [h.Value?.ToString() ?? ""]);
                return (request, JsonValues.Long(answer["status"]), answer["body"]?.ToString(), headers);
            }
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
        {
            // An answer that is not the SDK's shape: the step's output stays as it came.
        }
        return (request, null, null, null);
    }

    /// <summary>
    /// Schedules the delivery of the run's history up to <paramref name="snapshot"/> messages, the last one being
    /// delivered, after <paramref name="delay"/> on the emulator's clock (a timer of the run's, stopped when it ends).
    /// </summary>
    private void Deliver(Run run, int snapshot, TimeSpan delay, int retried, string? url = null)
    {
        if (sender.Allowed(url ?? run.WorkflowUrl))
        {
            // The run's flow-control key applies to each step's delivery, retries included, as the trigger's config does.
            sender.Schedule(run.WorkflowRunId, delay, () =>
            {
                AfterAnswers(run, () => flow.Run(run.FlowControlKey, () => DeliverAsync(run, snapshot, retried, url)));
                return Task.CompletedTask;
            });
        }
    }

    private async Task DeliverAsync(Run run, int snapshot, int retried, string? url)
    {
        var (body, headers, protocol, delivered) = state.Read(s =>
        {
            if (run.Finished || run.Protocol is not { } p || p.History.Count < snapshot)
            {
                return default;
            }
            var delivered = p.History[snapshot - 1];
            var bytes = options.LazyFetch && p.Has(Wire.LazyFetch) ? [] : HistoryBody(p.History, snapshot);
            run.Delivering++;
            return (bytes, StepHeaders(run, p, delivered.MessageId, retried), p, delivered);
        });
        if (protocol is null)
        {
            return;
        }
        var target = url ?? run.WorkflowUrl;
        DeliveryAnswer answer;
        try
        {
            answer = await sender.SendAsync(EmulatorDelivery.Workflow, target, body!, run.ContentType ?? "application/json", headers!, run.WorkflowRunId).ConfigureAwait(false);
        }
        finally
        {
            Answered(run);
        }
        if (answer.Succeeded)
        {
            // A trigger that reached an endpoint which answered without the protocol's header: no workflow is there.
            if (snapshot == 1 && protocol.Known && protocol.Has(Wire.DetectTrigger) && !answer.Headers.ContainsKey(Wire.SdkVersion))
            {
                // The step's error holds what the endpoint answered, as the service's log shows it.
                Fail(run, new Failure(answer.Status, answer.Body, answer.Headers, "detected a non-workflow destination for trigger/invoke. make sure you are sending the request to the correct endpoint", snapshot));
                return;
            }
            // The first delivery of a /v2/trigger run: an SDK of 1.0 or later acts on it before it answers (it triggers
            // the run itself when asked as an unknown SDK; else it submits a step, waits or returns). One that answered
            // as an SDK (its version header) and did none of these is older, and never will. An endpoint that is no SDK
            // at all is left to its run's retries and timeouts, as a test's stand-in may be.
            if (snapshot == 1 && answer.Headers.ContainsKey(Wire.SdkVersion) && state.Read(_ => protocol.Unproven && Idle(run, delivered!)))
            {
                Fail(run, new Failure(answer.Status, answer.Body, answer.Headers, "trigger rest api is only usable with sdk versions after v1.0.0 major version", snapshot));
                return;
            }
            Succeeded(run);
            return;
        }
        Failed(run, snapshot, retried, answer, () => DeliverAsync(run, snapshot, retried + 1, url));
    }

    /// <summary>
    /// Whether the endpoint left the run as the delivery of <paramref name="delivered"/> found it: not ended, no wait, and
    /// that message still its whole history (an adoption starts the history again; a step adds to it).
    /// </summary>
    private static bool Idle(Run run, HistoryMessage delivered) =>
        !run.Finished && run.Waiting.Count == 0 && run.Protocol?.History is [var only] && ReferenceEquals(only, delivered);

    /// <summary>A delivery of the run succeeded: the step it carried is no longer retrying.</summary>
    private void Succeeded(Run run) => state.Change(s =>
    {
        if (Raise(run, RunEvent.Delivered))
        {
            run.Retrying = null;
        }
    });

    /// <summary>
    /// A delivery of the run failed: it is retried after its backoff while the run has retries left (the step shows
    /// retrying, with the error and the next delivery time), else the run fails with the answer (<see cref="Fail"/>).
    /// </summary>
    private void Failed(Run run, int snapshot, int retried, DeliveryAnswer answer, Func<Task> again)
    {
        var decision = RetryPolicy.Decide(retried, run.Retries, answer.Status, answer.Headers, run.Settings.RetryDelay);
        if (decision.GiveUp is { } why)
        {
            Fail(run, new Failure(answer.Status, answer.Body, answer.Headers, why, snapshot));
            return;
        }
        var retrying = state.Change(s =>
        {
            if (!Raise(run, RunEvent.DeliveryFailed))
            {
                return false;
            }
            var step = run.Retrying ??= s.NewStep(run, StepNameOf(run, snapshot), "Run", StepState.StepRetry);
            step.State = StepState.StepRetry;
            step.NextDeliveryTime = s.Now + (long)decision.Delay.TotalMilliseconds;
            (step.Errors ??= []).Add(answer.Error(s.Now));
            return true;
        });
        if (retrying)
        {
            if (answer.Record is { } record)
            {
                record.NextAttempt = state.Clock.GetUtcNow() + decision.Delay;
            }
            log.Run(run, $"delivery failed ({answer.Reason}); retry {retried + 1} of {run.Retries} in {Describe(decision.Delay)}");
            sender.Schedule(run.WorkflowRunId, decision.Delay, () =>
            {
                flow.Run(run.FlowControlKey, again);
                return Task.CompletedTask;
            });
        }
    }

    /// <summary>The name the logs give the step a delivery carries: the step's own name when the message is one, else the run's.</summary>
    private static string StepNameOf(Run run, int snapshot) =>
        run.Protocol is { } p && snapshot <= p.History.Count && snapshot > 1 && TryStep(p.History[snapshot - 1].Body) is { } step && JsonValues.Text(step["stepName"]) is { } name
            ? name
            : "run";

    private static JsonObject? TryStep(byte[] body)
    {
        try
        {
            return JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Describe(TimeSpan delay) => delay.TotalSeconds < 1 ? $"{delay.TotalMilliseconds:0} ms" : $"{delay.TotalSeconds:0.#} s";

    /// <summary>The delivery's body: <c>[{messageId, body: base64, callType}]</c>, the history up to the delivered message.</summary>
    private static byte[] HistoryBody(List<HistoryMessage> history, int count)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            for (var i = 0; i < count; i++)
            {
                json.WriteStartObject();
                json.WriteString("messageId", history[i].MessageId);
                json.WriteBase64String("body", history[i].Body);
                json.WriteString("callType", history[i].CallType);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// The headers the run's trigger forwarded, which the service puts on every delivery of the run (steps and call
    /// callbacks alike: an SDK reads them before its first step); never the service's own, which it sets anew.
    /// </summary>
    private static Dictionary<string, string> TriggerHeaders(Run run)
    {
        var headers = DeliverySender.Forwarded(run.Settings.Forwarded);
        foreach (var own in Wire.ServiceHeaders)
        {
            headers.Remove(own); // An endpoint's re-trigger forwards what it received.
        }
        return headers;
    }

    /// <summary>The headers of a step delivery: the trigger's forwarded ones, then the service's own.</summary>
    private static Dictionary<string, string> StepHeaders(Run run, Protocol protocol, string messageId, int retried)
    {
        var headers = TriggerHeaders(run);
        headers[Wire.RunId] = run.WorkflowRunId;
        headers[Wire.WorkflowUrl] = run.WorkflowUrl;
        headers[Wire.CreatedAt] = run.WorkflowRunCreatedAt.ToString(CultureInfo.InvariantCulture);
        headers[Wire.MessageId] = messageId;
        headers[Wire.Retried] = retried.ToString(CultureInfo.InvariantCulture);
        if (run.Labels.Length > 0)
        {
            headers[Wire.Label] = string.Join(',', run.Labels);
        }
        if (protocol.InvokeCount > 0)
        {
            headers[Wire.InvokeCount] = protocol.InvokeCount.ToString(CultureInfo.InvariantCulture);
        }
        if (protocol.Known)
        {
            headers[Wire.SdkVersion] = "1";
        }
        else
        {
            headers.Remove(Wire.SdkVersion);
            headers[Wire.UnknownSdk] = "true";
        }
        return headers;
    }

    /// <summary>The run's messages for the lazy fetch (<c>GET /v2/workflows/runs/{id}</c>); null once the run ended or for no such run.</summary>
    public List<object>? History(string runId) => state.Read(s => s.FindRun(runId) is { Finished: false, Protocol: { } p }
        ? p.History.Select(m => (object)new { messageId = m.MessageId, body = Convert.ToBase64String(m.Body), callType = m.CallType }).ToList()
        : null);

    /// <summary>The run returned (the endpoint's <c>DELETE /v2/workflows/runs/{id}?cancel=false</c>, the result as body; or from code): false when it is not running.</summary>
    public bool Complete(string runId, byte[] result)
    {
        var run = state.Change(s =>
        {
            if (s.FindRun(runId) is not { } found || !Raise(found, RunEvent.Returned))
            {
                return null;
            }
            var (text, base64) = EmulatorState.Encode(result);
            found.WorkflowRunResponse = text ?? base64;
            if (found.Protocol is null)
            {
                // A run seeded from code has no endpoint to report its last step: the result is logged as one.
                found.Add(s.NewStep(found, "run", "Run", StepState.StepSuccess) with { Out = found.WorkflowRunResponse });
            }
            Ended(s, found);
            return found;
        });
        if (run is not null)
        {
            AfterEnd(run, "returned");
        }
        return run is not null;
    }

    /// <summary>Cancels runs (the API's cancel, one or in bulk): those still running, each under the same lock it was found in.</summary>
    public int Cancel(Func<EmulatorState, IEnumerable<Run>> select)
    {
        var cancelled = state.Change(s =>
        {
            var runs = select(s).Where(r => Raise(r, RunEvent.Canceled)).ToList();
            runs.ForEach(r => Ended(s, r));
            return runs;
        });
        foreach (var run in cancelled)
        {
            AfterEnd(run, "cancelled");
        }
        return cancelled.Count;
    }

    /// <summary>What every end of a run changes, under the lock: its end time, its messages dropped (its logs stay), its waits, kept events and retry over.</summary>
    private static void Ended(EmulatorState s, Run run)
    {
        run.WorkflowRunCompletedAt = s.Now;
        if (run.Protocol is { } protocol)
        {
            // A failed run keeps its history up to the message that failed, and the parallel branches' results that came
            // after it, for a resume from its DLQ entry (RunAgain); no other end keeps any.
            if (run.WorkflowState != WorkflowRunState.RunFailed || protocol.FailedAt < 0)
            {
                protocol.History.Clear();
            }
            else
            {
                for (var i = protocol.History.Count - 1; i > protocol.FailedAt; i--)
                {
                    if (Parallel(protocol.History[i].Body) is not { Concurrent: > 1, Plan: false })
                    {
                        protocol.History.RemoveAt(i);
                    }
                }
            }
        }
        run.Protocol?.Calls.Clear();
        run.Retrying = null;
        foreach (var waiter in run.Waiting.ToList())
        {
            s.RemoveWaiter(run, waiter);
        }
        run.Saved.Clear();
        run.Held.Clear();
    }

    /// <summary>What every end of a run does after the lock: its timers stop, the log says so, and its invoker learns the outcome.</summary>
    private void AfterEnd(Run run, string how)
    {
        sender.CancelTimers(run.WorkflowRunId);
        log.Run(run, how);
        // A run usually ends while the delivery that ended it awaits its answer (the SDK completes the run, then
        // answers): its invoker hears of it after that answer, as from the service, so the SDK is done with the run.
        if (state.Change(s => run.InvokerWaits = run.Delivering > 0))
        {
            return;
        }
        TellInvoker(run);
    }

    /// <summary>
    /// Sends to the run's endpoint once no delivery to it awaits its answer. An SDK submits a step, then goes on with the
    /// delivery that submitted it (its logs, its middleware) before it answers; the service's own latency lets it finish
    /// first, and upstream's CI relies on that order. An emulator on the same machine answers at once, so it waits.
    /// </summary>
    private void AfterAnswers(Run run, Action send)
    {
        if (!state.Change(s =>
        {
            if (run.Delivering == 0)
            {
                return false;
            }
            run.Held.Add(send);
            return true;
        }))
        {
            send();
        }
    }

    /// <summary>A delivery to the run has its answer: once none is left, the sends held for it go, and an invoker left waiting is told.</summary>
    private void Answered(Run run)
    {
        var (tell, held) = state.Change(s =>
        {
            run.Delivering--;
            if (run.Delivering > 0)
            {
                return (false, (List<Action>?)null);
            }
            var tell = run.InvokerWaits;
            run.InvokerWaits = false;
            List<Action>? held = run.Held.Count == 0 ? null : [.. run.Held];
            run.Held.Clear();
            return (tell, held);
        });
        held?.ForEach(send => send());
        if (tell)
        {
            TellInvoker(run);
        }
    }

    /// <summary>A run ended: its invoker, if any, gets the outcome as the invoke's result.</summary>
    private void TellInvoker(Run run)
    {
        var (invoker, outcome) = state.Read(s => (run.Invoker is { Step: not null } i ? s.FindRun(i.WorkflowRunId) : null, new JsonObject
        {
            ["isFailed"] = run.WorkflowState == WorkflowRunState.RunFailed,
            ["isCanceled"] = run.WorkflowState == WorkflowRunState.RunCanceled,
        }));
        // A run that ended with no result (failed, cancelled) has no body key at all, as the service writes it: the SDK
        // hands the invoker undefined, not null.
        if (run.WorkflowRunResponse is { } response)
        {
            outcome["body"] = response;
        }
        if (invoker is null)
        {
            return;
        }
        var step = run.Invoker!.Step!.DeepClone().AsObject();
        step["out"] = outcome.ToJsonString();
        AppendAndDeliver(invoker, Encoding.UTF8.GetBytes(step.ToJsonString()), RunEvent.MessageAccepted);
    }

    /// <summary>Adds a step the service itself completes (an event, a timeout, an invoke's outcome) and delivers it.</summary>
    private void AppendAndDeliver(Run run, byte[] step, RunEvent on, string? url = null)
    {
        var snapshot = state.Change(s =>
        {
            if (run.Protocol is null || !Raise(run, on))
            {
                // A branch that ends after another branch of its parallel group failed the run is still the group's:
                // the log shows it beside the failed one, as the service's does.
                if (run.WorkflowState == WorkflowRunState.RunFailed && Parallel(step).Concurrent > 1)
                {
                    Log(s, run, new HistoryMessage(EmulatorState.NewId(Wire.MessageIdPrefix), step, Wire.Step));
                }
                return 0;
            }
            Append(s, run, step, Wire.Step);
            return run.Protocol.History.Count;
        });
        if (snapshot > 0)
        {
            Deliver(run, snapshot, TimeSpan.Zero, retried: 0, url);
        }
    }

    /// <summary>The payload and invoker of an invoke (<c>Upstash-Workflow-Invoke</c>): its body wraps the payload with the invoking step.</summary>
    private static (byte[]? Payload, Invoker? Invoker) Invocation(byte[] body)
    {
        try
        {
            if (JsonNode.Parse(body) is JsonObject o && JsonValues.Text(o["workflowRunId"]) is { } id && JsonValues.Text(o["workflowUrl"]) is { } url && o["step"] is JsonObject step)
            {
                var payload = o["body"] is JsonValue v && v.TryGetValue<string>(out var text) ? Encoding.UTF8.GetBytes(text) : [];
                return (payload, new Invoker(id, url, JsonValues.Long(o["workflowRunCreatedAt"]) ?? 0) { Step = step });
            }
        }
        catch (JsonException)
        {
        }
        return (null, null);
    }
}
