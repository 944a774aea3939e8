using System.Globalization;
using Upstash.Workflow.Errors;

namespace Upstash.Workflow;

/// <summary>Which limit a 429 answer reports.</summary>
public enum RateLimitKind
{
    /// <summary>The answer carried no rate-limit headers.</summary>
    Unknown,

    /// <summary>The short-window limit: <c>Burst-RateLimit-*</c> headers.</summary>
    Burst,

    /// <summary>The daily limit: <c>RateLimit-*</c> headers.</summary>
    Daily,
}

/// <summary>429: a rate limit was hit. The limit, what remains and when it resets come from the answer's headers.</summary>
public class RateLimitedException : UpstashWorkflowException
{
    // A reset above this is in milliseconds: as seconds it would be past the year 5000.
    private const long LargestSeconds = 100_000_000_000;

    /// <summary>A 429 answer, for code that stands in for the client.</summary>
    /// <param name="message">The server's message, as its <c>error</c> field would carry it.</param>
    /// <param name="reset">When the limit's window resets, if the answer said.</param>
    /// <param name="retryAfter">How long to wait before calling again, if the answer said.</param>
    public RateLimitedException(string message, DateTimeOffset? reset = null, TimeSpan? retryAfter = null)
        : base(429, message)
    {
        Reset = reset;
        RetryAfter = retryAfter;
    }

    /// <summary>Reads the rate-limit headers of the answer.</summary>
    internal RateLimitedException(ErrorDetails details, DateTimeOffset now) : base(details)
    {
        var prefix = Has(details, "Burst-RateLimit-") ? "Burst-RateLimit-" : Has(details, "RateLimit-") ? "RateLimit-" : null;
        Kind = prefix switch { "Burst-RateLimit-" => RateLimitKind.Burst, "RateLimit-" => RateLimitKind.Daily, _ => RateLimitKind.Unknown };
        if (prefix is not null)
        {
            Limit = Number(details, prefix + "Limit");
            Remaining = Number(details, prefix + "Remaining");
            Reset = Number(details, prefix + "Reset") is { } reset and > 0
                ? reset > LargestSeconds ? FromUnix(reset, DateTimeOffset.FromUnixTimeMilliseconds) : FromUnix(reset, DateTimeOffset.FromUnixTimeSeconds)
                : null;
        }
        RetryAfter = Header(details, "Retry-After") switch
        {
            { } seconds when int.TryParse(seconds, NumberStyles.None, CultureInfo.InvariantCulture, out var s) => TimeSpan.FromSeconds(s),
            { } date when DateTimeOffset.TryParseExact(date, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) => Later(at, now),
            _ => Reset is { } resetAt ? Later(resetAt, now) : null,
        };
    }

    /// <summary>Which limit the numbers below describe.</summary>
    public RateLimitKind Kind { get; }

    /// <summary>The number of requests the window allows.</summary>
    public long? Limit { get; }

    /// <summary>The requests left in the window.</summary>
    public long? Remaining { get; }

    /// <summary>When the window resets.</summary>
    /// <remarks>The service sends it as Unix seconds or milliseconds; both are read.</remarks>
    public DateTimeOffset? Reset { get; }

    /// <summary>How long to wait: the <c>Retry-After</c> header (seconds or a date), or else the time until <see cref="Reset"/>.</summary>
    public TimeSpan? RetryAfter { get; }

    private static TimeSpan Later(DateTimeOffset at, DateTimeOffset now) => at > now ? at - now : TimeSpan.Zero;

    private static DateTimeOffset? FromUnix(long value, Func<long, DateTimeOffset> convert)
    {
        try
        {
            return convert(value);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    private static bool Has(ErrorDetails details, string prefix) =>
        details.Headers.Keys.Any(k => k.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));

    private static string? Header(ErrorDetails details, string name) =>
        details.Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();

    private static long? Number(ErrorDetails details, string name) =>
        long.TryParse(Header(details, name), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : null;
}
