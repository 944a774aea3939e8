using System.Globalization;

namespace Upstash.Workflow.Testing;

/// <summary>
/// When a message is delivered: after its <c>Upstash-Delay</c>, or at its <c>Upstash-Not-Before</c>, whichever is later;
/// each checked before anything changes, so a value out of range is a 400 naming it, never an overflow.
/// </summary>
internal static class Delays
{
    /// <summary>The message's delay from <paramref name="now"/>; null, with <paramref name="error"/>, when a value is malformed or out of range.</summary>
    public static TimeSpan? Of(WorkflowMessage message, DateTimeOffset now, out string? error) =>
        Of(message.Header(Wire.Delay), message.Header(Wire.NotBefore), now, out error);

    /// <summary>A run's first delay, from its settings (a trigger's, a resume's or a restart's), checked as a message's is.</summary>
    public static TimeSpan? Of(RunSettings settings, DateTimeOffset now, out string? error) =>
        Of(settings.Delay, settings.NotBefore?.ToString(CultureInfo.InvariantCulture), now, out error);

    private static TimeSpan? Of(string? text, string? notBefore, DateTimeOffset now, out string? error)
    {
        error = null;
        var delay = TimeSpan.Zero;
        if (text is not null)
        {
            if (!RunSettings.TryDuration(text, out delay))
            {
                error = $"invalid {Wire.Delay} '{RunSettings.Shown(text)}': expected a duration such as 10s, 5m, 1h or 1d10h30m, of at most {RunSettings.MaxDelay.TotalDays:0} days";
                return null;
            }
        }
        if (notBefore is not null)
        {
            if (!long.TryParse(notBefore, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds > RunSettings.MaxNotBefore)
            {
                error = $"invalid {Wire.NotBefore} '{RunSettings.Shown(notBefore)}': expected unix seconds, no later than the year 9999";
                return null;
            }
            var until = DateTimeOffset.FromUnixTimeSeconds(seconds) - now;
            delay = until > delay ? until : delay;
        }
        return delay;
    }
}
