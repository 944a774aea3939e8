namespace Upstash.Workflow.Testing;

/// <summary>A request the emulator sent to one of your endpoints, as the service would have, and how it was answered.</summary>
/// <param name="Kind"><c>workflow</c> (a step of a run), <c>call</c>, <c>callResult</c> or <c>failureCallback</c>.</param>
/// <param name="Url">Where it went.</param>
/// <param name="Headers">The headers it carried, the signature included.</param>
/// <param name="Body">Its body; empty when it was larger than <see cref="UpstashWorkflowEmulatorOptions.MaxRecordedBodySize"/> (then <see cref="BodySize"/> and <see cref="BodySha256"/> tell it).</param>
/// <param name="Status">The answer's status; 0 when no answer came (the connection failed or timed out).</param>
/// <param name="WorkflowRunId">The run it was about.</param>
public sealed record EmulatorDelivery(string Kind, Uri Url, IReadOnlyDictionary<string, string> Headers, byte[] Body, int Status, string WorkflowRunId)
{
    /// <summary>The value of <c>Kind</c> for a run's first step.</summary>
    public const string Workflow = "workflow";

    /// <summary>The value of <c>Kind</c> for a run's <c>context.call</c>: the request to the URL it calls.</summary>
    public const string Call = "call";

    /// <summary>The value of <c>Kind</c> for the callback that brings a <c>context.call</c>'s answer back to the workflow.</summary>
    public const string CallResult = "callResult";

    /// <summary>The value of <c>Kind</c> for a failure callback.</summary>
    public const string FailureCallback = "failureCallback";

    /// <summary>
    /// The value of <c>Kind</c> for a plain message (a publish that names no workflow run), as the service delivers any
    /// message: how a signature-verifying endpoint is asked to start its run. Its <c>WorkflowRunId</c> is empty.
    /// </summary>
    public const string Message = "message";

    /// <summary>
    /// Why the delivery failed, in words (no answer: the connection refused or timed out; an answer that is no
    /// success: its status and the start of its body, where a signature check says why it refused); null when it succeeded.
    /// </summary>
    public string? Failure { get; init; }

    /// <summary>The body's size in bytes, whether or not <see cref="Body"/> holds it.</summary>
    public long BodySize { get; init; }

    /// <summary>The SHA-256 of the body, in lower-case hex.</summary>
    public string BodySha256 { get; init; } = "";

    /// <summary>What was sent where, for which run, and how it was answered (headers and body stay out: they hold the signature).</summary>
    public override string ToString() =>
        $"{Kind} to {Url}{(WorkflowRunId.Length > 0 ? $" for {WorkflowRunId}" : "")}: {Failure ?? $"answered {Status}"}";

    /// <summary>When it was sent, on the emulator's clock.</summary>
    public DateTimeOffset SentAt { get; init; }

    /// <summary>When a delivery that failed is tried again (the service's next delivery time); null when it succeeded or will not be retried.</summary>
    public DateTimeOffset? NextAttempt { get; internal set; }
}
