using System.Text.Json;

namespace Upstash.Workflow;

// The model is generated from the spec (the overlay's WorkflowFailureCallback); this half reads it.
public partial class WorkflowFailureCallback
{
    /// <summary>
    /// Reads a failure callback's body, after its signature was verified (<see cref="UpstashSignatureVerifier"/>).
    /// A body that is no failure callback (not an object, a field of the wrong type, or neither a
    /// <c>workflowRunId</c> nor a <c>dlqId</c>: a signed request meant for another endpoint) is a
    /// <see cref="JsonException"/> naming what did not fit.
    /// </summary>
    /// <param name="utf8Json">The request body, as received.</param>
    public static WorkflowFailureCallback Read(ReadOnlySpan<byte> utf8Json)
    {
        var callback = JsonSerializer.Deserialize(utf8Json, UpstashWorkflowJsonContext.Default.WorkflowFailureCallback)
            ?? throw new JsonException("The body is null, not an object.");
        if (string.IsNullOrEmpty(callback.WorkflowRunId) && string.IsNullOrEmpty(callback.DlqId))
        {
            throw new JsonException("The body names neither a workflowRunId nor a dlqId.");
        }
        return callback;
    }
}
