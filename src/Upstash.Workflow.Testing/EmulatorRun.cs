namespace Upstash.Workflow.Testing;

/// <summary>
/// A run as the emulator keeps it: its state and what the request that started it said (headers as sent,
/// payload as received), for a test to check what its code sent.
/// </summary>
public sealed record EmulatorRun
{
    /// <summary>A run with the members a test sets; the emulator makes them with <see cref="UpstashWorkflowEmulator.Run"/>.</summary>
    public EmulatorRun()
    {
    }

    /// <summary>The run's id.</summary>
    public required string WorkflowRunId { get; init; }

    /// <summary>The workflow endpoint the run calls.</summary>
    public required Uri WorkflowUrl { get; init; }

    /// <summary>The run's state.</summary>
    public required WorkflowRunState State { get; init; }

    /// <summary>From <c>Upstash-Label</c>.</summary>
    public required IReadOnlyList<string> Labels { get; init; }

    /// <summary>
    /// From <c>Upstash-Flow-Control-Key</c> and <c>-Value</c>, as the client's options take them. A key sent without
    /// a value (resume and restart may keep the failed run's limits) has no limits to show: then only <see cref="FlowControlKey"/> is set.
    /// </summary>
    public WorkflowFlowControl? FlowControl { get; init; }

    /// <summary>From <c>Upstash-Flow-Control-Key</c>.</summary>
    public string? FlowControlKey { get; init; }

    /// <summary>From <c>Upstash-Retries</c>; 3 when not sent, as the service defaults.</summary>
    public int Retries { get; init; }

    /// <summary>From <c>Upstash-Delay</c>.</summary>
    public TimeSpan? Delay { get; init; }

    /// <summary>From <c>Upstash-Retry-Delay</c>: an expression, as sent.</summary>
    public string? RetryDelay { get; init; }

    /// <summary>From <c>Upstash-Not-Before</c>.</summary>
    public DateTimeOffset? NotBefore { get; init; }

    /// <summary>From <c>Upstash-Failure-Callback</c>.</summary>
    public Uri? FailureCallback { get; init; }

    /// <summary>From the <c>Upstash-Forward-*</c> headers, by the name forwarded (the prefix taken off).</summary>
    public required IReadOnlyDictionary<string, string> ForwardedHeaders { get; init; }

    /// <summary>From the <c>Upstash-Failure-Callback-Forward-*</c> headers, by the name forwarded.</summary>
    public required IReadOnlyDictionary<string, string> FailureCallbackForwardedHeaders { get; init; }

    /// <summary>The payload's Content-Type, if it had one.</summary>
    public string? ContentType { get; init; }

    /// <summary>The payload.</summary>
    public required IReadOnlyList<byte> Body { get; init; }

    /// <summary>The run's id, state and workflow URL, with its labels when it has any (the payload stays out).</summary>
    public override string ToString() =>
        $"{WorkflowRunId} {State} at {WorkflowUrl}{(Labels.Count > 0 ? $" [{string.Join(", ", Labels)}]" : "")}";

    internal static EmulatorRun Of(Run run) => new()
    {
        WorkflowRunId = run.WorkflowRunId,
        WorkflowUrl = new Uri(run.WorkflowUrl, UriKind.RelativeOrAbsolute),
        State = run.WorkflowState,
        Labels = run.Labels.ToList(),
        FlowControl = run.FlowControlKey is { } key && run.Settings.FlowControlValue is { } value && RunSettings.FlowControlLimits(value) is { } limits
            ? new WorkflowFlowControl(key, limits.Parallelism, limits.Rate, limits.Period)
            : null,
        FlowControlKey = run.FlowControlKey,
        Retries = run.Retries,
        Delay = run.Settings.Delay is { } delay ? TimeSpan.FromMilliseconds(RunSettings.Milliseconds(delay)) : null,
        RetryDelay = run.Settings.RetryDelay,
        NotBefore = run.Settings.NotBefore is { } seconds ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null,
        FailureCallback = run.Settings.FailureCallback is { } callback ? new Uri(callback, UriKind.Absolute) : null,
        ForwardedHeaders = new Dictionary<string, string>(run.Settings.Forwarded ?? new Dictionary<string, string>(), StringComparer.OrdinalIgnoreCase),
        FailureCallbackForwardedHeaders = new Dictionary<string, string>(run.Settings.FailureForwarded ?? new Dictionary<string, string>(), StringComparer.OrdinalIgnoreCase),
        ContentType = run.ContentType,
        Body = run.Body.ToArray(),
    };
}
