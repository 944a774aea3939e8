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
    public static string Strip(string description) =>
        Spaces().Replace(
            Phrases().Replace(description, m => m.Groups["time"].Success ? "this time" : ""),
            " ").Replace(" .", ".", StringComparison.Ordinal).Trim();

    [GeneratedRegex("""(?<time>this Unix time,? in (milli)?seconds)|,? in Unix (milli)?seconds|\s*\(Unix timestamp in (milli)?seconds\)|, in seconds(?=\.)|\s*Format is `<value><unit>` \(e\.g\., "10s", "5m"\)\.|, as `<number><unit>` with unit s, m, h or d \(e\.g\. "10s", "5m"\)""")]
    private static partial Regex Phrases();

    [GeneratedRegex(" {2,}")]
    private static partial Regex Spaces();
}
