using System.Collections.Concurrent;

namespace Upstash.Workflow.Samples.WebApp;

/// <summary>Where the application's alerts go; here, a list its tests read.</summary>
public sealed class FailureAlerts
{
    private readonly ConcurrentQueue<string> _raised = new();

    /// <summary>The alerts raised so far, in order.</summary>
    public IReadOnlyList<string> Raised => [.. _raised];

    /// <summary>Raises an alert.</summary>
    public void Raise(string text) => _raised.Enqueue(text);
}
