using System.Text.Json.Serialization;

namespace Upstash.Workflow.Testing;

// What the emulator keeps, shaped as the API sends it (field names as in the spec's schemas). What the
// service keeps but does not answer with is [JsonIgnore]d; a property left null is left out of the answer.

internal sealed class DlqEntry
{
    public required string DlqId { get; init; }
    public required string WorkflowUrl { get; init; }
    public required string WorkflowRunId { get; init; }
    public long WorkflowCreatedAt { get; init; }
    public string? Url { get; init; }
    public string Method { get; init; } = "POST";
    public Dictionary<string, string[]> Header { get; init; } = [];

    /// <summary>The body when it is UTF-8 text (empty included), else null and <see cref="BodyBase64"/> set.</summary>
    public string? Body { get; init; }

    public string? BodyBase64 { get; init; }
    public int MaxRetries { get; init; } = RunSettings.DefaultRetries;
    public long CreatedAt { get; init; }

    /// <summary>When the failed delivery was due: its not-before or delay when it had one, else when the run started.</summary>
    public long NotBefore { get; init; }

    public string? FailureCallback { get; init; }

    [JsonPropertyName("callerIP")]
    public string CallerIp { get; init; } = "127.0.0.1";

    public string[] Labels { get; init; } = [];

    /// <summary>Deprecated in the spec (<c>labels</c> carries them all), still sent: the first label.</summary>
    public string? Label => Labels.FirstOrDefault();
    public string? FlowControlKey { get; init; }
    public FailureFunctionState? FailureFunctionState { get; private set; }
    public int ResponseStatus { get; init; } = 500;
    public Dictionary<string, string[]> ResponseHeader { get; init; } = [];
    public string? ResponseBody { get; init; }
    public string? ResponseBodyBase64 { get; init; }

    /// <summary>The failed answer's body as bytes, whichever way it is kept.</summary>
    [JsonIgnore]
    public byte[] ResponseBodyBytes => ResponseBody is not null ? System.Text.Encoding.UTF8.GetBytes(ResponseBody) : Convert.FromBase64String(ResponseBodyBase64 ?? "");

    /// <summary>The failure callback's run, whose <c>failureFunction</c> in the logs tells the same state.</summary>
    [JsonIgnore]
    public Run? FailedRun { get; init; }

    /// <summary>Moves the failure callback to <paramref name="state"/>, in the DLQ entry and in its run's logs alike.</summary>
    public void SetCallbackState(FailureFunctionState state)
    {
        FailureFunctionState = state;
        if (FailedRun?.FailureFunction is { } function)
        {
            FailedRun.FailureFunction = function with { State = state };
        }
    }
}

internal sealed class Run
{
    public required string WorkflowRunId { get; init; }
    public required string WorkflowUrl { get; init; }
    /// <summary>Set by the run lifecycle alone (<see cref="RunLifecycle"/>).</summary>
    public WorkflowRunState WorkflowState { get; set; } = WorkflowRunState.RunStarted;
    public long WorkflowRunCreatedAt { get; init; }
    public long? WorkflowRunCompletedAt { get; set; }
    public string WorkflowRunCallerIp { get; init; } = "127.0.0.1";
    [JsonIgnore]
    public List<Steps> Steps { get; init; } = [];

    /// <summary>The steps as the logs show them: those done, and last, while one is retrying, a <c>next</c> group with it.</summary>
    [JsonPropertyName("steps")]
    public IReadOnlyList<Steps> Logged => Retrying is { } retrying ? [.. Steps, new Steps("next", [retrying])] : Steps;

    public string? WorkflowRunResponse { get; set; }
    public Invoker? Invoker { get; init; }
    public FailureFunction? FailureFunction { get; set; }
    public string? DlqId { get; set; }
    public string[] Labels => Settings.Labels ?? [];

    /// <summary>Deprecated in the spec (<c>labels</c> carries them all), still sent: the first label.</summary>
    public string? Label => Labels.FirstOrDefault();
    public string? FlowControlKey => Settings.FlowControlKey;

    [JsonIgnore]
    public RunSettings Settings { get; set; } = new();

    /// <summary>The failed run this one resumes or restarts.</summary>
    [JsonIgnore]
    public Run? Origin { get; set; }

    /// <summary>The workflow protocol's side of the run (null for a run seeded from code or not yet known to speak it).</summary>
    [JsonIgnore]
    public Protocol? Protocol { get; set; }

    [JsonIgnore]
    public byte[] Body { get; init; } = [];

    [JsonIgnore]
    public string? ContentType { get; init; }

    [JsonIgnore]
    public bool Finished => WorkflowState != WorkflowRunState.RunStarted;

    /// <summary>The run's waiters (a run that ends stops waiting).</summary>
    [JsonIgnore]
    public List<Waiter> Waiting { get; } = [];

    /// <summary>Events sent to the run before it waited for them (at most <see cref="UpstashWorkflowEmulatorOptions.MaxEventsPerRun"/>; dropped when it ends).</summary>
    [JsonIgnore]
    public List<SavedEvent> Saved { get; } = [];

    /// <summary>The step whose delivery is failing and being retried, shown last in the logs as the service shows it; null while none is.</summary>
    [JsonIgnore]
    public Step? Retrying { get; set; }

    [JsonIgnore]
    public int Retries => Settings.Retries ?? RunSettings.DefaultRetries;

    /// <summary>How many deliveries to the run's endpoint are awaiting their answer.</summary>
    [JsonIgnore]
    public int Delivering { get; set; }

    /// <summary>Sends to the endpoint that wait for the deliveries awaiting their answer (<see cref="Delivering"/>).</summary>
    [JsonIgnore]
    public List<Action> Held { get; } = [];

    /// <summary>The run ended while a delivery was awaiting its answer: its invoker is told once that answer is in.</summary>
    [JsonIgnore]
    public bool InvokerWaits { get; set; }

    /// <summary>The next step's number.</summary>
    public long NextStepId => Steps.Sum(g => g.Items.Count) + 1;

    public void Add(Step step, string type = "sequential") => Steps.Add(new Steps(type, [step]));
}

internal sealed record Invoker(string WorkflowRunId, string WorkflowUrl, long WorkflowRunCreatedAt)
{
    /// <summary>The invoker's step the invoked run's outcome is delivered as (the protocol's <c>step</c> of an invoke).</summary>
    [JsonIgnore]
    public System.Text.Json.Nodes.JsonObject? Step { get; init; }
}

internal sealed record FailureFunction(string MessageId, string Url, FailureFunctionState State, string DlqId, Dictionary<string, string[]> FailHeaders,
    int FailStatus, string FailResponse, string ResponseBody, Dictionary<string, string[]> ResponseHeaders, int ResponseStatus, int MaxRetries);

internal sealed record Steps(string Type, List<Step> Items)
{
    [JsonPropertyName("steps")]
    public List<Step> Items { get; init; } = Items;
}

internal sealed record Step
{
    public long StepId { get; init; }
    public required string StepName { get; init; }
    public required string StepType { get; init; }
    public string CallType { get; init; } = Wire.Step;
    public required string MessageId { get; init; }
    public required StepState State { get; set; }
    public long CreatedAt { get; init; }
    public string? Out { get; set; }
    public string? CallUrl { get; init; }
    public string? CallMethod { get; init; }
    public string? CallBody { get; init; }
    public Dictionary<string, string[]>? CallHeaders { get; init; }
    public long? CallResponseStatus { get; init; }
    public string? CallResponseBody { get; init; }
    public Dictionary<string, string[]>? CallResponseHeaders { get; init; }
    public string? WaitEventId { get; init; }
    public bool? WaitTimeout { get; set; }
    public string? InvokedWorkflowRunId { get; init; }
    public string? InvokedWorkflowUrl { get; init; }
    public int Retries { get; init; }
    public long? NextDeliveryTime { get; set; }

    /// <summary>How many steps ran in parallel in this step's group; the emulator runs steps one by one.</summary>
    public int Concurrent { get; init; } = 1;

    /// <summary>The headers the step was delivered with.</summary>
    public Dictionary<string, string[]> Headers { get; init; } = [];

    /// <summary>Why each failed delivery of the step failed, oldest first (a retrying or failed step).</summary>
    public List<StepError>? Errors { get; set; }
}

/// <summary>One failed delivery of a step: what the endpoint answered, or why no answer came.</summary>
internal sealed record StepError(string Error, int Status, string? Body, Dictionary<string, string[]>? Headers, long Time);

/// <summary>A run waiting for an event, as <c>GET /v2/waiters/{eventId}</c> shows it; each is itself (two alike are two waits).</summary>
internal sealed record Waiter(string Url, long Deadline, Dictionary<string, string[]> Headers, string TimeoutUrl, string TimeoutBody, Dictionary<string, string[]> TimeoutHeaders)
{
    public bool Equals(Waiter? other) => ReferenceEquals(this, other);

    public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this);

    [JsonIgnore]
    public string EventId { get; init; } = "";

    [JsonIgnore]
    public string WorkflowRunId { get; init; } = "";

    [JsonIgnore]
    public long WorkflowCreatedAt { get; init; }

    /// <summary>The run's wait step, completed when the event comes or the deadline passes.</summary>
    [JsonIgnore]
    public Step? Step { get; init; }

    /// <summary>The step a workflow endpoint registered (<c>/v2/wait</c>): delivered with the event, or timed out at the deadline.</summary>
    [JsonIgnore]
    public System.Text.Json.Nodes.JsonObject? ProtocolStep { get; init; }
}

/// <summary>An event sent to one run before it waited for it, kept for the wait that comes later.</summary>
internal sealed record SavedEvent(string WorkflowRunId, string EventId, string Payload)
{
    /// <summary>The event's body as sent.</summary>
    public byte[] Bytes { get; init; } = [];
}

internal sealed class FlowKey
{
    public required string FlowControlKey { get; init; }
    public int WaitListSize { get; set; }
    public int ParallelismMax { get; set; } = 10;
    public int ParallelismCount { get; set; }
    public int RateMax { get; set; } = 100;
    public int RateCount { get; set; }
    public int RatePeriod { get; set; } = 60;
    public long RatePeriodStart { get; set; }
    public bool IsPaused { get; set; }
    public bool IsPinnedParallelism { get; set; }
    public bool IsPinnedRate { get; set; }
}
