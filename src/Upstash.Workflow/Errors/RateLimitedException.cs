using System.Globalization;

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
    /// <summary>Creates the exception, reading the rate-limit headers of the answer.</summary>
    public RateLimitedException(ErrorDetails details) : base(details)
    {
        ArgumentNullException.ThrowIfNull(details);
        var prefix = Has(details, "Burst-RateLimit-") ? "Burst-RateLimit-" : Has(details, "RateLimit-") ? "RateLimit-" : null;
        Kind = prefix switch { "Burst-RateLimit-" => RateLimitKind.Burst, "RateLimit-" => RateLimitKind.Daily, _ => RateLimitKind.Unknown };
        if (prefix is not null)
        {
            Limit = Number(details, prefix + "Limit");
            Remaining = Number(details, prefix + "Remaining");
            Reset = Number(details, prefix + "Reset");
        }
        if (Header(details, "Retry-After") is { } retryAfter && int.TryParse(retryAfter, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            RetryAfter = TimeSpan.FromSeconds(seconds);
        }
    }

    /// <summary>Which limit the numbers below describe.</summary>
    public RateLimitKind Kind { get; }

    /// <summary>The number of requests the window allows.</summary>
    public long? Limit { get; }

    /// <summary>The requests left in the window.</summary>
    public long? Remaining { get; }

    /// <summary>When the window resets, as the service sends it (a Unix time).</summary>
    public long? Reset { get; }

    /// <summary>The <c>Retry-After</c> delay, when the answer gives one in seconds.</summary>
    public TimeSpan? RetryAfter { get; }

    private static bool Has(ErrorDetails details, string prefix) =>
        details.Headers.Keys.Any(k => k.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));

    private static string? Header(ErrorDetails details, string name) =>
        details.Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();

    private static long? Number(ErrorDetails details, string name) =>
        long.TryParse(Header(details, name), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : null;
}
