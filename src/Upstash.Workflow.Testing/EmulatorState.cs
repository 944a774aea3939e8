namespace Upstash.Workflow.Testing;

/// <summary>The emulator's memory and the rules of the API over it; every change happens under one lock.</summary>
internal sealed class EmulatorState(TimeProvider time)
{
    private readonly object _lock = new();
    private long _sequence;

    public List<DlqEntry> Dlq { get; } = [];
    public List<Run> Runs { get; } = [];
    public List<Waiter> Waiters { get; } = [];
    public Dictionary<string, FlowKey> FlowKeys { get; } = new(StringComparer.Ordinal);
    public string CurrentKey { get; set; } = "sig_" + Guid.NewGuid().ToString("N");
    public string NextKey { get; set; } = "sig_" + Guid.NewGuid().ToString("N");
    public int Requests { get; set; }

    public long Now => time.GetUtcNow().ToUnixTimeMilliseconds();

    public T Read<T>(Func<EmulatorState, T> read)
    {
        lock (_lock)
        {
            return read(this);
        }
    }

    public T Change<T>(Func<EmulatorState, T> change)
    {
        lock (_lock)
        {
            return change(this);
        }
    }

    public void Change(Action<EmulatorState> change)
    {
        lock (_lock)
        {
            change(this);
        }
    }

    private string NextId(string prefix) => $"{prefix}{Interlocked.Increment(ref _sequence):D6}";

    public string AddFailedRun(string workflowUrl, string[] labels, string? flowControlKey, string? body, int status, string? responseBody, string? failureCallback, string? failureFunctionState) => Change(s =>
    {
        var now = s.Now;
        var run = s.Trigger(workflowUrl, null, labels, flowControlKey);
        run.WorkflowState = "RUN_FAILED";
        run.WorkflowRunCompletedAt = now;
        var entry = new DlqEntry
        {
            DlqId = $"{now}-{Interlocked.Increment(ref _sequence)}",
            WorkflowUrl = workflowUrl,
            WorkflowRunId = run.WorkflowRunId,
            WorkflowCreatedAt = run.WorkflowRunCreatedAt,
            Url = workflowUrl,
            Header = new() { ["Content-Type"] = ["application/json"] },
            Body = body,
            CreatedAt = now,
            FailureCallback = failureCallback,
            Labels = labels,
            FlowControlKey = flowControlKey,
            FailureFunctionState = failureFunctionState ?? (failureCallback is null ? null : "CALLBACK_FAIL"),
            ResponseStatus = status,
            ResponseBody = responseBody,
        };
        run.DlqId = entry.DlqId;
        s.Dlq.Add(entry);
        return entry.DlqId;
    });

    /// <summary>A new run in RUN_STARTED, with its first step; the flow-control key comes into being if new.</summary>
    public Run Trigger(string workflowUrl, string? runId, string[] labels, string? flowControlKey) => Change(s =>
    {
        var now = s.Now;
        var run = new Run
        {
            WorkflowRunId = runId ?? NextId("wfr_emu_"),
            WorkflowUrl = workflowUrl,
            WorkflowRunCreatedAt = now,
            Labels = labels,
            FlowControlKey = flowControlKey,
            Steps = [new Steps("sequential", [new Step(1, "init", "Initial", "STEP_SUCCESS", now)])],
        };
        s.Runs.Add(run);
        if (flowControlKey is not null && !s.FlowKeys.ContainsKey(flowControlKey))
        {
            s.FlowKeys[flowControlKey] = new FlowKey { FlowControlKey = flowControlKey, RatePeriodStart = now };
        }
        return run;
    });

    /// <summary>Takes an entry out of the DLQ and starts it again as a new run (resume and restart alike, for an emulator).</summary>
    public Run RunAgain(DlqEntry entry, Overrides overrides)
    {
        Dlq.Remove(entry);
        return Trigger(entry.WorkflowUrl, null, overrides.Labels ?? entry.Labels, overrides.FlowControlKey ?? entry.FlowControlKey);
    }

    public void AddWaiter(string eventId, string workflowRunId, TimeSpan timeout) => Change((EmulatorState s) =>
    {
        var run = s.Runs.FirstOrDefault(r => r.WorkflowRunId == workflowRunId);
        s.Waiters.Add(new Waiter(run?.WorkflowUrl ?? "https://example.com/workflow", time.GetUtcNow().Add(timeout).ToUnixTimeSeconds(),
            new() { ["Upstash-Workflow-RunId"] = [workflowRunId] })
        {
            EventId = eventId,
            WorkflowRunId = workflowRunId,
            WorkflowCreatedAt = run?.WorkflowRunCreatedAt ?? s.Now,
        });
    });
}

/// <summary>The override headers of resume and restart that the emulator applies to the new run.</summary>
internal sealed record Overrides(string[]? Labels, string? FlowControlKey);
