using FsCheck;
using FsCheck.Fluent;

namespace Upstash.Workflow.IntegrationTests.Reliability;

/// <summary>A path id as a test case: shown escaped, so a failing case can be read.</summary>
public sealed record PathId(string Value)
{
    public override string ToString() => Show(Value);

    internal static string Show(string value) =>
        value.Length > 60 ? $"\"{Uri.EscapeDataString(value[..20])}…\" ({value.Length} chars)" : $"\"{Uri.EscapeDataString(value)}\"";
}

public sealed record HeaderText(string Value)
{
    public override string ToString() => PathId.Show(Value);
}

public sealed record QueryText(string Value)
{
    public override string ToString() => PathId.Show(Value);
}

/// <summary>
/// Generators of the inputs a careless or hostile caller passes: strings built from pieces that
/// break paths, queries and headers (/, ?, #, %, .., white space, CR, LF, NUL, DEL, non-ASCII,
/// emoji), very long strings, and numbers and durations at their edges.
/// </summary>
public static class BadInputs
{
    private static readonly string[] Pieces =
    [
        "a", "Z", "0", "42", "-", "_", "~", ".", "..", "/", "?", "#", "%", "%2F", "%25", "%zz", " ", "\t", "+", "&", "=", ";", ":", "@", ",",
        "é", "日本", "😀", "\u00A0", "\r", "\n", "\r\n", "\0", "\u007F", "\\", "'", "\"", "<", ">", "wfr_", "1725323658779-0",
    ];

    private static readonly Gen<string> Text = Gen.Frequency(
        (8, Gen.Elements(Pieces).ArrayOf().Select(string.Concat)),
        (1, Gen.Elements(Pieces).Select(piece => new string('x', 4000) + piece)),
        (1, Gen.Elements("", " ", "\t", ".", "..", "\u3000")));

    public static Arbitrary<PathId> PathIds() => Text.Select(t => new PathId(t)).ToArbitrary();

    public static Arbitrary<HeaderText> HeaderTexts() => Text.Select(t => new HeaderText(t)).ToArbitrary();

    public static Arbitrary<QueryText> QueryTexts() => Text.Select(t => new QueryText(t)).ToArbitrary();

    public static Arbitrary<TimeSpan> Durations() => Gen.Frequency(
        (4, Gen.Choose(-100, 100_000).Select(s => TimeSpan.FromSeconds(s))),
        (2, Gen.Choose(0, 400).Select(d => TimeSpan.FromDays(d))),
        (2, Gen.Choose(-1000, 1000).Select(ms => TimeSpan.FromMilliseconds(ms))),
        (1, Gen.Elements(TimeSpan.Zero, TimeSpan.MaxValue, TimeSpan.MinValue, TimeSpan.FromTicks(1), TimeSpan.FromTicks(-1), TimeSpan.FromSeconds(59), TimeSpan.FromSeconds(61))))
        .ToArbitrary();
}
