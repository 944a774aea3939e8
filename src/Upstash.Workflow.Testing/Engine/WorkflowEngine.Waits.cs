using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Upstash.Workflow.Testing;

/// <summary>
/// <c>context.waitForEvent</c>: the endpoint registers a waiter (<c>POST /v2/wait/{eventId}</c>); a notify delivers the
/// step with the event's body (base64, as <c>out</c>), the deadline delivers it with <c>waitTimeout</c> true.
/// </summary>
internal sealed partial class WorkflowEngine
{
    /// <summary>Registers a run's wait; an event sent to that run earlier, and kept, ends it at once.</summary>
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
            return Accepted.Refused(400, "a wait needs Upstash-Workflow-RunId and a body { url, timeout, timeoutUrl, timeoutHeaders, step }");
        }
        // The SDK sends "7d" or "<n>s"; a bare number is seconds.
        if ((JsonValues.Long(request["timeout"]) is { } seconds and > 0 ? TimeSpan.FromSeconds(seconds) : Timeout(JsonValues.Text(request["timeout"]) ?? "7d")) is not { } timeout)
        {
            return Accepted.Refused(400, $"invalid wait timeout '{request["timeout"]}': expected a duration such as 10s or 7d, or seconds");
        }
        var (accepted, saved, waiter) = state.Change<(Accepted, (Run? Run, byte[]? Bytes), Waiter?)>(s =>
        {
            if (s.FindRun(runId) is not { Protocol: not null } run)
            {
                return (Accepted.Refused(404, $"no workflow run {runId}"), default, null);
            }
            if (run.Finished)
            {
                return (Accepted.Refused(400, $"workflow run {runId} has ended ({run.WorkflowState}): no wait is accepted"), default, null);
            }
            step["waitEventId"] = eventId;
            if (s.SavedEvents.FirstOrDefault(e => e.WorkflowRunId == runId && e.EventId == eventId) is { } kept)
            {
                s.SavedEvents.Remove(kept);
                return (new Accepted(s.NextId("msg_emu_"), false), (run, kept.Bytes), null);
            }
            // The wait shows in the logs while it lasts; the event or the timeout completes it.
            run.Add(new Step
            {
                StepId = JsonValues.Long(step["stepId"]) ?? 0,
                StepName = JsonValues.Text(step["stepName"]) ?? eventId,
                StepType = JsonValues.Text(step["stepType"]) ?? "Wait",
                MessageId = s.NextId("msg_emu_"),
                State = "STEP_PROGRESS",
                CreatedAt = s.Now,
                WaitEventId = eventId,
                Retries = run.Retries,
            });
            var url = JsonValues.Text(request["url"]) ?? run.WorkflowUrl;
            var added = new Waiter(url, (state.Clock.GetUtcNow() + timeout).ToUnixTimeSeconds(), [], JsonValues.Text(request["timeoutUrl"]) ?? url, "", [])
            {
                EventId = eventId,
                WorkflowRunId = runId,
                WorkflowCreatedAt = run.WorkflowRunCreatedAt,
                ProtocolStep = step,
            };
            s.Waiters.Add(added);
            return (new Accepted(s.NextId("msg_emu_"), false), default, added);
        });
        if (saved.Run is not null)
        {
            Notified(saved.Run, step, saved.Bytes!);
        }
        if (waiter is not null)
        {
            sender.Schedule(timeout, () =>
            {
                TimedOut(waiter);
                return Task.CompletedTask;
            });
        }
        return accepted;
    }

    /// <summary>An event reached a waiting step: the step is delivered with the event's body.</summary>
    public void Notified(Waiter waiter, byte[] payload)
    {
        if (waiter.ProtocolStep is { } step && state.Read(s => s.FindRun(waiter.WorkflowRunId)) is { } run)
        {
            Notified(run, step, payload);
        }
    }

    private void Notified(Run run, JsonObject registered, byte[] payload)
    {
        var step = registered.DeepClone().AsObject();
        step["out"] = Convert.ToBase64String(payload);
        step["waitTimeout"] = false;
        AppendAndDeliver(run, Encoding.UTF8.GetBytes(step.ToJsonString()));
    }

    private void TimedOut(Waiter waiter)
    {
        var run = state.Change(s => s.Waiters.Remove(waiter) ? s.FindRun(waiter.WorkflowRunId) : null);
        if (run is null)
        {
            return;
        }
        var step = waiter.ProtocolStep!.DeepClone().AsObject();
        step["waitTimeout"] = true;
        AppendAndDeliver(run, Encoding.UTF8.GetBytes(step.ToJsonString()), waiter.TimeoutUrl);
    }

    /// <summary>A wait's timeout: a duration (<c>7d</c>, <c>1h30m</c>) or seconds.</summary>
    private static TimeSpan? Timeout(string text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) ? TimeSpan.FromSeconds(seconds)
        : RunSettings.IsDuration(text) ? TimeSpan.FromMilliseconds(RunSettings.Milliseconds(text))
        : null;
}
