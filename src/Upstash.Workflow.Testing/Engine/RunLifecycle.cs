using System.Collections.Concurrent;

namespace Upstash.Workflow.Testing;

/// <summary>What happens to a run: each is raised by the API, by the engine as an endpoint answers, by a timer, or from code.</summary>
internal enum RunEvent
{
    /// <summary>A run begins: a trigger, a batch trigger, a resume or a restart, an invoke, a run seeded from code.</summary>
    Triggered,

    /// <summary>The endpoint answered the unknown-SDK delivery by triggering the run itself: it speaks the protocol from now on.</summary>
    Adopted,

    /// <summary>A message joins the run's history: a step, a leg of a call, an invoked run's outcome, a step recorded from code.</summary>
    MessageAccepted,

    /// <summary>A delivery of the run was answered with a success.</summary>
    Delivered,

    /// <summary>A delivery failed and the run has retries left: the step retries after its backoff.</summary>
    DeliveryFailed,

    /// <summary>The run waits for an event: a wait step in progress, its deadline on the clock.</summary>
    WaitStarted,

    /// <summary>The event the run waited for came.</summary>
    Notified,

    /// <summary>The wait's deadline passed.</summary>
    WaitTimedOut,

    /// <summary>The run returned: its endpoint's last call, or from code.</summary>
    Returned,

    /// <summary>The run was cancelled through the API.</summary>
    Canceled,

    /// <summary>The run failed: its retries spent, a non-retryable answer, its step limit, a trigger that reached no workflow, or from code.</summary>
    Failed,
}

/// <summary>What a transition has done after the state's lock is left: the actions that call out, wait or reach other runs.</summary>
internal enum RunAction
{
    /// <summary>The run's history as it now stands is delivered to its endpoint (a run seeded from code has none, and is not called).</summary>
    Deliver,

    /// <summary>A timer on the emulator's clock: the retry's backoff, the wait's deadline.</summary>
    StartTimer,

    /// <summary>The run's timers stop: nothing of it is delivered any more.</summary>
    CancelTimers,

    /// <summary>The failure callback is called, signed, and retried as a step is.</summary>
    CallFailureCallback,

    /// <summary>The run that invoked this one gets its outcome as the invoke's result.</summary>
    TellInvoker,
}

/// <summary>One row of the table: from a state, on an event, to a state, with the actions that follow.</summary>
/// <param name="From">The run's state before; null for a run that does not exist yet.</param>
/// <param name="On">The event.</param>
/// <param name="To">The run's state after.</param>
/// <param name="Actions">What runs after the lock is left.</param>
/// <param name="Means">What the row does, in words (docs/maintaining/engine.md prints it).</param>
internal sealed record Transition(WorkflowRunState? From, RunEvent On, WorkflowRunState To, IReadOnlyList<RunAction> Actions, string Means)
{
    public override string ToString() => $"{From?.ToString() ?? "(none)"} --{On}--> {To}";
}

/// <summary>
/// The run lifecycle, as a table first (Temporal's state machines are written so): every state change of every run is one
/// of these transitions, applied by the engine under the state's one lock; its data changes happen there, its actions
/// (<see cref="RunAction"/>) after the lock is left. An event the table has no row for changes nothing: a step for an ended
/// run is refused, a retry's timer that fires after a cancel does nothing. Which rows ran is recorded, so the tests can say
/// that each was run (<see cref="TransitionRecorder"/>; docs/maintaining/engine.md prints the table).
/// </summary>
internal static class RunLifecycle
{
    private static readonly WorkflowRunState Started = WorkflowRunState.RunStarted;

    public static IReadOnlyList<Transition> Table { get; } =
    [
        new(null, RunEvent.Triggered, Started, [RunAction.Deliver],
            "the run exists, its initial step logged; a run the API started is delivered (as to an unknown SDK when its trigger says so)"),
        new(Started, RunEvent.Adopted, Started, [RunAction.Deliver],
            "the endpoint re-triggered the run itself: its history starts again from the payload, under the endpoint's settings"),
        new(Started, RunEvent.MessageAccepted, Started, [RunAction.Deliver],
            "the message joins the history (a step is logged) and the history up to it is delivered, after its delay if it asks for one; a call's request is sent to its URL instead, and its answer joins as a message of its own"),
        new(Started, RunEvent.Delivered, Started, [],
            "the step the delivery carried is no longer retrying"),
        new(Started, RunEvent.DeliveryFailed, Started, [RunAction.StartTimer],
            "the step shows retrying, with the error and the next delivery time; the same message is delivered again then"),
        new(Started, RunEvent.WaitStarted, Started, [RunAction.StartTimer],
            "a wait step in progress, and the waiter the notify calls find; the deadline's timer starts"),
        new(Started, RunEvent.Notified, Started, [RunAction.Deliver],
            "the wait step completes with the event's body, and the run goes on"),
        new(Started, RunEvent.WaitTimedOut, Started, [RunAction.Deliver],
            "the wait step completes timed out, and the run goes on"),
        new(Started, RunEvent.Returned, WorkflowRunState.RunSuccess, [RunAction.CancelTimers, RunAction.TellInvoker],
            "the result is the run's response; its messages are dropped (its logs stay)"),
        new(Started, RunEvent.Canceled, WorkflowRunState.RunCanceled, [RunAction.CancelTimers, RunAction.TellInvoker],
            "its messages are dropped, its waits end"),
        new(Started, RunEvent.Failed, WorkflowRunState.RunFailed, [RunAction.CancelTimers, RunAction.CallFailureCallback, RunAction.TellInvoker],
            "a failed step in the logs, the failing message and answer into the DLQ; its messages after the failed one are dropped (a resume delivers the rest again)"),
    ];

    /// <summary>The row for <paramref name="on"/> from <paramref name="from"/>, or null when the table has none.</summary>
    public static Transition? Find(WorkflowRunState? from, RunEvent on) => Table.FirstOrDefault(t => t.From == from && t.On == on);

    /// <summary>The table as docs/maintaining/engine.md shows it (a test keeps the page in step with this).</summary>
    public static string Markdown() =>
        "| from | on | to | then | what it means |\n|---|---|---|---|---|\n" + string.Concat(Table.Select(t =>
            $"| {t.From?.ToString() ?? "(none)"} | {t.On} | {t.To} | {(t.Actions.Count == 0 ? "–" : string.Join(", ", t.Actions))} | {t.Means} |\n"));
}

/// <summary>Which rows of the table one emulator has run: what a test reports as the transitions it covered.</summary>
internal sealed class TransitionRecorder
{
    private readonly ConcurrentDictionary<Transition, bool> _ran = new();

    public void Record(Transition transition) => _ran.TryAdd(transition, true);

    public IReadOnlyCollection<Transition> Ran => [.. _ran.Keys];
}
