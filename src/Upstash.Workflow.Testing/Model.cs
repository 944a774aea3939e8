using System.Text.Json.Serialization;

namespace Upstash.Workflow.Testing;

// What the emulator keeps, shaped as the API sends it (field names as in the spec's schemas).

internal sealed class DlqEntry
{
    public required string DlqId { get; init; }
    public required string WorkflowUrl { get; init; }
    public required string WorkflowRunId { get; init; }
    public long WorkflowCreatedAt { get; init; }
    public string? Url { get; init; }
    public string Method { get; init; } = "POST";
    public Dictionary<string, string[]> Header { get; init; } = [];
    public string? Body { get; init; }
    public int MaxRetries { get; init; } = 3;
    public long CreatedAt { get; init; }
    public string? FailureCallback { get; init; }

    [JsonPropertyName("callerIP")]
    public string CallerIp { get; init; } = "127.0.0.1";

    public string[] Labels { get; init; } = [];
    public string? FlowControlKey { get; init; }
    public string? FailureFunctionState { get; set; }
    public int ResponseStatus { get; init; } = 500;
    public string? ResponseBody { get; init; }
}

internal sealed class Run
{
    public required string WorkflowRunId { get; init; }
    public required string WorkflowUrl { get; init; }
    public string WorkflowState { get; set; } = "RUN_STARTED";
    public long WorkflowRunCreatedAt { get; init; }
    public long? WorkflowRunCompletedAt { get; set; }
    public string WorkflowRunCallerIp { get; init; } = "127.0.0.1";
    public List<Steps> Steps { get; init; } = [];
    public string[] Labels { get; init; } = [];
    public string? FlowControlKey { get; init; }
    public string? DlqId { get; set; }

    [JsonIgnore]
    public bool Finished => WorkflowState is not "RUN_STARTED";
}

internal sealed record Steps(string Type, List<Step> Items)
{
    [JsonPropertyName("steps")]
    public List<Step> Items { get; init; } = Items;
}

internal sealed record Step(long StepId, string StepName, string StepType, string State, long CreatedAt, string? Out = null);

internal sealed record Waiter(string Url, long Deadline, Dictionary<string, string[]> Headers)
{
    [JsonIgnore]
    public string EventId { get; init; } = "";

    [JsonIgnore]
    public string WorkflowRunId { get; init; } = "";

    [JsonIgnore]
    public long WorkflowCreatedAt { get; init; }
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
