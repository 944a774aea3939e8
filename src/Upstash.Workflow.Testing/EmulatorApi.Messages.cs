using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Upstash.Workflow.Testing;

/// <summary>
/// What a workflow endpoint publishes: messages (<c>/v2/batch</c>, <c>/v2/publish</c>), waits, and the end of its run.
/// The engine (<see cref="WorkflowEngine"/>) takes them from here.
/// </summary>
internal sealed partial class EmulatorApi
{
    /// <summary>A batch: every item is read before any is accepted; items are accepted in order and answered one by one.</summary>
    private async Task Publish(Request r)
    {
        if (await BatchItemsAsync(r) is not { } items)
        {
            return;
        }
        var messages = items.Select(i => new WorkflowMessage((string)i!["destination"]!, ItemHeaders(i["headers"] as JsonObject),
            ItemBody(i["body"]))).ToList();
        var answers = new List<object>();
        foreach (var message in messages)
        {
            var accepted = engine.Accept(message);
            if (accepted.Error is { } error)
            {
                await r.Error(accepted.Status, error);
                return;
            }
            answers.Add(new { messageId = accepted.MessageId, url = message.Destination, deduplicated = accepted.Deduplicated ? true : (bool?)null });
        }
        await r.Ok(answers);
    }

    /// <summary>A batch item's body: a string as its text; JSON that is not a string (an SDK may send the object itself) as written.</summary>
    private static byte[] ItemBody(JsonNode? body) => body switch
    {
        null => [],
        JsonValue v when v.TryGetValue<string>(out var text) => Encoding.UTF8.GetBytes(text),
        _ => Encoding.UTF8.GetBytes(body.ToJsonString()),
    };

    /// <summary>One message, its settings in the request's own headers.</summary>
    private async Task Publish(Request r, string destination)
    {
        if (!IsWorkflowUrl(destination))
        {
            await r.Error(400, $"invalid destination '{destination}': expected an absolute http(s) URL");
            return;
        }
        var body = await r.BodyAsync();
        var headers = r.Context.Request.Headers.Select(h => KeyValuePair.Create(h.Key, h.Value.ToString()));
        var accepted = engine.Accept(new WorkflowMessage(destination, headers, body));
        await (accepted.Error is { } error
            ? r.Error(accepted.Status, error)
            : r.Ok(new { messageId = accepted.MessageId, url = destination, deduplicated = accepted.Deduplicated ? true : (bool?)null }));
    }

    private async Task Wait(Request r, string eventId)
    {
        var body = await r.BodyAsync();
        var accepted = engine.Wait(eventId, r.Header(Wire.RunId), body);
        await (accepted.Error is { } error ? r.Error(accepted.Status, error) : r.Ok(new { messageId = accepted.MessageId }));
    }

    /// <summary>The endpoint's word that its run returned: the body is the result.</summary>
    private async Task CompleteRun(Request r, string id)
    {
        var result = await r.BodyAsync();
        await (engine.Complete(id, result) ? r.Empty(200) : r.Error(404, $"no running workflow run {id}"));
    }
}
