namespace Upstash.Workflow.Core;

/// <summary>
/// The request every generated method sends. <see cref="DeadlineHandler"/> leaves the call's deadline on
/// it, so <see cref="UpstashClientBase"/> reads the answer's body under that same deadline, with no
/// wrapper around the body; disposing the request (the generated code does, after the body is read)
/// ends the deadline.
/// </summary>
internal sealed class UpstashRequestMessage : HttpRequestMessage
{
    /// <summary>The call's deadline, joined with the caller's token; set once the answer's headers are in.</summary>
    public CancellationTokenSource? Deadline { get; private set; }

    /// <summary>The length of <see cref="Deadline"/>, for the timeout's message.</summary>
    public TimeSpan Timeout { get; private set; }

    public void Keep(CancellationTokenSource deadline, TimeSpan timeout) => (Deadline, Timeout) = (deadline, timeout);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Deadline?.Dispose();
        }
        base.Dispose(disposing);
    }
}
