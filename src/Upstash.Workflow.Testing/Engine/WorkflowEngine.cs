using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Upstash.Workflow.Testing;

/// <summary>
/// The service's side of the workflow protocol: runs start and grow from the messages endpoints publish, and each
/// accepted message is delivered to the endpoint, signed, with the run's history as it stood when the message was
/// accepted (a later snapshot would let two parallel results both look last). Deliveries that fail are retried as the
/// service retries them; when the retries are spent the run fails into the DLQ and its failure callback is called.
/// The protocol is described in docs/testing.md#workflows; this file accepts and delivers, the partial files beside it
/// handle failures, waits and calls.
/// </summary>
internal sealed partial class WorkflowEngine(EmulatorState state, DeliverySender sender, FlowGate flow, UpstashWorkflowEmulatorOptions options)
{
    private const string SdkVersionHeader = "Upstash-Workflow-Sdk-Version";

    private static readonly string[] ServiceHeaders = ["Upstash-Signature", "Upstash-Message-Id", "Upstash-Retried", "Upstash-Caller-Ip", "Upstash-Workflow-Unknown-Sdk", "Upstash-Region"];

    /// <summary>What a published message became: its id, whether it was a duplicate, or why it was refused.</summary>
    public sealed record Accepted(string? MessageId, bool Deduplicated, int Status = 0, string? Error = null)
    {
        public static Accepted Refused(int status, string error) => new(null, false, status, error);
    }

    /// <summary>Takes one published message: a run's first message starts it, any other joins its run's history.</summary>
    public Accepted Accept(WorkflowMessage message)
    {
        if (message.RunId is not { Length: > 0 } runId)
        {
            return Accepted.Refused(400, "the emulator runs workflows only: a message without upstash-workflow-runid (a plain QStash message) is not emulated");
        }
        if (message.Init)
        {
            return Start(message, runId);
        }
        if (message.CallType == "toCallback")
        {
            return Call(message, runId);
        }
        var (accepted, delivery) = state.Change(s =>
        {
            var run = s.FindRun(runId);
            if (run?.Protocol is not { } protocol)
            {
                return (Accepted.Refused(404, $"no workflow run {runId}"), (Action?)null);
            }
            if (run.Finished)
            {
                return (Accepted.Refused(400, $"workflow run {runId} has ended ({run.WorkflowState}): no step is accepted"), null);
            }
            if (protocol.History.Count >= options.MaxStepsPerRun)
            {
                return (Accepted.Refused(400, $"workflow run {runId} reached the emulator's limit of {options.MaxStepsPerRun} steps (UpstashWorkflowEmulatorOptions.MaxStepsPerRun) and failed"), () => LimitReached(run));
            }
            var item = Append(s, run, message.Body, message.CallType);
            return (new Accepted(item.MessageId, false), () => Deliver(run, protocol.History.Count, DelayOf(message), retried: 0));
        });
        delivery?.Invoke();
        return accepted;
    }

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
        var (payload, invoker) = message.Invoke ? Invocation(message.Body) : (message.Body, null);
        if (payload is null)
        {
            return Accepted.Refused(400, "an invoke's body must be a JSON object with body, workflowRunId, workflowUrl and step");
        }
        var (accepted, run) = state.Change(s =>
        {
            if (s.FindRun(runId) is { } existing)
            {
                if (!message.TriggeredBySdk || existing.Protocol is not { Known: false } waiting || existing.Finished)
                {
                    return (new Accepted(existing.Protocol?.History.FirstOrDefault()?.MessageId ?? s.NextId("msg_emu_"), true), (Run?)null);
                }
                // The endpoint answered the unknown-SDK delivery by triggering the run itself: from now on it speaks the protocol.
                // Its failure URL, when the trigger named none, is the workflow's own, as the SDK's own trigger makes it.
                var merged = settings.Over(existing.Settings);
                existing.Settings = merged with { FailureCallback = merged.FailureCallback ?? existing.WorkflowUrl };
                waiting.Known = true;
                waiting.FeatureSet = message.Header("Upstash-Feature-Set") ?? "";
                waiting.History.Clear();
                var again = Append(s, existing, payload, "step");
                return (new Accepted(again.MessageId, false), existing);
            }
            var started = s.Trigger(message.WorkflowUrl, runId, settings, payload, message.ContentType, invoker);
            started.Protocol = new Protocol
            {
                Known = true,
                FeatureSet = message.Header("Upstash-Feature-Set") ?? "",
                InvokeCount = int.TryParse(message.Header("Upstash-Workflow-Invoke-Count"), NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count : 0,
            };
            var first = Append(s, started, payload, "step");
            return (new Accepted(first.MessageId, false), started);
        });
        if (run is not null)
        {
            Deliver(run, 1, DelayOf(message), retried: 0);
        }
        return accepted;
    }

    /// <summary>
    /// Delivers the first message of a run started through the API (<c>/v2/trigger</c>, a resume or a restart of such a
    /// run): the service does not know whether the endpoint speaks the protocol, so it says so
    /// (<c>Upstash-Workflow-Unknown-Sdk</c>), and an endpoint that does triggers the run again itself.
    /// </summary>
    public void StartUnknown(Run run)
    {
        var delay = state.Change(s =>
        {
            run.Protocol = new Protocol();
            Append(s, run, run.Body, "step");
            var first = run.Steps.FirstOrDefault()?.Items.FirstOrDefault()?.NextDeliveryTime;
            return first is { } at ? TimeSpan.FromMilliseconds(Math.Max(0, at - s.Now)) : TimeSpan.Zero;
        });
        Deliver(run, 1, delay, retried: 0);
    }

    /// <summary>Starts a run again from the DLQ: a restart delivers its first message only; a resume the history up to the failed message.</summary>
    public void StartAgain(Run run, bool resume)
    {
        if (run.Origin is not { Protocol: { Known: true } before } failed)
        {
            StartUnknown(run);
            return;
        }
        var snapshot = state.Change(s =>
        {
            run.Protocol = new Protocol { Known = true, FeatureSet = before.FeatureSet, InvokeCount = before.InvokeCount };
            if (!resume || before.FailedAt < 1)
            {
                Append(s, run, run.Body, "step");
                return 1;
            }
            run.Protocol.History.AddRange(before.History.Take(before.FailedAt + 1));
            // The steps that completed before are the new run's too: its logs show their results.
            foreach (var group in failed.Steps.Skip(1).Where(g => g.Items.All(i => i.State == "STEP_SUCCESS")))
            {
                run.Steps.Add(group with { Items = [.. group.Items] });
            }
            return run.Protocol.History.Count;
        });
        Deliver(run, snapshot, TimeSpan.Zero, retried: 0);
    }

    /// <summary>Adds a message to the run's history (and a step to its logs, when it is one).</summary>
    private static HistoryMessage Append(EmulatorState s, Run run, byte[] body, string callType)
    {
        var item = new HistoryMessage(s.NextId("msg_emu_"), body, callType);
        run.Protocol!.History.Add(item);
        if (run.Protocol.History.Count > 1 && callType == "step")
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
        if (type is "Wait" or "WaitForWebhook" && run.Steps.SelectMany(g => g.Items).LastOrDefault(x => x.StepId == id && x.State == "STEP_PROGRESS") is { } waiting)
        {
            (waiting.State, waiting.Out, waiting.WaitTimeout) = ("STEP_SUCCESS", output, JsonValues.Bool(step["waitTimeout"]));
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
            State = "STEP_SUCCESS",
            CreatedAt = s.Now,
            Out = output,
            CallType = type == "Call" ? "fromCallback" : "step",
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
        if (concurrent > 1 && run.Steps.LastOrDefault() is { Type: "parallel" } group && group.Items.Count < concurrent)
        {
            group.Items.Add(logged);
            return;
        }
        run.Add(logged, concurrent > 1 ? "parallel" : "sequential");
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

    /// <summary>The delay a message asks for: <c>Upstash-Delay</c>, or until <c>Upstash-Not-Before</c>, whichever is later.</summary>
    private TimeSpan DelayOf(WorkflowMessage message)
    {
        var delay = message.Header("Upstash-Delay") is { } d && RunSettings.IsDuration(d) ? TimeSpan.FromMilliseconds(RunSettings.Milliseconds(d)) : TimeSpan.Zero;
        if (message.Header("Upstash-Not-Before") is { } nb && long.TryParse(nb, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            var until = DateTimeOffset.FromUnixTimeSeconds(seconds) - state.Clock.GetUtcNow();
            delay = until > delay ? until : delay;
        }
        return delay;
    }

    /// <summary>Schedules the delivery of the run's history up to <paramref name="snapshot"/> messages, the last one being delivered.</summary>
    private void Deliver(Run run, int snapshot, TimeSpan delay, int retried, string? url = null)
    {
        if (sender.Allowed(url ?? run.WorkflowUrl))
        {
            // The run's flow-control key applies to each step's delivery, retries included, as the trigger's config does.
            sender.Schedule(delay, () =>
            {
                flow.Run(run.FlowControlKey, () => DeliverAsync(run, snapshot, retried, url));
                return Task.CompletedTask;
            });
        }
    }

    private async Task DeliverAsync(Run run, int snapshot, int retried, string? url)
    {
        var (body, headers, protocol, message) = state.Read(s =>
        {
            if (run.Finished || run.Protocol is not { } p || p.History.Count < snapshot)
            {
                return default;
            }
            var delivered = p.History[snapshot - 1];
            var bytes = options.LazyFetch && p.Has("LazyFetch") ? [] : HistoryBody(p.History, snapshot);
            return (bytes, StepHeaders(run, p, delivered.MessageId, retried), p, delivered);
        });
        if (protocol is null)
        {
            return;
        }
        var target = url ?? run.WorkflowUrl;
        var (status, answer, answerHeaders) = await sender.SendAsync(EmulatorDelivery.Workflow, target, body!, run.ContentType ?? "application/json", headers!, run.WorkflowRunId).ConfigureAwait(false);
        if (status is >= 200 and < 300)
        {
            // A trigger that reached an endpoint which answered without the protocol's header: no workflow is there.
            if (snapshot == 1 && protocol.Known && protocol.Has("WF_DetectTrigger") && !answerHeaders.ContainsKey(SdkVersionHeader))
            {
                await FailAsync(run, snapshot, 400, Encoding.UTF8.GetBytes("""{"error":"WorkflowError","message":"detected a non-workflow destination for trigger/invoke. make sure you are sending the request to the correct endpoint"}"""), answerHeaders).ConfigureAwait(false);
            }
            return;
        }
        if (status == 489 && answerHeaders.TryGetValue("Upstash-NonRetryable-Error", out var nonRetryable) && nonRetryable == "true")
        {
            await FailAsync(run, snapshot, status, answer, answerHeaders).ConfigureAwait(false);
            return;
        }
        if (retried < run.Retries)
        {
            // A 429 with Retry-After is retried after it says; it counts against the retries, so a run cannot be held forever.
            var delay = status == 429 && answerHeaders.TryGetValue("Retry-After", out var after) && int.TryParse(after, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
                ? TimeSpan.FromSeconds(seconds)
                : RetryPolicy.Backoff(retried + 1, run.Settings.RetryDelay);
            Deliver(run, snapshot, delay, retried + 1, url);
            return;
        }
        await FailAsync(run, snapshot, status, answer, answerHeaders).ConfigureAwait(false);
    }

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

    /// <summary>The headers of a step delivery: the trigger's forwarded ones, then the service's own.</summary>
    private Dictionary<string, string> StepHeaders(Run run, Protocol protocol, string messageId, int retried)
    {
        var headers = DeliverySender.Forwarded(run.Settings.Forwarded);
        foreach (var own in ServiceHeaders)
        {
            headers.Remove(own); // An endpoint's re-trigger forwards what it received; the service sets these anew.
        }
        headers["Upstash-Workflow-RunId"] = run.WorkflowRunId;
        headers["Upstash-Workflow-Url"] = run.WorkflowUrl;
        headers["Upstash-Workflow-CreatedAt"] = run.WorkflowRunCreatedAt.ToString(CultureInfo.InvariantCulture);
        headers["Upstash-Message-Id"] = messageId;
        headers["Upstash-Retried"] = retried.ToString(CultureInfo.InvariantCulture);
        if (run.Labels.Length > 0)
        {
            headers["Upstash-Label"] = string.Join(',', run.Labels);
        }
        if (protocol.InvokeCount > 0)
        {
            headers["Upstash-Workflow-Invoke-Count"] = protocol.InvokeCount.ToString(CultureInfo.InvariantCulture);
        }
        if (protocol.Known)
        {
            headers[SdkVersionHeader] = "1";
        }
        else
        {
            headers.Remove(SdkVersionHeader);
            headers["Upstash-Workflow-Unknown-Sdk"] = "true";
        }
        return headers;
    }

    /// <summary>The run's messages for the lazy fetch (<c>GET /v2/workflows/runs/{id}</c>); null once the run ended or for no such run.</summary>
    public List<object>? History(string runId) => state.Read(s => s.FindRun(runId) is { Finished: false, Protocol: { } p }
        ? p.History.Select(m => (object)new { messageId = m.MessageId, body = Convert.ToBase64String(m.Body), callType = m.CallType }).ToList()
        : null);

    /// <summary>The endpoint says the run returned (<c>DELETE /v2/workflows/runs/{id}?cancel=false</c>, the result as body).</summary>
    public bool Complete(string runId, byte[] result)
    {
        var run = state.Change(s =>
        {
            if (s.FindRun(runId) is not { Finished: false } found)
            {
                return null;
            }
            found.WorkflowState = "RUN_SUCCESS";
            found.WorkflowRunCompletedAt = s.Now;
            // A finished run keeps its logs, not its messages: nothing can deliver or resume them any more.
            found.Protocol?.History.Clear();
            var (text, base64) = EmulatorState.Encode(result);
            found.WorkflowRunResponse = text ?? base64;
            return found;
        });
        if (run is not null)
        {
            Ended(run);
        }
        return run is not null;
    }

    /// <summary>A run ended (returned, failed or cancelled): its invoker, if any, gets the outcome as the invoke's result.</summary>
    public void Ended(Run run)
    {
        var (invoker, outcome) = state.Read(s => (run.Invoker is { Step: not null } i ? s.FindRun(i.WorkflowRunId) : null, new JsonObject
        {
            ["body"] = run.WorkflowRunResponse,
            ["isFailed"] = run.WorkflowState == "RUN_FAILED",
            ["isCanceled"] = run.WorkflowState == "RUN_CANCELED",
        }));
        if (invoker is null)
        {
            return;
        }
        var step = run.Invoker!.Step!.DeepClone().AsObject();
        step["out"] = outcome.ToJsonString();
        AppendAndDeliver(invoker, Encoding.UTF8.GetBytes(step.ToJsonString()));
    }

    /// <summary>Adds a step the service itself completes (an event, a timeout, an invoke's outcome) and delivers it.</summary>
    private void AppendAndDeliver(Run run, byte[] step, string? url = null)
    {
        var snapshot = state.Change(s =>
        {
            if (run.Finished || run.Protocol is null)
            {
                return 0;
            }
            Append(s, run, step, "step");
            return run.Protocol.History.Count;
        });
        if (snapshot > 0)
        {
            Deliver(run, snapshot, TimeSpan.Zero, retried: 0, url);
        }
    }

    /// <summary>The payload and invoker of an invoke (<c>Upstash-Workflow-Invoke</c>): its body wraps the payload with the invoking step.</summary>
    private (byte[]? Payload, Invoker? Invoker) Invocation(byte[] body)
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
