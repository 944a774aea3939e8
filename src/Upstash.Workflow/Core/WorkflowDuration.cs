using System.Globalization;

namespace Upstash.Workflow.Core;

/// <summary>
/// Durations in the API's <c>&lt;number&gt;&lt;unit&gt;</c> format (units d, h, m, s), for
/// <c>delay</c>, <c>retryDelay</c> and flow-control periods.
/// </summary>
internal static class WorkflowDuration
{
    /// <summary>
    /// The exact text for <paramref name="value"/> in the largest unit that holds it whole:
    /// 10 s → "10s", 5 min → "5m", 90 s → "90s", 2 days → "2d". Nothing is rounded: a duration with a
    /// fraction of a second, or a negative one, is an <see cref="ArgumentOutOfRangeException"/>.
    /// </summary>
    public static string Format(TimeSpan value)
    {
        if (value < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "A workflow duration cannot be negative.");
        }
        if (value.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "A workflow duration is counted in whole seconds; this one has a fraction of a second, which would be lost.");
        }
        var seconds = value.Ticks / TimeSpan.TicksPerSecond;
        var (amount, unit) = seconds switch
        {
            0 => (0L, 's'),
            _ when seconds % 86_400 == 0 => (seconds / 86_400, 'd'),
            _ when seconds % 3_600 == 0 => (seconds / 3_600, 'h'),
            _ when seconds % 60 == 0 => (seconds / 60, 'm'),
            _ => (seconds, 's'),
        };
        return amount.ToString(CultureInfo.InvariantCulture) + unit;
    }
}
