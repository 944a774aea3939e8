using System.Globalization;

namespace Upstash.Workflow.Testing;

/// <summary>
/// Whether and when the service delivers a failed message again, for every kind of delivery (a step, a call, a call's
/// result, a failure callback): while retries are left, after <c>min(86400, e^(2.5·n))</c> seconds for the n-th retry
/// (12 s, 2 min 28 s, 30 min 8 s, …), or after what the <c>Upstash-Retry-Delay</c> expression gives in milliseconds
/// (<c>retried</c> being the number of retries before this one), or after what a 429's <c>Retry-After</c> says; never
/// sooner than <see cref="Floor"/>, so a zero delay cannot spin. A non-retryable answer gives up at once.
/// </summary>
internal static class RetryPolicy
{
    /// <summary>The shortest wait before a retry.</summary>
    public static readonly TimeSpan Floor = TimeSpan.FromMilliseconds(100);

    /// <summary>The longest a delay expression may be, and how deep its parentheses and calls may nest: a 400 names each.</summary>
    public const int MaxExpressionLength = 256;

    public const int MaxExpressionDepth = 16;

    /// <summary>What becomes of a failed delivery: a retry after <see cref="Delay"/>, or, when <see cref="GiveUp"/> says why, none.</summary>
    public readonly record struct Decision(TimeSpan Delay, string? GiveUp);

    /// <summary>The one rule: whether the <paramref name="retried"/>-th delivery that failed with <paramref name="status"/> is retried, and when.</summary>
    public static Decision Decide(int retried, int maxRetries, int status, IReadOnlyDictionary<string, string> answerHeaders, string? expression)
    {
        if (status == 489 && answerHeaders.TryGetValue(Wire.NonRetryableError, out var nonRetryable) && nonRetryable == "true")
        {
            return new(TimeSpan.Zero, "the endpoint answered that the failure is not to be retried (489, Upstash-NonRetryable-Error)");
        }
        if (retried >= maxRetries)
        {
            return new(TimeSpan.Zero, maxRetries == 0 ? "no retries (Upstash-Retries: 0)" : $"its {maxRetries} retries are spent");
        }
        // A 429 with Retry-After is retried after it says; it counts against the retries, so a run cannot be held forever.
        var delay = status == 429 && answerHeaders.TryGetValue(Wire.RetryAfter, out var after) && int.TryParse(after, System.Globalization.NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? TimeSpan.FromSeconds(Math.Min(seconds, 86_400))
            : Backoff(retried + 1, expression);
        return new(delay < Floor ? Floor : delay, null);
    }

    public static TimeSpan Backoff(int retry, string? expression)
    {
        if (expression is not null && TryEvaluate(expression, retry - 1, out var milliseconds, out _))
        {
            return TimeSpan.FromMilliseconds(Math.Clamp(milliseconds, 0, 86_400_000));
        }
        return TimeSpan.FromSeconds(Math.Min(86_400, Math.Exp(2.5 * retry)));
    }

    /// <summary>
    /// Evaluates a retry-delay expression: numbers, <c>retried</c>, <c>+ - * /</c>, parentheses and the functions
    /// <c>pow, exp, sqrt, abs, floor, ceil, round, min, max</c>, within <see cref="MaxExpressionLength"/> characters and
    /// <see cref="MaxExpressionDepth"/> levels. Anything else is refused, naming what was not understood or which limit.
    /// </summary>
    public static bool TryEvaluate(string expression, int retried, out double value, out string? error)
    {
        if (expression.Length > MaxExpressionLength)
        {
            (value, error) = (0, $"longer than {MaxExpressionLength} characters");
            return false;
        }
        var parser = new Parser(expression, retried);
        try
        {
            value = parser.Expression();
            parser.End();
            error = null;
            return !double.IsNaN(value) && !double.IsInfinity(value);
        }
        catch (FormatException e)
        {
            (value, error) = (0, e.Message);
            return false;
        }
    }

    private sealed class Parser(string text, int retried)
    {
        private int _at;
        private int _depth;

        public double Expression()
        {
            var value = Term();
            while (Next() is '+' or '-')
            {
                var op = text[_at++];
                value = op == '+' ? value + Term() : value - Term();
            }
            return value;
        }

        public void End()
        {
            if (Next() is { } c)
            {
                throw new FormatException($"unexpected '{c}' at {_at}");
            }
        }

        private double Term()
        {
            var value = Factor();
            while (Next() is '*' or '/')
            {
                var op = text[_at++];
                value = op == '*' ? value * Factor() : value / Factor();
            }
            return value;
        }

        private double Factor()
        {
            switch (Next())
            {
                case '-':
                    _at++;
                    Enter();
                    var negated = -Factor();
                    _depth--;
                    return negated;
                case '(':
                    _at++;
                    Enter();
                    var inner = Expression();
                    Expect(')');
                    _depth--;
                    return inner;
                case { } c when char.IsDigit(c) || c == '.':
                    var start = _at;
                    while (_at < text.Length && (char.IsDigit(text[_at]) || text[_at] == '.'))
                    {
                        _at++;
                    }
                    return double.Parse(text.AsSpan(start, _at - start), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
                case { } c when char.IsLetter(c):
                    var name = Name();
                    if (name == "retried")
                    {
                        return retried;
                    }
                    Expect('(');
                    Enter();
                    var args = new List<double> { Expression() };
                    while (Next() == ',')
                    {
                        _at++;
                        args.Add(Expression());
                    }
                    Expect(')');
                    _depth--;
                    return (name, args.Count) switch
                    {
                        ("pow", 2) => Math.Pow(args[0], args[1]),
                        ("exp", 1) => Math.Exp(args[0]),
                        ("sqrt", 1) => Math.Sqrt(args[0]),
                        ("abs", 1) => Math.Abs(args[0]),
                        ("floor", 1) => Math.Floor(args[0]),
                        ("ceil", 1) => Math.Ceiling(args[0]),
                        ("round", 1) => Math.Round(args[0], MidpointRounding.AwayFromZero),
                        ("min", > 0) => args.Min(),
                        ("max", > 0) => args.Max(),
                        _ => throw new FormatException($"unknown function {name} with {args.Count} argument(s)"),
                    };
                default:
                    throw new FormatException(_at < text.Length ? $"unexpected '{text[_at]}' at {_at}" : "unexpected end");
            }
        }

        /// <summary>One level deeper: refused past the limit, so no text can take the parser's stack.</summary>
        private void Enter()
        {
            if (++_depth > MaxExpressionDepth)
            {
                throw new FormatException($"nested deeper than {MaxExpressionDepth} levels");
            }
        }

        private string Name()
        {
            var start = _at;
            while (_at < text.Length && char.IsLetter(text[_at]))
            {
                _at++;
            }
            return text[start.._at];
        }

        private void Expect(char c)
        {
            if (Next() != c)
            {
                throw new FormatException($"expected '{c}' at {_at}");
            }
            _at++;
        }

        private char? Next()
        {
            while (_at < text.Length && char.IsWhiteSpace(text[_at]))
            {
                _at++;
            }
            return _at < text.Length ? text[_at] : null;
        }
    }
}
