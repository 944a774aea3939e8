namespace Upstash.Workflow.Testing;

/// <summary>Notify and webhooks: waking waiting runs, and keeping an event for a run not waiting yet (the engine's, <see cref="WorkflowEngine.Notify"/>).</summary>
internal sealed partial class EmulatorApi
{
    private async Task Notify(Request r, string? runId, string eventId)
    {
        var answers = engine.Notify(runId, eventId, await r.BodyAsync());
        if (runId is null)
        {
            await r.Ok(answers.Select(Shown).ToList(), 201);
            return;
        }
        var answer = answers[0];
        await (answer.Status is 404 or 429 ? r.Error(answer.Status, answer.Error!) : r.Ok(Shown(answer), 201));
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
        }, WireJson.Options);
        var answer = engine.Hook(runId, eventId, bytes);
        await (answer.Error is { } error
            ? r.Error(answer.Status == 201 ? 404 : answer.Status, answer.Status == 201 ? $"no running workflow run {runId}" : error)
            : r.Ok(new { eventId }));
    }

    /// <summary>A notify's answer for one run, as the spec shapes it.</summary>
    private static object Shown(WorkflowEngine.Notification n) =>
        new { waiter = n.Waiter, workflowRunId = n.WorkflowRunId, workflowCreatedAt = n.WorkflowCreatedAt, messageId = n.MessageId, error = n.Error, deduplicated = false };
}
