namespace Upstash.Workflow.Testing;

/// <summary>
/// Flow control as the service applies it to a run's deliveries: per key, at most <c>parallelism</c> in flight and
/// <c>rate</c> per <c>period</c>, nothing while the key is paused. A delivery the key does not let through waits here,
/// parked (not in flight: <see cref="DeliverySender.IdleAsync"/> does not wait for it), and goes when a delivery of the
/// key ends, the period turns, or the key is resumed, pinned or reset. The key's counters are what
/// <c>GET /v2/flowControl/{key}</c> answers. The queues are the state's, under its one lock, as the counters are.
/// </summary>
internal sealed class FlowGate(EmulatorState state, DeliverySender sender)
{
    /// <summary>Whose timers a key's next period is (stopped with the emulator).</summary>
    private const string FlowTimers = "flow ";

    /// <summary>Sends <paramref name="delivery"/> now if <paramref name="key"/> lets it through, else when it does.</summary>
    public void Run(string? key, Func<Task> delivery)
    {
        if (key is null)
        {
            sender.Track(delivery);
            return;
        }
        state.Change(s => (s.Parked.TryGetValue(key, out var queue) ? queue : s.Parked[key] = new()).Enqueue(delivery));
        Release(key);
    }

    /// <summary>Lets through what the key now allows, oldest first (after a delivery ended, or the key changed).</summary>
    public void Release(string key)
    {
        while (true)
        {
            Func<Task>? next = null;
            var turn = state.Change(s =>
            {
                if (!s.Parked.TryGetValue(key, out var queue) || queue.Count == 0)
                {
                    return (TimeSpan?)null;
                }
                if (!s.FlowKeys.TryGetValue(key, out var k))
                {
                    next = queue.Dequeue();
                    return null;
                }
                var now = s.Now;
                if (now - k.RatePeriodStart >= k.RatePeriod * 1000L)
                {
                    (k.RatePeriodStart, k.RateCount) = (now, 0);
                }
                if (!k.IsPaused && k.ParallelismCount < k.ParallelismMax && k.RateCount < k.RateMax)
                {
                    (k.ParallelismCount, k.RateCount) = (k.ParallelismCount + 1, k.RateCount + 1);
                    next = queue.Dequeue();
                }
                k.WaitListSize = queue.Count;
                if (queue.Count == 0)
                {
                    s.Parked.Remove(key);
                }
                // Only a full rate waits for the clock; the rest waits for a delivery to end or the key to change.
                return next is null && !k.IsPaused && k.RateCount >= k.RateMax ? TimeSpan.FromMilliseconds(k.RatePeriodStart + k.RatePeriod * 1000L - now) : null;
            });
            if (next is null)
            {
                if (turn is { } wait)
                {
                    sender.Schedule(FlowTimers + key, wait, () =>
                    {
                        Release(key);
                        return Task.CompletedTask;
                    });
                }
                return;
            }
            var admitted = next;
            sender.Track(async () =>
            {
                try
                {
                    await admitted().ConfigureAwait(false);
                }
                finally
                {
                    state.Change(s =>
                    {
                        if (s.FlowKeys.TryGetValue(key, out var k))
                        {
                            k.ParallelismCount = Math.Max(0, k.ParallelismCount - 1);
                        }
                    });
                    Release(key);
                }
            });
        }
    }
}
