using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Upstash.Workflow.Testing;

/// <summary>
/// <c>context.call</c>: the service calls the URL (retried per the call's own <c>Upstash-Retries</c>), and after each
/// attempt posts the QStash callback to the workflow, which the endpoint turns into the call's result step. Both legs
/// are messages of the run's history, so both count against <see cref="UpstashWorkflowEmulatorOptions.MaxStepsPerRun"/>;
/// a callback that fails is retried, and fails the run, as a step's delivery does.
/// </summary>
internal sealed partial class WorkflowEngine
{
    private Accepted Call(WorkflowMessage message, string runId)
    {
        if (!sender.Allowed(message.Destination))
        {
            return Accepted.Refused(400, $"context.call to {message.Destination} is not made: the emulator calls only loopback and UpstashWorkflowEmulatorOptions.AllowedDeliveryHosts, never itself");
        }
        if (message.Header(Wire.Callback) is not { } callback || !sender.Allowed(callback))
        {
            return Accepted.Refused(400, $"a context.call message needs {Wire.Callback}, the workflow URL on loopback or an allowed host");
        }
        var settings = RunSettings.Read(message.Headers, out var error);
        if (error is not null)
        {
            return Accepted.Refused(400, error);
        }
        if (settings.OverPlan(options) is { } over)
        {
            return Accepted.Refused(RunSettings.OverPlanStatus, over);
        }
        var (accepted, run) = state.Change(s =>
        {
            if (s.FindRun(runId) is not { Protocol: { } protocol } found)
            {
                return (Accepted.Refused(404, $"no workflow run {runId}"), (Run?)null);
            }
            if (Refused(found) is { } ended)
            {
                return (ended, null);
            }
            if (StepLimit(found) is { } limit)
            {
                return (limit, found);
            }
            Raise(found, RunEvent.MessageAccepted);
            if (long.TryParse(message.Header(Wire.CallStepId), NumberStyles.None, CultureInfo.InvariantCulture, out var stepId))
            {
                protocol.Calls[stepId] = new CallRequest(message.Destination, message.Header(Wire.Method) ?? "POST", System.Text.Encoding.UTF8.GetString(message.Body),
                    DeliverySender.Forwarded(settings.Forwarded).ToDictionary(h => h.Key, h => new[] { h.Value }, StringComparer.OrdinalIgnoreCase));
            }
            return (new Accepted(Append(s, found, message.Body, Wire.ToCallback).MessageId, false), found);
        });
        if (accepted.Error is not null)
        {
            if (run is not null)
            {
                LimitReached(run);
            }
            return accepted;
        }
        var call = new CallLeg(run!, message, settings, accepted.MessageId!);
        sender.Track(() => CallAsync(call, retried: 0));
        return accepted;
    }

    /// <summary>One <c>context.call</c>: its run, the message that asked for it, its own retries, and its message id.</summary>
    private sealed record CallLeg(Run Run, WorkflowMessage Message, RunSettings Settings, string MessageId);

    private async Task CallAsync(CallLeg call, int retried)
    {
        var (run, message) = (call.Run, call.Message);
        if (state.Read(_ => run.Finished))
        {
            return;
        }
        // The call's headers as a trigger's forwarded ones: never those that frame the request.
        var headers = DeliverySender.Forwarded(call.Settings.Forwarded);
        headers[Wire.MessageId] = call.MessageId;
        headers[Wire.Retried] = retried.ToString(CultureInfo.InvariantCulture);
        var method = new HttpMethod(message.Header(Wire.Method) ?? "POST");
        var answer = await sender.SendAsync(EmulatorDelivery.Call, message.Destination, message.Body, message.ContentType, headers, run.WorkflowRunId, method).ConfigureAwait(false);
        var maxRetries = call.Settings.Retries ?? RunSettings.DefaultRetries;
        // A failed attempt that will be retried gives the workflow nothing: one callback per call, after its retries.
        if (RetryLater(answer, retried, maxRetries, call.Settings.RetryDelay, run.WorkflowRunId, () => CallAsync(call, retried + 1)))
        {
            return;
        }
        var callback = JsonSerializer.SerializeToUtf8Bytes(new JsonObject
        {
            ["status"] = answer.Status,
            ["header"] = new JsonObject(answer.HeaderValues.Select(h => KeyValuePair.Create(h.Key, (JsonNode?)new JsonArray([.. h.Value.Select(v => (JsonNode?)v)])))),
            ["body"] = Convert.ToBase64String(answer.Body),
            ["retried"] = retried,
            ["maxRetries"] = maxRetries,
            ["sourceMessageId"] = call.MessageId,
            ["url"] = message.Destination,
            ["method"] = method.Method,
            ["sourceBody"] = Convert.ToBase64String(message.Body),
            ["createdAt"] = state.Now,
        }, WireJson.Options);
        var (snapshot, limited) = state.Change(s =>
        {
            if (run.Finished)
            {
                return (0, false);
            }
            if (StepLimit(run) is not null)
            {
                return (0, true);
            }
            Raise(run, RunEvent.MessageAccepted);
            Append(s, run, callback, Wire.FromCallback);
            return (run.Protocol!.History.Count, false);
        });
        if (limited)
        {
            LimitReached(run);
            return;
        }
        if (snapshot > 0)
        {
            AfterAnswers(run, () => sender.Track(() => CallbackAsync(call, snapshot, callback, retried: 0)));
        }
    }

    /// <summary>
    /// Posts a call's callback to the workflow: the run's trigger headers, then those the call message gave under
    /// <c>Upstash-Callback-</c> (<c>Forward-X</c> as X, <c>Workflow-X</c> as <c>Upstash-Workflow-X</c>); never the
    /// protocol version, as the body is no history.
    /// </summary>
    private async Task CallbackAsync(CallLeg call, int snapshot, byte[] callback, int retried)
    {
        var (run, message) = (call.Run, call.Message);
        var (messageId, protocol) = state.Read(_ => run.Finished || run.Protocol!.History.Count < snapshot ? (null, null) : (run.Protocol!.History[snapshot - 1].MessageId, run.Protocol));
        if (messageId is null)
        {
            return;
        }
        var headers = TriggerHeaders(run);
        headers.Remove(Wire.SdkVersion); // The trigger forwards it for its steps; a callback's body is no history.
        headers[Wire.MessageId] = messageId;
        headers[Wire.Retried] = retried.ToString(CultureInfo.InvariantCulture);
        foreach (var (name, value) in message.Headers)
        {
            if (!name.StartsWith(Wire.CallbackPrefix, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            var rest = name[Wire.CallbackPrefix.Length..];
            if (rest.StartsWith("Forward-", StringComparison.OrdinalIgnoreCase))
            {
                headers[rest["Forward-".Length..]] = value;
            }
            else if (rest.StartsWith("Workflow-", StringComparison.OrdinalIgnoreCase))
            {
                headers["Upstash-" + rest] = value;
            }
        }
        var body = options.LazyFetch && protocol!.Has(Wire.LazyFetch) ? [] : callback;
        var answer = await sender.SendAsync(EmulatorDelivery.CallResult, message.Header(Wire.Callback)!, body, "application/json", headers, run.WorkflowRunId).ConfigureAwait(false);
        if (answer.Succeeded)
        {
            Succeeded(run);
            return;
        }
        Failed(run, snapshot, retried, answer, () => CallbackAsync(call, snapshot, callback, retried + 1));
    }

    /// <summary>
    /// A failed attempt of a call or a plain message: when it is to be retried, the retry is scheduled after its backoff
    /// (on the timers of <paramref name="owner"/>, the record showing when) and true is returned; false when it is not.
    /// </summary>
    private bool RetryLater(DeliveryAnswer answer, int retried, int maxRetries, string? retryDelay, string owner, Func<Task> again)
    {
        if (answer.Succeeded || RetryPolicy.Decide(retried, maxRetries, answer.Status, answer.Headers, retryDelay) is not { GiveUp: null } decision)
        {
            return false;
        }
        if (answer.Record is { } record)
        {
            record.NextAttempt = state.Clock.GetUtcNow() + decision.Delay;
        }
        sender.Schedule(owner, decision.Delay, again);
        return true;
    }
}
