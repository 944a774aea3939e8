using System.Globalization;
using Upstash.Workflow.Core;

namespace Upstash.Workflow;

/// <summary>
/// How long a step waits before each retry: the <c>Upstash-Retry-Delay</c> expression, which the service evaluates
/// in milliseconds before every retry, with <c>retried</c> standing for the retries made so far. Without it the
/// service waits longer after each failure on its own schedule.
/// </summary>
/// <example><code>
/// new TriggerWorkflowOptions { RetryDelay = WorkflowRetryDelay.Exponential(TimeSpan.FromSeconds(1), longest: TimeSpan.FromMinutes(5)) }
/// </code></example>
public sealed record WorkflowRetryDelay
{
    /// <summary>Longest expression the client sends; the service's expressions are short, and a header is no place for more.</summary>
    private const int MaxExpressionLength = 256;

    private WorkflowRetryDelay(string expression) => Expression = expression;

    /// <summary>The expression as it is sent ("pow(2, retried) * 1000").</summary>
    public string Expression { get; }

    /// <summary>The same wait before every retry.</summary>
    /// <param name="delay">The wait: whole milliseconds, zero or more.</param>
    public static WorkflowRetryDelay Fixed(TimeSpan delay) => new(Milliseconds(delay, nameof(delay)));

    /// <summary>A wait that doubles with each retry: <paramref name="first"/>, twice that, four times that, and so on, up to <paramref name="longest"/> when given.</summary>
    /// <param name="first">The wait before the first retry: whole milliseconds, more than zero.</param>
    /// <param name="longest">The longest wait, if any: whole milliseconds, at least <paramref name="first"/>.</param>
    public static WorkflowRetryDelay Exponential(TimeSpan first, TimeSpan? longest = null)
    {
        if (first <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(first), first, "The first wait must be more than zero.");
        }
        var growing = "pow(2, retried) * " + Milliseconds(first, nameof(first));
        if (longest is not { } cap)
        {
            return new(growing);
        }
        if (cap < first)
        {
            throw new ArgumentOutOfRangeException(nameof(longest), longest, "The longest wait cannot be shorter than the first.");
        }
        return new($"min({Milliseconds(cap, nameof(longest))}, {growing})");
    }

    /// <summary>
    /// An expression of the service's own: numbers, <c>retried</c>, <c>+ - * /</c>, parentheses and the functions
    /// <c>pow, exp, sqrt, abs, floor, ceil, round, min, max</c>, giving milliseconds. It is sent as written.
    /// </summary>
    /// <param name="expression">The expression ("1000 * (1 + retried)").</param>
    public static WorkflowRetryDelay FromExpression(string expression)
    {
        if (string.IsNullOrWhiteSpace(expression))
        {
            throw new ArgumentException("A retry delay expression must not be empty.", nameof(expression));
        }
        if (expression.Length > MaxExpressionLength)
        {
            throw new ArgumentException($"A retry delay expression is at most {MaxExpressionLength} characters; this one has {expression.Length}.", nameof(expression));
        }
        return new(RequestGuard.HeaderValue(expression, nameof(expression)));
    }

    /// <summary>The expression.</summary>
    public override string ToString() => Expression;

    private static string Milliseconds(TimeSpan value, string parameterName)
    {
        if (value < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(parameterName, value, "A wait cannot be negative.");
        }
        if (value.Ticks % TimeSpan.TicksPerMillisecond != 0)
        {
            throw new ArgumentOutOfRangeException(parameterName, value, "A wait is counted in whole milliseconds; this one has a fraction of one, which would be lost.");
        }
        return (value.Ticks / TimeSpan.TicksPerMillisecond).ToString(CultureInfo.InvariantCulture);
    }
}
