using System.Text;

namespace Upstash.Workflow.Testing;

/// <summary>The emulator's memory and the rules of the API over it; every change happens under one lock.</summary>
internal sealed class EmulatorState(TimeProvider time)
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly object _lock = new();
    private long _sequence;

    public List<DlqEntry> Dlq { get; } = [];
    public List<Run> Runs { get; } = [];

    // Runs by id: every message of a run finds it, and a test may keep thousands.
    private readonly Dictionary<string, Run> _runsById = new(StringComparer.Ordinal);
    public List<Waiter> Waiters { get; } = [];
    public List<SavedEvent> SavedEvents { get; } = [];
    public Dictionary<string, FlowKey> FlowKeys { get; } = new(StringComparer.Ordinal);
    public string CurrentKey { get; set; } = "sig_" + Guid.NewGuid().ToString("N");
    public string NextKey { get; set; } = "sig_" + Guid.NewGuid().ToString("N");
    public int Requests { get; set; }

    public long Now => time.GetUtcNow().ToUnixTimeMilliseconds();

    public TimeProvider Clock => time;

    public T Read<T>(Func<EmulatorState, T> read)
    {
        lock (_lock)
        {
            ExpireWaiters();
            return read(this);
        }
    }

    public T Change<T>(Func<EmulatorState, T> change)
    {
        lock (_lock)
        {
            ExpireWaiters();
            return change(this);
        }
    }

    public void Change(Action<EmulatorState> change)
    {
        lock (_lock)
        {
            ExpireWaiters();
            change(this);
        }
    }

    public string NextId(string prefix) => $"{prefix}{Interlocked.Increment(ref _sequence):D6}";

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
    /// A new run in RUN_STARTED, with its first step carrying the payload, the retries and, when delayed,
    /// the time it is delivered; the flow-control key comes into being if new.
    /// </summary>
    public Run Trigger(string workflowUrl, string? runId, RunSettings settings, byte[] body, string? contentType, Invoker? invoker = null) => Change(s =>
    {
        var now = s.Now;
        var run = new Run
        {
            WorkflowRunId = runId ?? s.NextId("wfr_emu_"),
            WorkflowUrl = workflowUrl,
            WorkflowRunCreatedAt = now,
            Settings = settings,
            Body = body,
            ContentType = contentType,
            Invoker = invoker,
        };
        var (text, base64) = Encode(body);
        run.Add(s.NewStep(run, "init", "Initial", "STEP_SUCCESS") with { Out = text ?? base64, NextDeliveryTime = Delivery(now, settings) });
        s.Runs.Add(run);
        s._runsById[run.WorkflowRunId] = run;
        if (settings.FlowControlKey is { } key && !s.FlowKeys.ContainsKey(key))
        {
            // The key takes the limits of the first run that names it; pinning changes them.
            var limits = settings.FlowControlValue is { } value ? RunSettings.FlowControlLimits(value) : null;
            s.FlowKeys[key] = new FlowKey
            {
                FlowControlKey = key,
                RatePeriodStart = now,
                ParallelismMax = limits?.Parallelism ?? 10,
                RateMax = limits?.Rate ?? 100,
                RatePeriod = (int)(limits?.Period?.TotalSeconds ?? 60),
            };
        }
        return run;
    });

    /// <summary>When a delayed run's first step is delivered (the later of its delay and its not-before), else null.</summary>
    private static long? Delivery(long now, RunSettings settings)
    {
        long? at = settings.Delay is { } delay ? now + RunSettings.Milliseconds(delay) : null;
        if (settings.NotBefore is { } notBefore && notBefore * 1000 > (at ?? 0))
        {
            at = notBefore * 1000;
        }
        return at;
    }

    /// <summary>
    /// Takes an entry out of the DLQ and starts its run again as a new one, the overrides laid over the failed run's
    /// settings; null when the entry is no longer there. Finding and taking happen under one lock, so two calls for
    /// one entry start one run.
    /// </summary>
    public Run? RunAgain(string dlqId, RunSettings overrides) => Change(s =>
        s.Dlq.FirstOrDefault(e => e.DlqId == dlqId) is { } entry ? s.RunAgain(entry, overrides) : null);

    /// <summary>As <see cref="RunAgain(string, RunSettings)"/>, for an entry the caller found under the same lock.</summary>
    public Run RunAgain(DlqEntry entry, RunSettings overrides) => Change(s =>
    {
        if (!s.Dlq.Remove(entry))
        {
            throw new InvalidOperationException($"DLQ entry {entry.DlqId} was taken while this call held the lock.");
        }
        var failed = s.FindRun(entry.WorkflowRunId);
        var run = s.Trigger(entry.WorkflowUrl, null, overrides.Over(failed?.Settings ?? new RunSettings()), failed?.Body ?? [], failed?.ContentType);
        run.Origin = failed;
        return run;
    });

    /// <summary>What a failure callback answered: its state in the DLQ entry and in the run's logs.</summary>
    public void RecordCallback(DlqEntry entry, int status, byte[] answer, IReadOnlyDictionary<string, string> answerHeaders) => Change(s =>
    {
        var state = status is >= 200 and < 300 ? "CALLBACK_SUCCESS" : "CALLBACK_FAIL";
        entry.SetCallbackState(state);
        if (entry.FailedRun?.FailureFunction is { } function)
        {
            var (text, base64) = Encode(answer);
            entry.FailedRun.FailureFunction = function with { ResponseStatus = status, ResponseBody = text ?? base64 ?? "", ResponseHeaders = Map(answerHeaders) ?? [] };
        }
    });

    /// <summary>
    /// Fails a started run: it ends RUN_FAILED with a failed step, and its last request goes to the DLQ with
    /// the answer that failed it. A run with a failure callback has it called (answered with <paramref name="callbackStatus"/>).
    /// </summary>
    /// <paramref name="failed"/> is the message whose delivery failed, when the emulator delivered it; a run failed from code goes with its first request.
    public DlqEntry FailRun(string workflowRunId, int responseStatus, byte[] responseBody, IReadOnlyDictionary<string, string>? responseHeaders, int callbackStatus,
        FailedMessage? failed = null) => Change(s =>
    {
        var run = s.FindRun(workflowRunId) ?? throw new ArgumentException($"No run {workflowRunId}.", nameof(workflowRunId));
        if (run.Finished)
        {
            throw new InvalidOperationException($"Run {workflowRunId} has already ended ({run.WorkflowState}).");
        }
        var now = s.Now;
        var (response, responseBase64) = Encode(responseBody);
        var answerHeaders = Map(responseHeaders) ?? new Dictionary<string, string[]> { ["Content-Type"] = ["text/plain"] };
        run.Add(s.NewStep(run, failed?.StepName ?? "run", "Run", "STEP_FAILED") with { Out = response ?? responseBase64 });
        run.WorkflowState = "RUN_FAILED";
        run.WorkflowRunCompletedAt = now;
        var (body, bodyBase64) = Encode(failed?.Body ?? run.Body);
        var callbackState = run.Settings.FailureCallback is null ? null : callbackStatus is >= 200 and < 300 ? "CALLBACK_SUCCESS" : "CALLBACK_FAIL";
        var entry = new DlqEntry
        {
            DlqId = $"{now}-{Interlocked.Increment(ref _sequence)}",
            WorkflowUrl = run.WorkflowUrl,
            WorkflowRunId = run.WorkflowRunId,
            WorkflowCreatedAt = run.WorkflowRunCreatedAt,
            Url = run.WorkflowUrl,
            Header = failed is null ? RequestHeaders(run) : Map(failed.Headers)!,
            Body = body,
            BodyBase64 = bodyBase64,
            MaxRetries = run.Retries,
            CreatedAt = now,
            NotBefore = run.Steps.FirstOrDefault()?.Items.FirstOrDefault()?.NextDeliveryTime ?? run.WorkflowRunCreatedAt,
            FailureCallback = run.Settings.FailureCallback,
            Labels = run.Labels,
            FlowControlKey = run.FlowControlKey,
            FailedRun = run,
            ResponseStatus = responseStatus,
            ResponseHeader = answerHeaders,
            ResponseBody = response,
            ResponseBodyBase64 = responseBase64,
        };
        run.DlqId = entry.DlqId;
        if (run.Settings.FailureCallback is { } callback)
        {
            run.FailureFunction = new FailureFunction(s.NextId("msg_emu_"), callback, callbackState!, entry.DlqId,
                Map(run.Settings.FailureForwarded) ?? [], responseStatus, response ?? responseBase64 ?? "", "", [], callbackStatus, run.Retries);
            entry.SetCallbackState(callbackState!);
        }
        s.Dlq.Add(entry);
        return entry;
    });

    /// <summary>Ends a started run in RUN_SUCCESS with what it returned.</summary>
    public void CompleteRun(string workflowRunId, string response) => Change(s =>
    {
        var run = Started(s, workflowRunId);
        var now = s.Now;
        run.Add(s.NewStep(run, "run", "Run", "STEP_SUCCESS") with { Out = response });
        run.WorkflowState = "RUN_SUCCESS";
        run.WorkflowRunCompletedAt = now;
        run.WorkflowRunResponse = response;
    });

    /// <summary>Records an HTTP call the run made from a step (<c>context.call</c>) and its answer.</summary>
    public void AddCall(string workflowRunId, string url, string method, string? body, IReadOnlyDictionary<string, string>? headers,
        int responseStatus, string responseBody, IReadOnlyDictionary<string, string>? responseHeaders) => Change(s =>
    {
        var run = Started(s, workflowRunId);
        run.Add(s.NewStep(run, "call " + new Uri(url).Host, "Call", "STEP_SUCCESS") with
        {
            CallType = "fromCallback",
            Out = responseBody,
            CallUrl = url,
            CallMethod = method,
            CallBody = body ?? "",
            CallHeaders = Map(headers) ?? [],
            CallResponseStatus = responseStatus,
            CallResponseBody = responseBody,
            CallResponseHeaders = Map(responseHeaders) ?? [],
        });
    });

    /// <summary>Has a run start another workflow from a step (<c>context.invoke</c>): the new run names its invoker.</summary>
    public Run Invoke(string workflowRunId, string workflowUrl, byte[] body) => Change(s =>
    {
        var run = Started(s, workflowRunId);
        var invoked = s.Trigger(workflowUrl, null, new RunSettings(), body, "application/json",
            new Invoker(run.WorkflowRunId, run.WorkflowUrl, run.WorkflowRunCreatedAt));
        run.Add(s.NewStep(run, "invoke " + new Uri(workflowUrl).AbsolutePath, "Invoke", "STEP_SUCCESS") with
        {
            InvokedWorkflowRunId = invoked.WorkflowRunId,
            InvokedWorkflowUrl = workflowUrl,
        });
        return invoked;
    });

    /// <summary>
    /// Makes a run wait for an event: a wait step, and a waiter the notify calls find. An event already sent
    /// to this run for this id (and kept) ends the wait at once instead.
    /// </summary>
    public void AddWaiter(string eventId, string workflowRunId, TimeSpan timeout) => Change(s =>
    {
        var run = s.FindRun(workflowRunId);
        var now = time.GetUtcNow();
        var step = s.NewStep(run, "wait for " + eventId, "Wait", "STEP_PROGRESS") with { WaitEventId = eventId, WaitTimeout = false };
        run?.Add(step);
        if (s.SavedEvents.FirstOrDefault(e => e.WorkflowRunId == workflowRunId && e.EventId == eventId) is { } saved)
        {
            s.SavedEvents.Remove(saved);
            (step.State, step.Out) = ("STEP_SUCCESS", saved.Payload);
            return;
        }
        var url = run?.WorkflowUrl ?? "https://example.com/workflow";
        var headers = RequestHeaders(run, workflowRunId);
        var timeoutBody = Convert.ToBase64String(Encoding.UTF8.GetBytes($$"""{"stepId":{{step.StepId}},"stepName":"{{step.StepName}}","stepType":"Wait","waitEventId":"{{eventId}}","waitTimeout":true}"""));
        s.Waiters.Add(new Waiter(url, now.Add(timeout).ToUnixTimeSeconds(), headers, url, timeoutBody, headers)
        {
            EventId = eventId,
            WorkflowRunId = workflowRunId,
            WorkflowCreatedAt = run?.WorkflowRunCreatedAt ?? s.Now,
            Step = step,
        });
    });

    /// <summary>Keeps an event sent to one run that is not waiting for it yet, for the wait that comes later.</summary>
    public void Save(string workflowRunId, string eventId, string payload, byte[] bytes) => Change(s =>
    {
        s.SavedEvents.RemoveAll(e => e.WorkflowRunId == workflowRunId && e.EventId == eventId);
        s.SavedEvents.Add(new SavedEvent(workflowRunId, eventId, payload) { Bytes = bytes });
    });

    /// <summary>The run's next step (numbered after its others), made now; the caller adds what is particular to it.</summary>
    private Step NewStep(Run? run, string name, string type, string state) => new()
    {
        Headers = RequestHeaders(run),
        StepId = run?.NextStepId ?? 1,
        StepName = name,
        StepType = type,
        MessageId = NextId("msg_emu_"),
        State = state,
        CreatedAt = Now,
        Retries = run?.Retries ?? RunSettings.DefaultRetries,
    };

    /// <summary>Waiters whose deadline has passed stop waiting: their step ends with <c>waitTimeout</c> true.</summary>
    private void ExpireWaiters()
    {
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        // A workflow endpoint's waits time out on the engine's timer, which delivers the step.
        foreach (var waiter in Waiters.Where(w => w.Deadline <= now && w.ProtocolStep is null).ToList())
        {
            Waiters.Remove(waiter);
            if (waiter.Step is { } step)
            {
                (step.State, step.WaitTimeout) = ("STEP_SUCCESS", true);
            }
        }
    }

    private static Run Started(EmulatorState s, string workflowRunId)
    {
        var run = s.FindRun(workflowRunId) ?? throw new ArgumentException($"No run {workflowRunId}.", nameof(workflowRunId));
        return run.Finished ? throw new InvalidOperationException($"Run {workflowRunId} has already ended ({run.WorkflowState}).") : run;
    }

    /// <summary>The headers the service sends the workflow endpoint: the payload's type, the run id and the forwarded headers.</summary>
    private static Dictionary<string, string[]> RequestHeaders(Run? run, string? workflowRunId = null)
    {
        var headers = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase)
        {
            ["Upstash-Workflow-RunId"] = [run?.WorkflowRunId ?? workflowRunId ?? ""],
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

    private static Dictionary<string, string[]>? Map(IReadOnlyDictionary<string, string>? headers) =>
        headers?.ToDictionary(h => h.Key, h => new[] { h.Value }, StringComparer.OrdinalIgnoreCase);
}
