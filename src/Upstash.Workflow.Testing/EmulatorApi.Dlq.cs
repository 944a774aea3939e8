namespace Upstash.Workflow.Testing;

/// <summary>The DLQ operations: list, get, delete, resume, restart, and the failure callback's retry and cancel.</summary>
internal sealed partial class EmulatorApi
{
    private const int BulkRestartLimit = 50;

    private static bool MatchesDlqFilters(Request r, DlqEntry e) =>
        (r.Long("fromDate") is not { } from || e.CreatedAt >= from)
        && (r.Long("toDate") is not { } to || e.CreatedAt <= to)
        && (r.List("workflowUrl") is not { } urls || urls.Contains(e.WorkflowUrl))
        && (r.Text("workflowRunId") is not { } id || e.WorkflowRunId == id)
        && (r.Long("workflowCreatedAt") is not { } created || e.WorkflowCreatedAt == created)
        && (r.List("label") is not { } labels || e.Labels.Intersect(labels).Any())
        && (r.List("failureFunctionState") is not { } states || states.Contains(e.FailureFunctionState ?? ""))
        && (r.List("callerIp") is not { } ips || ips.Contains(e.CallerIp))
        && (r.List("flowControlKey") is not { } keys || keys.Contains(e.FlowControlKey ?? ""));

    private Task ListDlq(Request r)
    {
        var entries = state.Read(s => s.Dlq.Where(e => MatchesDlqFilters(r, e)).ToList());
        return Page(entries, r, 100, out var page, out var cursor) ? r.Ok(new { cursor, messages = page }) : r.Error(400, InvalidCursor(r));
    }

    /// <summary>The entries a bulk call acts on: the listed ids (all must exist), or those matching the filters.</summary>
    private static (List<DlqEntry>? Entries, string? Missing) Select(EmulatorState s, Request r)
    {
        if (r.List("dlqIds") is { } ids)
        {
            var missing = ids.Where(id => s.Dlq.All(e => e.DlqId != id)).ToList();
            return missing.Count > 0 ? (null, string.Join(", ", missing)) : (s.Dlq.Where(e => ids.Contains(e.DlqId)).ToList(), null);
        }
        return (s.Dlq.Where(e => MatchesDlqFilters(r, e)).ToList(), null);
    }

    private Task DeleteDlq(Request r)
    {
        var count = r.Int("count") ?? 100;
        var (deleted, more) = state.Change(s =>
        {
            var (entries, _) = Select(s, r);
            var batch = (entries ?? []).Take(count).ToList();
            batch.ForEach(e => s.Dlq.Remove(e));
            return (batch.Count, (entries?.Count ?? 0) > batch.Count);
        });
        return r.Ok(new { deleted, cursor = more ? NextBatch() : null });
    }

    private Task RunAgainInBulk(Request r, RunSettings overrides, int limit, bool resume)
    {
        var count = Math.Min(r.Int("count") ?? limit, limit);
        var (runs, more, missing) = state.Change(s =>
        {
            var (entries, missing) = Select(s, r);
            if (entries is null)
            {
                return ((List<Run>?)null, false, missing);
            }
            var batch = entries.Take(count).ToList();
            return (batch.Select(e => state.RunAgain(e, overrides)).ToList(), entries.Count > batch.Count, null);
        });
        if (runs is null)
        {
            return r.Error(404, $"DLQ messages not found: {missing}");
        }
        runs.ForEach(run => engine.StartAgain(run, resume));
        return r.Ok(new { workflowRuns = runs.Select(Started).ToList(), cursor = more ? NextBatch() : null });
    }

    private Task RunAgain(Request r, string id, RunSettings overrides, bool resume)
    {
        if (state.RunAgain(id, overrides) is not { } run)
        {
            return r.Error(404, $"DLQ message {id} not found");
        }
        engine.StartAgain(run, resume);
        return r.Ok(Started(run));
    }

    private int _batches;

    /// <summary>A bulk call's cursor: the entries it handled are gone, so the next call just takes the next batch; each cursor is new.</summary>
    private string NextBatch() => $"batch-{Interlocked.Increment(ref _batches)}";

    private Task DeleteEntry(Request r, string id) =>
        state.Change(s => s.Dlq.RemoveAll(e => e.DlqId == id)) > 0 ? r.Empty(200) : r.Empty(404);

    private Task RetryCallback(Request r, string id)
    {
        // Found, checked and changed under one lock.
        var (entry, run, error) = state.Change<(DlqEntry?, Run?, (int, string)?)>(s =>
        {
            if (s.Dlq.FirstOrDefault(e => e.DlqId == id) is not { } entry)
            {
                return (null, null, (404, $"DLQ message {id} not found"));
            }
            if (entry.FailureCallback is null)
            {
                return (null, null, (400, "this run has no failure callback"));
            }
            entry.SetCallbackState("CALLBACK_INPROGRESS");
            var failed = s.FindRun(entry.WorkflowRunId);
            var settings = new RunSettings { Labels = entry.Labels, FlowControlKey = entry.FlowControlKey, Forwarded = failed?.Settings.FailureForwarded };
            return (entry, s.Trigger(entry.FailureCallback, null, settings, failed?.Body ?? [], failed?.ContentType), null);
        });
        if (error is var (status, message))
        {
            return r.Error(status, message);
        }
        delivery.RetryCallback(entry!);
        return r.Ok(Started(run!));
    }

    private Task CancelCallback(Request r, string id)
    {
        var status = state.Change(s =>
        {
            if (s.Dlq.FirstOrDefault(e => e.DlqId == id) is not { } entry)
            {
                return 404;
            }
            if (entry.FailureFunctionState != "CALLBACK_INPROGRESS")
            {
                return 400;
            }
            entry.SetCallbackState("CALLBACK_CANCELED");
            return 302;
        });
        return status switch
        {
            404 => r.Error(404, $"DLQ message {id} not found"),
            400 => r.Error(400, "no failure callback is in progress for this run"),
            _ => r.Empty(302),
        };
    }

    private Task WithEntry(Request r, string id, Func<DlqEntry, Task> then) =>
        state.Read(s => s.Dlq.FirstOrDefault(e => e.DlqId == id)) is { } entry ? then(entry) : r.Error(404, $"DLQ message {id} not found");
}
