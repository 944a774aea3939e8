using System.Text.RegularExpressions;

namespace Upstash.Workflow.Generator.CSharp.Plan;

/// <summary>
/// A typed member (a <c>DateTimeOffset</c>, a <c>TimeSpan</c>) is described without the units of the wire: the spec
/// says "in Unix milliseconds" or "as &lt;number&gt;&lt;unit&gt;" of what it sends, which the .NET type hides (the
/// converter or the options writer applies them). The phrasings are upstream's and the overlay's; one that is not
/// recognised stays as it is.
/// </summary>
public static partial class WireUnits
{
    public static string Strip(string description)
    {
        var text = Phrases().Replace(description, m => m.Groups["time"].Success ? "this time" : m.Groups["the"].Success ? "The time" : m.Groups["noun"].Success ? "time" : "");
        return Spaces().Replace(text, " ").Replace(" .", ".", StringComparison.Ordinal).Replace("..", ".", StringComparison.Ordinal).Trim();
    }

    // Each alternative is one phrasing of the wire's units: the overlay's and upstream's (whose descriptions say "unix" and
    // "Unix", put the units before or after the noun, or list a duration's units one per line).
    [GeneratedRegex("""
        (?<time>this\ Unix\ time,?\ in\ (milli)?seconds)
        | (?<the>\bThe\ [Uu]nix\ timestamp\ in\ (milli)?seconds)
        | (?<noun>\btimestamp\ in\ (milli)?seconds\ \([Uu]nix\ timestamp\))
        | ,?\ in\ [Uu]nix\ (milli)?seconds
        | \s*\([Uu]nix\ timestamp\ in\ (milli)?seconds\)
        | \s+in\ (milli)?seconds\ \([Uu]nix\ timestamp\)
        | \s*The\ format\ is\ a\ [Uu]nix\ timestamp\ in\ (milli)?seconds[^.]*\.
        | \s*[Uu]nix\ timestamp\ in\ (milli)?seconds\.
        | ,\ in\ seconds(?=\.)
        | \s*Format\ is\ `<value><unit>`\ \(e\.g\.,\ "10s",\ "5m"\)\.
        | \s*The\ format\ of\ this\ header\ is\ `<value><unit>`[^:]*:(\s*-\ `[smhd]`\ for\ \w+\.?)+
        | ,\ as\ `<number><unit>`\ with\ unit\ s,\ m,\ h\ or\ d\ \(e\.g\.\ "10s",\ "5m"\)
        """, RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex Phrases();

    [GeneratedRegex(@"[ \t]{2,}")]
    private static partial Regex Spaces();
}
