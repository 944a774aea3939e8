using System.Globalization;

namespace Upstash.Workflow.Testing;

/// <summary>
/// When the service delivers a failed message again: after <c>min(86400, e^(2.5·n))</c> seconds for the n-th retry
/// (12 s, 2 min 28 s, 30 min 8 s, …), or after what the run's <c>Upstash-Retry-Delay</c> expression gives in
/// milliseconds, <c>retried</c> being the number of retries before this one (0 for the first).
/// </summary>
internal static class RetryPolicy
{
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
    /// <c>pow, exp, sqrt, abs, floor, ceil, min, max</c>. Anything else is refused, naming what was not understood.
    /// </summary>
    public static bool TryEvaluate(string expression, int retried, out double value, out string? error)
    {
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
                    return -Factor();
                case '(':
                    _at++;
                    var inner = Expression();
                    Expect(')');
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
                    var args = new List<double> { Expression() };
                    while (Next() == ',')
                    {
                        _at++;
                        args.Add(Expression());
                    }
                    Expect(')');
                    return (name, args.Count) switch
                    {
                        ("pow", 2) => Math.Pow(args[0], args[1]),
                        ("exp", 1) => Math.Exp(args[0]),
                        ("sqrt", 1) => Math.Sqrt(args[0]),
                        ("abs", 1) => Math.Abs(args[0]),
                        ("floor", 1) => Math.Floor(args[0]),
                        ("ceil", 1) => Math.Ceiling(args[0]),
                        ("min", > 0) => args.Min(),
                        ("max", > 0) => args.Max(),
                        _ => throw new FormatException($"unknown function {name} with {args.Count} argument(s)"),
                    };
                default:
                    throw new FormatException(_at < text.Length ? $"unexpected '{text[_at]}' at {_at}" : "unexpected end");
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
