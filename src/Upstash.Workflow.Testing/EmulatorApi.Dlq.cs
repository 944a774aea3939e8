using System.Text.Json;

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
        && (r.List("failureFunctionState") is not { } states || states.Contains(e.FailureFunctionState?.ToString() ?? ""))
        && (r.List("callerIp") is not { } ips || ips.Contains(e.CallerIp))
        && (r.List("flowControlKey") is not { } keys || keys.Contains(e.FlowControlKey ?? ""));

    private Task ListDlq(Request r)
    {
        var answer = state.Read(s => Page(s.Dlq.Where(e => MatchesDlqFilters(r, e)).ToList(), r, 100, out var page, out var cursor)
            ? JsonSerializer.SerializeToUtf8Bytes(new { cursor, messages = page }, Json)
            : null);
        return answer is not null ? r.Bytes(answer) : r.Error(400, InvalidCursor(r));
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
        var (entries, more, missing) = state.Read<(List<DlqEntry>?, bool, string?)>(s =>
        {
            var (entries, missing) = Select(s, r);
            return entries is null ? (null, false, missing) : (entries.Take(count).ToList(), entries.Count > count, null);
        });
        if (entries is null)
        {
            return r.Error(404, $"DLQ messages not found: {missing}");
        }
        if (entries.Select(e => engine.Check(e.WorkflowUrl, overrides)).FirstOrDefault(e => e is not null) is { } invalid)
        {
            return r.Error(400, invalid);
        }
        // An entry another call took meanwhile starts nothing here: each entry starts one run.
        var runs = entries.Select(e => engine.RunAgain(e, overrides, resume)).OfType<Run>().ToList();
        return r.Ok(new { workflowRuns = runs.Select(Started).ToList(), cursor = more ? NextBatch() : null });
    }

    private Task RunAgain(Request r, string id, RunSettings overrides, bool resume)
    {
        var entry = state.Read(s => s.Dlq.FirstOrDefault(e => e.DlqId == id));
        if (entry is not null && engine.Check(entry.WorkflowUrl, overrides) is { } invalid)
        {
            return r.Error(400, invalid);
        }
        return entry is not null && engine.RunAgain(entry, overrides, resume) is { } run ? r.Ok(Started(run)) : r.Error(404, $"DLQ message {id} not found");
    }

    private int _batches;

    /// <summary>A bulk call's cursor: the entries it handled are gone, so the next call just takes the next batch; each cursor is new.</summary>
    private string NextBatch() => $"batch-{Interlocked.Increment(ref _batches)}";

    private Task DeleteEntry(Request r, string id) =>
        state.Change(s => s.Dlq.RemoveAll(e => e.DlqId == id)) > 0 ? r.Empty(200) : r.Empty(404);

    /// <summary>Calls an entry's failure callback again, retried as before; the answer names the failed run it is about.</summary>
    private Task RetryCallback(Request r, string id)
    {
        var (entry, error) = state.Change<(DlqEntry?, (int, string)?)>(s =>
        {
            if (s.Dlq.FirstOrDefault(e => e.DlqId == id) is not { } entry)
            {
                return (null, (404, $"DLQ message {id} not found"));
            }
            if (entry.FailureCallback is null)
            {
                return (null, (400, "this run has no failure callback"));
            }
            entry.SetCallbackState(FailureFunctionState.CallbackInprogress);
            return (entry, null);
        });
        if (error is var (status, message))
        {
            return r.Error(status, message);
        }
        engine.RetryCallback(entry!);
        return r.Ok(new { workflowRunId = entry!.WorkflowRunId, workflowCreatedAt = entry.WorkflowCreatedAt });
    }

    private Task CancelCallback(Request r, string id)
    {
        var status = state.Change(s =>
        {
            if (s.Dlq.FirstOrDefault(e => e.DlqId == id) is not { } entry)
            {
                return 404;
            }
            if (entry.FailureFunctionState != FailureFunctionState.CallbackInprogress)
            {
                return 400;
            }
            entry.SetCallbackState(FailureFunctionState.CallbackCanceled);
            return 302;
        });
        if (status == 302)
        {
            engine.StopCallback(id);
        }
        return status switch
        {
            404 => r.Error(404, $"DLQ message {id} not found"),
            400 => r.Error(400, "no failure callback is in progress for this run"),
            _ => r.Empty(302),
        };
    }
}
