using System.Security.Cryptography;
using System.Text;

namespace Upstash.Workflow.Testing;

/// <summary>
/// The emulator's memory: runs, the DLQ, waiters, kept events, flow-control keys and signing keys, behind one lock. It
/// holds data and finds it; what happens to a run is the engine's (<see cref="WorkflowEngine"/>), through the run
/// lifecycle (<see cref="RunLifecycle"/>). Reading never changes anything.
/// </summary>
internal sealed class EmulatorState(TimeProvider time, int maxRuns = int.MaxValue)
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly object _lock = new();
    private long _sequence;

    public List<DlqEntry> Dlq { get; } = [];
    public List<Run> Runs { get; } = [];

    // Runs by id: every message of a run finds it, and a test may keep thousands.
    private readonly Dictionary<string, Run> _runsById = new(StringComparer.Ordinal);

    // Waiters by event id: a notify finds its waiters without going through every other.
    private readonly Dictionary<string, List<Waiter>> _waiters = new(StringComparer.Ordinal);

    public Dictionary<string, FlowKey> FlowKeys { get; } = new(StringComparer.Ordinal);

    /// <summary>Deliveries a flow-control key holds back, by key, oldest first (<see cref="FlowGate"/>).</summary>
    public Dictionary<string, Queue<Func<Task>>> Parked { get; } = new(StringComparer.Ordinal);
    public string CurrentKey { get; set; } = NewKey();
    public string NextKey { get; set; } = NewKey();
    private int _requests;
    private long _version;

    /// <summary>Requests answered so far (counted apart from changes: a read is no change).</summary>
    public int Requests => Volatile.Read(ref _requests);

    public void CountRequest() => Interlocked.Increment(ref _requests);

    /// <summary>How many changes the state has seen: what a page shown before a change compares to redraw.</summary>
    public long Version => Interlocked.Read(ref _version);

    public long Now => time.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>Told, under the lock, the ids of runs no longer kept, so what else is kept of them (their deliveries) goes too.</summary>
    public Action<IReadOnlyCollection<string>>? Evicted { get; set; }

    public TimeProvider Clock => time;

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
            _version++;
            return change(this);
        }
    }

    public void Change(Action<EmulatorState> change)
    {
        lock (_lock)
        {
            _version++;
            change(this);
        }
    }

    /// <summary>A new id: the prefix and 128 random bits, so nothing outside can guess the next one.</summary>
    public static string NewId(string prefix) => prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>A signing key, shaped as the service's are.</summary>
    public static string NewKey() => "sig_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(14));

    /// <summary>A DLQ id as the service makes them: the time in milliseconds, and a number.</summary>
    public string NewDlqId() => $"{Now}-{Interlocked.Increment(ref _sequence)}";

    public Run? FindRun(string workflowRunId) => _runsById.GetValueOrDefault(workflowRunId);

    /// <summary>UTF-8 text, or else base64 (the API's <c>body</c>/<c>bodyBase64</c> split).</summary>
    public static (string? Text, string? Base64) Encode(byte[] bytes)
    {
        try
        {
            return (StrictUtf8.GetString(bytes), null);
        }
        catch (DecoderFallbackException)
        {
            return (null, Convert.ToBase64String(bytes));
        }
    }

    /// <summary>
    /// A new run (its state is the lifecycle's to set), with its first step carrying the payload, the retries and, when
    /// delayed, the time it is delivered; the flow-control key comes into being if new. Past <c>MaxRuns</c> the oldest
    /// ended runs go, so memory holds what is alive and a bounded past.
    /// </summary>
    public Run NewRun(string workflowUrl, string? runId, RunSettings settings, byte[] body, string? contentType, Invoker? invoker = null)
    {
        var now = Now;
        var run = new Run
        {
            WorkflowRunId = runId ?? NewId(Wire.RunIdPrefix),
            WorkflowUrl = workflowUrl,
            WorkflowRunCreatedAt = now,
            Settings = settings,
            Body = body,
            ContentType = contentType,
            Invoker = invoker,
        };
        var (text, base64) = Encode(body);
        run.Add(NewStep(run, "init", "Initial", StepState.StepSuccess) with { Out = text ?? base64, NextDeliveryTime = Delays.FirstDelivery(settings, time.GetUtcNow()) });
        Runs.Add(run);
        _runsById[run.WorkflowRunId] = run;
        if (settings.FlowControlKey is { } key && !FlowKeys.ContainsKey(key))
        {
            // The key takes the limits of the first run that names it; pinning changes them.
            var limits = settings.FlowControlValue is { } value ? RunSettings.FlowControlLimits(value) : null;
            FlowKeys[key] = new FlowKey
            {
                FlowControlKey = key,
                RatePeriodStart = now,
                ParallelismMax = limits?.Parallelism ?? 10,
                RateMax = limits?.Rate ?? 100,
                RatePeriod = (int)(limits?.Period?.TotalSeconds ?? 60),
            };
        }
        Evict();
        return run;
    }

    /// <summary>The oldest ended runs past <c>MaxRuns</c>: their logs and DLQ entries go with them.</summary>
    private void Evict()
    {
        var over = Runs.Count - maxRuns;
        List<string>? evicted = null;
        for (var i = 0; over > 0 && i < Runs.Count;)
        {
            var run = Runs[i];
            if (!run.Finished)
            {
                i++;
                continue;
            }
            Runs.RemoveAt(i);
            _runsById.Remove(run.WorkflowRunId);
            Dlq.RemoveAll(e => e.WorkflowRunId == run.WorkflowRunId);
            (evicted ??= []).Add(run.WorkflowRunId);
            over--;
        }
        if (evicted is not null)
        {
            Evicted?.Invoke(evicted);
        }
    }

    /// <summary>Takes an entry out of the DLQ: the caller starts its run again; false when it is no longer there.</summary>
    public bool TakeFromDlq(DlqEntry entry) => Dlq.Remove(entry);

    /// <summary>The run's next step (numbered after its others), made now; the caller adds what is particular to it.</summary>
    public Step NewStep(Run? run, string name, string type, StepState state) => new()
    {
        Headers = RequestHeaders(run),
        StepId = run?.NextStepId ?? 1,
        StepName = name,
        StepType = type,
        MessageId = NewId(Wire.MessageIdPrefix),
        State = state,
        CreatedAt = Now,
        Retries = run?.Retries ?? RunSettings.DefaultRetries,
    };

    // ---- Waiters, by event id and by run.

    /// <summary>Registers <paramref name="waiter"/> of <paramref name="run"/>: found by its event id, and ended with its run.</summary>
    public void AddWaiter(Run run, Waiter waiter)
    {
        (_waiters.TryGetValue(waiter.EventId, out var list) ? list : _waiters[waiter.EventId] = []).Add(waiter);
        run.Waiting.Add(waiter);
    }

    /// <summary>Takes a waiter away; false when it was no longer waiting (the event came, the deadline passed, its run ended).</summary>
    public bool RemoveWaiter(Run run, Waiter waiter)
    {
        if (!_waiters.TryGetValue(waiter.EventId, out var list) || !list.Remove(waiter))
        {
            return false;
        }
        if (list.Count == 0)
        {
            _waiters.Remove(waiter.EventId);
        }
        run.Waiting.Remove(waiter);
        return true;
    }

    public IReadOnlyList<Waiter> WaitersFor(string eventId) => _waiters.TryGetValue(eventId, out var list) ? [.. list] : [];

    // ---- Events sent to a run before it waited for them.

    /// <summary>Keeps an event sent to one run that is not waiting for it yet, for the wait that comes later (the same event id sent again replaces it).</summary>
    public void Save(Run run, string eventId, string payload, byte[] bytes)
    {
        run.Saved.RemoveAll(e => e.EventId == eventId);
        run.Saved.Add(new SavedEvent(run.WorkflowRunId, eventId, payload) { Bytes = bytes });
    }

    /// <summary>The kept event for a wait, taken; null when none was sent.</summary>
    public static SavedEvent? TakeSaved(Run run, string eventId)
    {
        var saved = run.Saved.FirstOrDefault(e => e.EventId == eventId);
        if (saved is not null)
        {
            run.Saved.Remove(saved);
        }
        return saved;
    }

    /// <summary>The headers the service sends the workflow endpoint: the payload's type, the run id and the forwarded headers.</summary>
    public static Dictionary<string, string[]> RequestHeaders(Run? run, string? workflowRunId = null)
    {
        var headers = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase)
        {
            [Wire.RunId] = [run?.WorkflowRunId ?? workflowRunId ?? ""],
        };
        if (run?.ContentType is { } type)
        {
            headers["Content-Type"] = [type];
        }
        foreach (var (name, value) in run?.Settings.Forwarded ?? new Dictionary<string, string>())
        {
            headers[name] = [value];
        }
        return headers;
    }

    public static Dictionary<string, string[]>? Map(IReadOnlyDictionary<string, string>? headers) =>
        headers?.ToDictionary(h => h.Key, h => new[] { h.Value }, StringComparer.OrdinalIgnoreCase);
}
