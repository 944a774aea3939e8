namespace Upstash.Workflow.Testing;

/// <summary>Flow-control key actions and the signing keys.</summary>
internal sealed partial class EmulatorApi
{
    private Task FlowAction(Request r, string key, string action)
    {
        if (action == "pin" && PinError(r) is { } invalid)
        {
            return r.Error(400, invalid);
        }
        var changed = Change(r, key, action);
        if (changed)
        {
            flow.Release(key); // a resumed, re-pinned or reset key lets waiting deliveries through
        }
        return changed ? r.Empty(200) : r.Empty(400);
    }

    /// <summary>Why a pin's values cannot be a key's limits (each a whole number from 1, the period at most a year), or null.</summary>
    private static string? PinError(Request r)
    {
        foreach (var (name, max) in new[] { ("parallelism", int.MaxValue), ("rate", int.MaxValue), ("period", (int)RunSettings.MaxDelay.TotalSeconds) })
        {
            if (r.Text(name) is { } text && (r.Int(name) is not { } value || value < 1 || value > max))
            {
                return $"invalid {name} '{text}': expected a whole number from 1 to {max}";
            }
        }
        return null;
    }

    private bool Change(Request r, string key, string action) => state.Change(s =>
    {
        if (!s.FlowKeys.TryGetValue(key, out var k))
        {
            return false;
        }
        switch (action)
        {
            case "pause": k.IsPaused = true; break;
            case "resume": k.IsPaused = false; break;
            case "pin":
                if (r.Int("parallelism") is { } p) { k.ParallelismMax = p; k.IsPinnedParallelism = true; }
                if (r.Int("rate") is { } rate) { k.RateMax = rate; k.IsPinnedRate = true; }
                if (r.Int("period") is { } period) { k.RatePeriod = period; }
                break;
            case "unpin":
                if (r.Text("parallelism") == "true") { k.IsPinnedParallelism = false; }
                if (r.Text("rate") == "true") { k.IsPinnedRate = false; }
                break;
            case "resetRate": k.RateCount = 0; k.RatePeriodStart = s.Now; break;
            default: return false;
        }
        return true;
    });

    private object Keys() => state.Read(s => new { current = s.CurrentKey, next = s.NextKey });

    private Task Rotate(Request r)
    {
        state.Change((EmulatorState s) =>
        {
            s.CurrentKey = s.NextKey;
            s.NextKey = EmulatorState.NewKey();
        });
        return r.Ok(Keys());
    }
}
