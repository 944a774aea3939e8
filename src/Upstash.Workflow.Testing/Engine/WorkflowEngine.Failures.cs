using System.Text;

namespace Upstash.Workflow.Testing;

/// <summary>How a run fails: into the DLQ with the message that failed, then its failure callback, retried as a step is.</summary>
internal sealed partial class WorkflowEngine
{
    /// <summary>
    /// Fails the run on the delivery of its <paramref name="snapshot"/>-th message: the run ends RUN_FAILED, the DLQ
    /// entry carries that message and the answer, and the failure URL (the workflow URL when the trigger named none)
    /// is called, signed, with the failure; its final outcome is the entry's <c>failureFunctionState</c>.
    /// </summary>
    private async Task FailAsync(Run run, int snapshot, int status, byte[] answer, IReadOnlyDictionary<string, string> answerHeaders)
    {
        DlqEntry entry;
        try
        {
            entry = state.Change(s =>
            {
                var protocol = run.Protocol!;
                protocol.FailedAt = snapshot - 1;
                var delivered = protocol.History[snapshot - 1];
                var failed = new FailedMessage(StepHeaders(run, protocol, delivered.MessageId, run.Retries), HistoryBody(protocol.History, snapshot),
                    answerHeaders.TryGetValue("Upstash-Error-Step-Name", out var name) ? name : null);
                return s.FailRun(run.WorkflowRunId, status, answer, answerHeaders, callbackStatus: 0, failed);
            });
        }
        catch (InvalidOperationException)
        {
            return; // The run ended meanwhile (cancelled, completed): nothing left to fail.
        }
        Ended(run);
        if (entry.FailureCallback is { } url && sender.Allowed(url))
        {
            state.Change((EmulatorState _) => entry.SetCallbackState("CALLBACK_INPROGRESS"));
            await CallBackAsync(entry, retried: 0).ConfigureAwait(false);
        }
    }

    private async Task CallBackAsync(DlqEntry entry, int retried)
    {
        var status = await sender.CallBackAsync(entry, retried).ConfigureAwait(false);
        if (status is < 200 or >= 300 && retried < entry.MaxRetries)
        {
            state.Change((EmulatorState _) => entry.SetCallbackState("CALLBACK_INPROGRESS"));
            sender.Schedule(RetryPolicy.Backoff(retried + 1, entry.FailedRun?.Settings.RetryDelay), () => CallBackAsync(entry, retried + 1));
        }
    }

    /// <summary>A run that reached the step limit fails at once, with no retry: it would loop again.</summary>
    private void LimitReached(Run run) => sender.Track(() => FailAsync(run, run.Protocol!.History.Count, 400,
        Encoding.UTF8.GetBytes($$"""{"error":"StepLimit","message":"the run reached the emulator's limit of {{options.MaxStepsPerRun}} steps (UpstashWorkflowEmulatorOptions.MaxStepsPerRun)"}"""),
        new Dictionary<string, string>()));
}

/// <summary>The message whose delivery failed a run, as the DLQ entry keeps it.</summary>
internal sealed record FailedMessage(Dictionary<string, string> Headers, byte[] Body, string? StepName);
