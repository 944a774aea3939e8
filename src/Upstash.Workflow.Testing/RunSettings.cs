using System.Globalization;
using System.Text.RegularExpressions;

namespace Upstash.Workflow.Testing;

/// <summary>
/// What a trigger, resume or restart says about a run through its headers, read as the service reads
/// them: names case-insensitive, each value checked (a malformed one is a 400 before anything changes).
/// Null means "not given", so resume and restart can lay their overrides over the failed run's settings.
/// </summary>
internal sealed partial record RunSettings
{
    private const string ForwardPrefix = Wire.ForwardPrefix;
    private const string FailureForwardPrefix = Wire.FailureForwardPrefix;

    public string[]? Labels { get; init; }
    public string? FlowControlKey { get; init; }
    public string? FlowControlValue { get; init; }
    public int? Retries { get; init; }
    public string? Delay { get; init; }
    public string? RetryDelay { get; init; }

    /// <summary>Unix seconds.</summary>
    public long? NotBefore { get; init; }

    public string? FailureCallback { get; init; }
    public IReadOnlyDictionary<string, string>? Forwarded { get; init; }
    public IReadOnlyDictionary<string, string>? FailureForwarded { get; init; }

    // The headers a run's settings are read from, matched without case as header names are.
    private static readonly string[] Named = [Wire.Label, Wire.FlowControlKey, Wire.FlowControlValue, Wire.Retries, Wire.Delay, Wire.RetryDelay, Wire.NotBefore, Wire.FailureCallback];

    /// <summary>The service's default when a run gives no <c>Upstash-Retries</c>.</summary>
    public const int DefaultRetries = 3;

    /// <summary>The last second a date can name (the end of the year 9999).</summary>
    public const long MaxNotBefore = 253_402_300_799;

    /// <summary>
    /// Why these settings ask for more than the plan allows (retries past <see cref="UpstashWorkflowEmulatorOptions.MaxRetries"/>),
    /// or null: the service answers such a request 412, which the SDK turns into a failure that is not retried.
    /// </summary>
    public string? OverPlan(UpstashWorkflowEmulatorOptions options) => Retries > options.MaxRetries
        ? $"{Wire.Retries} {Retries} is more than the {options.MaxRetries} retries the plan allows (UpstashWorkflowEmulatorOptions.MaxRetries)"
        : null;

    /// <summary>The status a request is refused with when its settings ask for more than the plan allows.</summary>
    public const int OverPlanStatus = 412;

    /// <summary>Reads the headers as the service reads them; <paramref name="error"/> says what is wrong with the first bad one.</summary>
    public static RunSettings Read(IEnumerable<KeyValuePair<string, string>> headers, out string? error)
    {
        error = null;
        var settings = new RunSettings();
        Dictionary<string, string>? forwarded = null, failureForwarded = null;
        foreach (var (name, value) in headers)
        {
            if (name.StartsWith(FailureForwardPrefix, StringComparison.OrdinalIgnoreCase) && name.Length > FailureForwardPrefix.Length)
            {
                (failureForwarded ??= new(StringComparer.OrdinalIgnoreCase))[name[FailureForwardPrefix.Length..]] = value;
                continue;
            }
            if (name.StartsWith(ForwardPrefix, StringComparison.OrdinalIgnoreCase) && name.Length > ForwardPrefix.Length)
            {
                (forwarded ??= new(StringComparer.OrdinalIgnoreCase))[name[ForwardPrefix.Length..]] = value;
                continue;
            }
            switch (Array.Find(Named, n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase)))
            {
                case Wire.Label:
                    settings = settings with { Labels = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) };
                    break;
                case Wire.FlowControlKey:
                    settings = settings with { FlowControlKey = value };
                    break;
                case Wire.FlowControlValue:
                    if (FlowControlLimits(value) is null)
                    {
                        error ??= $"invalid {Wire.FlowControlValue} '{Shown(value)}': expected parallelism=<n>, rate=<n>, period=<duration>, each at least 1";
                    }
                    settings = settings with { FlowControlValue = value };
                    break;
                case Wire.Retries:
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var retries))
                    {
                        error ??= $"invalid {Wire.Retries} '{Shown(value)}': expected a non-negative integer";
                    }
                    settings = settings with { Retries = retries };
                    break;
                case Wire.Delay:
                    if (!TryDuration(value, out _))
                    {
                        error ??= $"invalid {Wire.Delay} '{Shown(value)}': expected a duration such as 10s, 5m, 1h or 1d10h30m, of at most {MaxDelay.TotalDays:0} days";
                    }
                    settings = settings with { Delay = value };
                    break;
                case Wire.RetryDelay:
                    if (!RetryPolicy.TryEvaluate(value, 0, out _, out var why))
                    {
                        error ??= $"invalid {Wire.RetryDelay} '{Shown(value)}': {why ?? "not a number"}; expected an expression of retried, numbers, + - * /, pow, exp, sqrt, abs, floor, ceil, min and max";
                    }
                    settings = settings with { RetryDelay = value };
                    break;
                case Wire.NotBefore:
                    if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var notBefore) || notBefore > MaxNotBefore)
                    {
                        error ??= $"invalid {Wire.NotBefore} '{Shown(value)}': expected unix seconds, no later than the year 9999";
                    }
                    settings = settings with { NotBefore = notBefore };
                    break;
                case Wire.FailureCallback:
                    if (!Uri.TryCreate(value, UriKind.Absolute, out var callback) || (callback.Scheme != Uri.UriSchemeHttp && callback.Scheme != Uri.UriSchemeHttps))
                    {
                        error ??= $"invalid {Wire.FailureCallback} '{Shown(value)}': expected an absolute http(s) URL";
                    }
                    settings = settings with { FailureCallback = value };
                    break;
            }
        }
        if (settings.FlowControlValue is not null && settings.FlowControlKey is null)
        {
            error ??= $"{Wire.FlowControlValue} needs {Wire.FlowControlKey}";
        }
        return settings with { Forwarded = forwarded, FailureForwarded = failureForwarded };
    }

    /// <summary>A value as an error message quotes it: its start, when it is long (an answer need not echo a megabyte back).</summary>
    public static string Shown(string value) => value.Length <= 64 ? value : value[..64] + "…";

    /// <summary>These settings where given, <paramref name="earlier"/>'s otherwise (the overrides of resume and restart).</summary>
    public RunSettings Over(RunSettings earlier) => new()
    {
        Labels = Labels ?? earlier.Labels,
        FlowControlKey = FlowControlKey ?? earlier.FlowControlKey,
        FlowControlValue = FlowControlValue ?? (FlowControlKey is null ? earlier.FlowControlValue : null),
        Retries = Retries ?? earlier.Retries,
        Delay = Delay ?? earlier.Delay,
        RetryDelay = RetryDelay ?? earlier.RetryDelay,
        NotBefore = NotBefore ?? earlier.NotBefore,
        FailureCallback = FailureCallback ?? earlier.FailureCallback,
        Forwarded = Forwarded ?? earlier.Forwarded,
        FailureForwarded = FailureForwarded ?? earlier.FailureForwarded,
    };

    /// <summary>Whether <paramref name="text"/> is a duration such as "10s" or "1d10h30m", within <see cref="MaxDelay"/>.</summary>
    public static bool IsDuration(string text) => TryDuration(text, out _);

    /// <summary>The longest delay or wait the emulator takes: a year. Anything longer is a 400 naming it.</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromDays(365);

    /// <summary>Milliseconds a delay such as "1d10h30m" stands for (one already checked by <see cref="TryDuration"/>).</summary>
    public static long Milliseconds(string delay) => TryDuration(delay, out var duration) ? (long)duration.TotalMilliseconds : 0;

    /// <summary>The duration "1d10h30m" stands for, when it is one and no longer than <see cref="MaxDelay"/>.</summary>
    public static bool TryDuration(string text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (!DurationFormat().IsMatch(text))
        {
            return false;
        }
        double total = 0;
        foreach (Match part in DurationPart().Matches(text))
        {
            var amount = double.Parse(part.Groups[1].Value, CultureInfo.InvariantCulture);
            total += amount * part.Groups[2].Value switch { "s" => 1_000, "m" => 60_000, "h" => 3_600_000, _ => 86_400_000 };
        }
        if (total > MaxDelay.TotalMilliseconds)
        {
            return false;
        }
        duration = TimeSpan.FromMilliseconds(total);
        return true;
    }

    [GeneratedRegex(@"^(\d+[smhd])+$")]
    private static partial Regex DurationFormat();

    [GeneratedRegex(@"(\d+)([smhd])")]
    private static partial Regex DurationPart();

    /// <summary>
    /// The limits of a flow-control value ("parallelism=3, rate=10, period=1m"; the period as a duration or in
    /// seconds), or null when it is not one: an unknown or repeated part, a number below 1, no part at all.
    /// </summary>
    public static (int? Parallelism, int? Rate, TimeSpan? Period)? FlowControlLimits(string value)
    {
        (int? Parallelism, int? Rate, TimeSpan? Period) limits = default;
        var parts = value.Split(',', StringSplitOptions.TrimEntries);
        foreach (var part in parts)
        {
            var pair = part.Split('=', 2, StringSplitOptions.TrimEntries);
            long amount = 0;
            var number = pair.Length == 2 && long.TryParse(pair[1], NumberStyles.None, CultureInfo.InvariantCulture, out amount) && amount is >= 1 and <= int.MaxValue;
            switch (pair[0])
            {
                case "parallelism" when number && limits.Parallelism is null:
                    limits.Parallelism = (int)amount;
                    break;
                case "rate" when number && limits.Rate is null:
                    limits.Rate = (int)amount;
                    break;
                case "period" when limits.Period is null && pair.Length == 2 && (number && amount <= MaxDelay.TotalSeconds || TryDuration(pair[1], out _)):
                    limits.Period = number ? TimeSpan.FromSeconds(amount) : TimeSpan.FromMilliseconds(Milliseconds(pair[1]));
                    if (limits.Period <= TimeSpan.Zero)
                    {
                        return null;
                    }
                    break;
                default:
                    return null;
            }
        }
        return limits == default ? null : limits;
    }
}
