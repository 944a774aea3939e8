namespace Upstash.Workflow.Testing;

/// <summary>
/// When a message is due: after its <c>Upstash-Delay</c> or at its <c>Upstash-Not-Before</c>, whichever is later. Both
/// were checked as they were read (<see cref="RunSettings.Read"/>: a delay of at most a year, a not-before no later
/// than the year 9999), so no value here can overflow a time or a timer.
/// </summary>
internal static class Delays
{
    /// <summary>How long from <paramref name="now"/> until a message with <paramref name="settings"/> is due; zero for at once.</summary>
    public static TimeSpan Of(RunSettings settings, DateTimeOffset now)
    {
        var delay = settings.Delay is { } text && RunSettings.TryDuration(text, out var duration) ? duration : TimeSpan.Zero;
        if (settings.NotBefore is { } seconds && DateTimeOffset.FromUnixTimeSeconds(seconds) - now is var until && until > delay)
        {
            delay = until;
        }
        return delay;
    }

    /// <summary>When a run's first step is due, as its logs show it (<c>nextDeliveryTime</c>); null when it asked for no time.</summary>
    public static long? FirstDelivery(RunSettings settings, DateTimeOffset now) =>
        settings.Delay is null && settings.NotBefore is null ? null : (now + Of(settings, now)).ToUnixTimeMilliseconds();
}
