namespace Upstash.Workflow.Testing;

/// <summary>A call the emulator received, as a fault's predicate sees it.</summary>
/// <param name="OperationId">The spec's operation id (<c>restartWorkflow</c>); null for a path the spec does not have.</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The path, as sent.</param>
public sealed record EmulatorCall(string? OperationId, string Method, string Path);

/// <summary>
/// Faults on demand (<see cref="UpstashWorkflowEmulator.Faults"/>): an operation answered with a 429, an error or a
/// delay, for the next N calls or for the calls a predicate picks; and a delivery target that fails N times.
/// Each fault is used up by the calls it answers; the first one that applies wins. Thread-safe.
/// </summary>
public sealed class EmulatorFaults
{
    /// <summary>No fault yet; an emulator has its own, <see cref="UpstashWorkflowEmulator.Faults"/>.</summary>
    public EmulatorFaults()
    {
    }

    private readonly object _gate = new();
    private readonly List<Rule> _calls = [];
    private readonly Dictionary<string, (int Left, int Status)> _deliveries = new(StringComparer.Ordinal);

    /// <summary>Answers the next <paramref name="times"/> calls of <paramref name="operationId"/> with <paramref name="fault"/>.</summary>
    /// <param name="operationId">The spec's operation id: <c>restartWorkflow</c>, <c>listFailedRuns</c>, ….</param>
    /// <param name="fault">What to answer.</param>
    /// <param name="times">How many calls it answers; one by default.</param>
    public void Inject(string operationId, EmulatorFault fault, int times = 1)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(operationId);
        Inject(call => call.OperationId == operationId, fault, times);
    }

    /// <summary>Answers the calls <paramref name="when"/> picks with <paramref name="fault"/>, <paramref name="times"/> of them (null: every one, until <see cref="Clear"/>).</summary>
    /// <param name="when">Which calls; it runs for every call the emulator receives.</param>
    /// <param name="fault">What to answer.</param>
    /// <param name="times">How many calls it answers; null for no limit.</param>
    public void Inject(Func<EmulatorCall, bool> when, EmulatorFault fault, int? times = null)
    {
        ArgumentNullException.ThrowIfNull(when);
        ArgumentNullException.ThrowIfNull(fault);
        if (times is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(times), times, "A fault answers at least one call.");
        }
        lock (_gate)
        {
            _calls.Add(new Rule(when, fault, times));
        }
    }

    /// <summary>
    /// Makes the next <paramref name="times"/> deliveries to <paramref name="url"/> fail as if the endpoint answered
    /// <paramref name="status"/>, without calling it: the run fails and its failure callback follows, as the
    /// service's would once its retries were spent.
    /// </summary>
    /// <param name="url">The endpoint (a workflow URL or a failure callback).</param>
    /// <param name="times">How many deliveries fail.</param>
    /// <param name="status">The status recorded for each; 500 by default.</param>
    public void FailDeliveries(Uri url, int times = 1, int status = 500)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentOutOfRangeException.ThrowIfLessThan(times, 1);
        lock (_gate)
        {
            _deliveries[url.AbsoluteUri] = (times, status);
        }
    }

    /// <summary>Takes every fault away.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _calls.Clear();
            _deliveries.Clear();
        }
    }

    /// <summary>The fault that answers <paramref name="call"/>, used up by it; null when none applies.</summary>
    internal EmulatorFault? Take(EmulatorCall call)
    {
        lock (_gate)
        {
            var rule = _calls.FirstOrDefault(r => r.When(call));
            if (rule is null)
            {
                return null;
            }
            if (rule.Left is { } left)
            {
                rule.Left = left - 1;
                if (rule.Left == 0)
                {
                    _calls.Remove(rule);
                }
            }
            return rule.Fault;
        }
    }

    /// <summary>The status a delivery to <paramref name="url"/> fails with, used up by it; null when it is to be sent.</summary>
    internal int? TakeDelivery(Uri url)
    {
        lock (_gate)
        {
            if (!_deliveries.TryGetValue(url.AbsoluteUri, out var failing))
            {
                return null;
            }
            if (failing.Left == 1)
            {
                _deliveries.Remove(url.AbsoluteUri);
            }
            else
            {
                _deliveries[url.AbsoluteUri] = (failing.Left - 1, failing.Status);
            }
            return failing.Status;
        }
    }

    private sealed class Rule(Func<EmulatorCall, bool> when, EmulatorFault fault, int? left)
    {
        public Func<EmulatorCall, bool> When { get; } = when;

        public EmulatorFault Fault { get; } = fault;

        public int? Left { get; set; } = left;
    }
}
