using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Upstash.Workflow.Testing;

/// <summary>
/// <c>context.call</c>: the service calls the URL (retried per the call's own <c>Upstash-Retries</c>), and after each
/// attempt posts the QStash callback to the workflow, which the endpoint turns into the call's result step.
/// </summary>
internal sealed partial class WorkflowEngine
{
    private const string CallbackPrefix = "Upstash-Callback-";

    private Accepted Call(WorkflowMessage message, string runId)
    {
        if (!sender.Allowed(message.Destination))
        {
            return Accepted.Refused(400, $"context.call to {message.Destination} is not made: the emulator calls only loopback and UpstashWorkflowEmulatorOptions.AllowedDeliveryHosts");
        }
        if (message.Header("Upstash-Callback") is not { } callback || !sender.Allowed(callback))
        {
            return Accepted.Refused(400, "a context.call message needs Upstash-Callback, the workflow URL on loopback or an allowed host");
        }
        var (accepted, run) = state.Change(s =>
        {
            if (s.FindRun(runId) is not { Protocol: { } protocol } found)
            {
                return (Accepted.Refused(404, $"no workflow run {runId}"), (Run?)null);
            }
            if (found.Finished)
            {
                return (Accepted.Refused(400, $"workflow run {runId} has ended ({found.WorkflowState}): no step is accepted"), null);
            }
            if (long.TryParse(message.Header("Upstash-Callback-Forward-Upstash-Workflow-StepId"), NumberStyles.None, CultureInfo.InvariantCulture, out var stepId))
            {
                protocol.Calls[stepId] = new CallRequest(message.Destination, message.Header("Upstash-Method") ?? "POST", System.Text.Encoding.UTF8.GetString(message.Body),
                    DeliverySender.Forwarded(message.Settings.Forwarded).ToDictionary(h => h.Key, h => new[] { h.Value }, StringComparer.OrdinalIgnoreCase));
            }
            return (new Accepted(Append(s, found, message.Body, "toCallback").MessageId, false), found);
        });
        if (run is not null)
        {
            sender.Track(() => CallAsync(run, message, accepted.MessageId!, retried: 0));
        }
        return accepted;
    }

    private async Task CallAsync(Run run, WorkflowMessage message, string messageId, int retried)
    {
        if (state.Read(_ => run.Finished))
        {
            return;
        }
        // The call's headers as a trigger's forwarded ones: never those that frame the request.
        var headers = DeliverySender.Forwarded(message.Settings.Forwarded);
        headers["Upstash-Message-Id"] = messageId;
        headers["Upstash-Retried"] = retried.ToString(CultureInfo.InvariantCulture);
        var method = new HttpMethod(message.Header("Upstash-Method") ?? "POST");
        var (status, answer, answerHeaders) = await sender.SendAsync(EmulatorDelivery.Call, message.Destination, message.Body, message.ContentType, headers, run.WorkflowRunId, method).ConfigureAwait(false);
        var maxRetries = message.Settings.Retries ?? RunSettings.DefaultRetries;
        var callback = JsonSerializer.SerializeToUtf8Bytes(new JsonObject
        {
            ["status"] = status,
            ["header"] = new JsonObject(answerHeaders.Select(h => KeyValuePair.Create(h.Key, (JsonNode?)new JsonArray(h.Value)))),
            ["body"] = Convert.ToBase64String(answer),
            ["retried"] = retried,
            ["maxRetries"] = maxRetries,
            ["sourceMessageId"] = messageId,
            ["url"] = message.Destination,
            ["method"] = method.Method,
            ["sourceBody"] = Convert.ToBase64String(message.Body),
            ["createdAt"] = state.Now,
        });
        var snapshot = state.Change(s =>
        {
            if (run.Finished)
            {
                return 0;
            }
            Append(s, run, callback, "fromCallback");
            return run.Protocol!.History.Count;
        });
        if (snapshot > 0)
        {
            sender.Track(() => CallbackAsync(run, message, snapshot, callback, retried: 0));
        }
        if (status is < 200 or >= 300 && retried < maxRetries)
        {
            sender.Schedule(RetryPolicy.Backoff(retried + 1, message.Settings.RetryDelay), () => CallAsync(run, message, messageId, retried + 1));
        }
    }

    /// <summary>
    /// Posts a call's callback to the workflow: its headers are those the call message gave under <c>Upstash-Callback-</c>
    /// (<c>Forward-X</c> as X, <c>Workflow-X</c> as <c>Upstash-Workflow-X</c>); never the protocol version, as the body is no history.
    /// </summary>
    private async Task CallbackAsync(Run run, WorkflowMessage message, int snapshot, byte[] callback, int retried)
    {
        var (messageId, protocol) = state.Read(_ => run.Finished ? (null, null) : (run.Protocol!.History[snapshot - 1].MessageId, run.Protocol));
        if (messageId is null)
        {
            return;
        }
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["Upstash-Message-Id"] = messageId,
            ["Upstash-Retried"] = retried.ToString(CultureInfo.InvariantCulture),
        };
        foreach (var (name, value) in message.Headers)
        {
            if (!name.StartsWith(CallbackPrefix, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            var rest = name[CallbackPrefix.Length..];
            if (rest.StartsWith("Forward-", StringComparison.OrdinalIgnoreCase))
            {
                headers[rest["Forward-".Length..]] = value;
            }
            else if (rest.StartsWith("Workflow-", StringComparison.OrdinalIgnoreCase))
            {
                headers["Upstash-" + rest] = value;
            }
        }
        var body = options.LazyFetch && protocol!.Has("LazyFetch") ? [] : callback;
        var (status, answer, answerHeaders) = await sender.SendAsync(EmulatorDelivery.CallResult, message.Header("Upstash-Callback")!, body, "application/json", headers, run.WorkflowRunId).ConfigureAwait(false);
        if (status is >= 200 and < 300)
        {
            return;
        }
        if (retried < run.Retries)
        {
            sender.Schedule(RetryPolicy.Backoff(retried + 1, run.Settings.RetryDelay), () => CallbackAsync(run, message, snapshot, callback, retried + 1));
            return;
        }
        await FailAsync(run, snapshot, status, answer, answerHeaders).ConfigureAwait(false);
    }
}
