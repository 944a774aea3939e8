namespace Upstash.Workflow.Testing;

/// <summary>
/// A run as the emulator keeps it: its state and what the request that started it said (headers as sent,
/// payload as received), for a test to check what its code sent.
/// </summary>
public sealed record EmulatorRun
{
    /// <summary>The run's id.</summary>
    public required string WorkflowRunId { get; init; }

    /// <summary>The workflow endpoint the run calls.</summary>
    public required string WorkflowUrl { get; init; }

    /// <summary>"RUN_STARTED", "RUN_SUCCESS", "RUN_FAILED" or "RUN_CANCELED".</summary>
    public required string State { get; init; }

    /// <summary>From <c>Upstash-Label</c>.</summary>
    public required IReadOnlyList<string> Labels { get; init; }

    /// <summary>From <c>Upstash-Flow-Control-Key</c>.</summary>
    public string? FlowControlKey { get; init; }

    /// <summary>From <c>Upstash-Flow-Control-Value</c>, as sent ("parallelism=2, rate=10").</summary>
    public string? FlowControlValue { get; init; }

    /// <summary>From <c>Upstash-Retries</c>; 3 when not sent, as the service defaults.</summary>
    public int Retries { get; init; }

    /// <summary>From <c>Upstash-Delay</c>, as sent ("10s").</summary>
    public string? Delay { get; init; }

    /// <summary>From <c>Upstash-Retry-Delay</c>, as sent.</summary>
    public string? RetryDelay { get; init; }

    /// <summary>From <c>Upstash-Not-Before</c>.</summary>
    public DateTimeOffset? NotBefore { get; init; }

    /// <summary>From <c>Upstash-Failure-Callback</c>.</summary>
    public string? FailureCallback { get; init; }

    /// <summary>From the <c>Upstash-Forward-*</c> headers, by the name forwarded (the prefix taken off).</summary>
    public required IReadOnlyDictionary<string, string> ForwardedHeaders { get; init; }

    /// <summary>From the <c>Upstash-Failure-Callback-Forward-*</c> headers, by the name forwarded.</summary>
    public required IReadOnlyDictionary<string, string> FailureCallbackForwardedHeaders { get; init; }

    /// <summary>The payload's Content-Type, if it had one.</summary>
    public string? ContentType { get; init; }

    /// <summary>The payload.</summary>
    public required IReadOnlyList<byte> Body { get; init; }

    internal static EmulatorRun Of(Run run) => new()
    {
        WorkflowRunId = run.WorkflowRunId,
        WorkflowUrl = run.WorkflowUrl,
        State = run.WorkflowState,
        Labels = run.Labels.ToList(),
        FlowControlKey = run.FlowControlKey,
        FlowControlValue = run.Settings.FlowControlValue,
        Retries = run.Retries,
        Delay = run.Settings.Delay,
        RetryDelay = run.Settings.RetryDelay,
        NotBefore = run.Settings.NotBefore is { } seconds ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null,
        FailureCallback = run.Settings.FailureCallback,
        ForwardedHeaders = new Dictionary<string, string>(run.Settings.Forwarded ?? new Dictionary<string, string>(), StringComparer.OrdinalIgnoreCase),
        FailureCallbackForwardedHeaders = new Dictionary<string, string>(run.Settings.FailureForwarded ?? new Dictionary<string, string>(), StringComparer.OrdinalIgnoreCase),
        ContentType = run.ContentType,
        Body = run.Body.ToArray(),
    };
}
