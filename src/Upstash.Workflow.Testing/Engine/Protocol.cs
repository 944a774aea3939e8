namespace Upstash.Workflow.Testing;

/// <summary>
/// What the emulator keeps of a run to drive its endpoint: the history (every message accepted for the run, in
/// arrival order) and what the endpoint said about itself.
/// </summary>
internal sealed class Protocol
{
    public List<HistoryMessage> History { get; } = [];

    /// <summary>
    /// Whether the endpoint speaks the workflow protocol: its deliveries carry <c>Upstash-Workflow-Sdk-Version</c>. A run
    /// whose trigger says the SDK is unknown (<c>Upstash-Workflow-Unknown-Sdk</c>) does not know yet: its first delivery
    /// asks, and the endpoint answers by triggering the run itself.
    /// </summary>
    public bool Known { get; set; }

    /// <summary>
    /// The run was started through the trigger API (<c>/v2/trigger</c>, a batch trigger), not by an SDK, and its endpoint
    /// has not triggered it itself since: one that answers the first delivery as an SDK and does nothing with it is an
    /// SDK from before 1.0, which cannot run it.
    /// </summary>
    public bool Unproven { get; set; }

    /// <summary>The <c>Upstash-Feature-Set</c> of the message that started the run.</summary>
    public string FeatureSet { get; set; } = "";

    public int InvokeCount { get; set; }

    /// <summary>Where in the history the delivery that failed the run was: a resume delivers that message again.</summary>
    public int FailedAt { get; set; } = -1;

    /// <summary>The requests of the run's <c>context.call</c> steps, by step id, for the logs.</summary>
    public Dictionary<long, CallRequest> Calls { get; } = [];

    public bool Has(string feature) => FeatureSet.Split(',', StringSplitOptions.TrimEntries).Contains(feature, StringComparer.Ordinal);
}

/// <summary>What a <c>context.call</c> step asked the service to send.</summary>
internal sealed record CallRequest(string Url, string Method, string Body, Dictionary<string, string[]> Headers);

/// <summary>One message of a run's history: the initial payload, a step, or one leg of a call.</summary>
internal sealed record HistoryMessage(string MessageId, byte[] Body, string CallType);
