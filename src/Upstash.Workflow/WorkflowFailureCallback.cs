using System.Text.Json;

namespace Upstash.Workflow;

// The model is generated from the spec (the overlay's WorkflowFailureCallback); this half reads it.
public partial class WorkflowFailureCallback
{
    /// <summary>
    /// Reads a failure callback's body, after its signature was verified (<see cref="UpstashSignatureVerifier"/>).
    /// A body that is not such an object is a <see cref="JsonException"/> naming what did not fit.
    /// </summary>
    public static WorkflowFailureCallback Read(ReadOnlySpan<byte> utf8Json) =>
        JsonSerializer.Deserialize(utf8Json, UpstashWorkflowJsonContext.Default.WorkflowFailureCallback)
        ?? throw new JsonException("The failure callback's body is null, not an object.");
}
