using System.Globalization;

namespace Upstash.Workflow.Testing;

/// <summary>
/// What the emulator answers instead of carrying out an operation (<see cref="EmulatorFaults"/>), as the service
/// answers when it is overloaded, failing or slow: for tests of your retry, alerting and timeout code.
/// </summary>
public sealed class EmulatorFault
{
    private readonly (RateLimitKind Kind, TimeSpan RetryAfter, long Limit)? _rateLimit;

    private EmulatorFault(int status, string? error, TimeSpan delay, (RateLimitKind, TimeSpan, long)? rateLimit = null)
    {
        Status = status;
        Error = error;
        Delay = delay;
        _rateLimit = rateLimit;
    }

    /// <summary>The status answered; 0 for a delay, after which the operation is carried out.</summary>
    public int Status { get; }

    /// <summary>The <c>error</c> of the answer's body; null for none.</summary>
    public string? Error { get; }

    /// <summary>How long the emulator waits (on its clock) before it answers.</summary>
    public TimeSpan Delay { get; }

    /// <summary>
    /// 429 as the service answers it: the burst limit's headers (<c>Burst-RateLimit-Limit</c>, <c>-Remaining: 0</c>,
    /// <c>-Reset</c> in Unix seconds, counted from when it answers on the emulator's clock) or the daily limit's
    /// (<c>RateLimit-*</c>), and <c>Retry-After</c>.
    /// </summary>
    /// <param name="kind">Which limit was reached.</param>
    /// <param name="retryAfter">When the window resets; one second by default.</param>
    /// <param name="limit">The limit the headers name.</param>
    public static EmulatorFault RateLimited(RateLimitKind kind = RateLimitKind.Burst, TimeSpan? retryAfter = null, long limit = 100) =>
        new(429, kind == RateLimitKind.Daily ? "daily request limit reached" : "too many requests", TimeSpan.Zero, (kind, retryAfter ?? TimeSpan.FromSeconds(1), limit));

    /// <summary>The headers the answer carries when it is given at <paramref name="now"/> (a 429's rate-limit headers).</summary>
    internal IReadOnlyDictionary<string, string> HeadersAt(DateTimeOffset now)
    {
        if (_rateLimit is not var (kind, wait, limit))
        {
            return new Dictionary<string, string>();
        }
        var prefix = kind == RateLimitKind.Daily ? "RateLimit-" : "Burst-RateLimit-";
        return new Dictionary<string, string>
        {
            [prefix + "Limit"] = limit.ToString(CultureInfo.InvariantCulture),
            [prefix + "Remaining"] = "0",
            [prefix + "Reset"] = now.Add(wait).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            ["Retry-After"] = Math.Max(1, (long)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture),
        };
    }

    /// <summary>An error answer: 500 by default, or another status (502, 503, …), with <c>{ "error": … }</c>.</summary>
    /// <param name="status">The status, 400 to 599.</param>
    /// <param name="error">The body's <c>error</c>.</param>
    public static EmulatorFault Failure(int status = 500, string error = "internal server error")
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(status, 400);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(status, 599);
        return new(status, error, TimeSpan.Zero);
    }

    /// <summary>The operation is carried out, after <paramref name="delay"/> on the emulator's clock.</summary>
    /// <param name="delay">How long the answer takes; with a fake clock, until the test advances it.</param>
    public static EmulatorFault Slow(TimeSpan delay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(delay, TimeSpan.Zero);
        return new(0, null, delay);
    }
}
