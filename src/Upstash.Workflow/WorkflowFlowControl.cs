using System.Globalization;
using Upstash.Workflow.Core;

namespace Upstash.Workflow;

/// <summary>
/// A flow-control setting: the key runs are grouped by, and at least one limit. <see cref="Value"/> is
/// the <c>Upstash-Flow-Control-Value</c> text, e.g. "parallelism=3, rate=10, period=1m".
/// </summary>
public sealed record WorkflowFlowControl
{
    /// <summary>Creates the setting; every argument is checked here, before any request.</summary>
    /// <param name="key">The flow-control key (printable ASCII, not empty).</param>
    /// <param name="parallelism">At most this many runs at once (at least 1).</param>
    /// <param name="rate">At most this many runs started per <paramref name="period"/> (at least 1).</param>
    /// <param name="period">The window of <paramref name="rate"/>, whole seconds, more than zero.</param>
    public WorkflowFlowControl(string key, int? parallelism = null, int? rate = null, TimeSpan? period = null)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            throw new ArgumentException("A flow-control key must not be empty or white space.", nameof(key));
        }
        RequestGuard.HeaderValue(key, nameof(key));
        if (parallelism is null && rate is null && period is null)
        {
            throw new ArgumentException("Give at least one of parallelism, rate and period.", nameof(parallelism));
        }
        if (parallelism < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(parallelism), parallelism, "Parallelism must be at least 1.");
        }
        if (rate < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(rate), rate, "Rate must be at least 1.");
        }
        if (period is { } p && (p <= TimeSpan.Zero || p.Ticks % TimeSpan.TicksPerSecond != 0))
        {
            throw new ArgumentOutOfRangeException(nameof(period), period, "Period must be a whole number of seconds, more than zero.");
        }

        Key = key;
        Parallelism = parallelism;
        Rate = rate;
        Period = period;
        var parts = new List<string>(3);
        if (parallelism is { } n)
        {
            parts.Add("parallelism=" + n.ToString(CultureInfo.InvariantCulture));
        }
        if (rate is { } r)
        {
            parts.Add("rate=" + r.ToString(CultureInfo.InvariantCulture));
        }
        if (period is { } w)
        {
            parts.Add("period=" + WorkflowDuration.Format(w));
        }
        Value = string.Join(", ", parts);
    }

    /// <summary>The <c>Upstash-Flow-Control-Key</c> value.</summary>
    public string Key { get; }

    /// <summary>Runs at once, if limited.</summary>
    public int? Parallelism { get; }

    /// <summary>Runs started per <see cref="Period"/>, if limited.</summary>
    public int? Rate { get; }

    /// <summary>The rate window.</summary>
    public TimeSpan? Period { get; }

    /// <summary>The <c>Upstash-Flow-Control-Value</c> value.</summary>
    public string Value { get; }
}
