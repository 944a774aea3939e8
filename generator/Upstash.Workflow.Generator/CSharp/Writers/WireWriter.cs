using Upstash.Workflow.Generator.CSharp.Plan;

namespace Upstash.Workflow.Generator.CSharp.Writers;

/// <summary>
/// The statements that send one value, for a method parameter and an options member alike: every value goes
/// through a <c>RequestGuard</c> check on the way, so bad input is an <see cref="ArgumentException"/> naming
/// the parameter (<c>label</c>) before anything is sent. Headers: control characters and non-ASCII refused, a
/// family one header per entry, a list comma-joined. Query: one pair per value. Path: one segment, never
/// empty or dots only, percent-encoded. Times as the encoding says, URLs absolute, numbers within their bounds.
/// </summary>
internal static class WireWriter
{
    public const string Guard = "Upstash.Workflow.Core.RequestGuard";

    /// <summary>Sends <paramref name="value"/> (an expression of the value's non-null type) to <paramref name="wire"/>.</summary>
    /// <param name="value">The value, known not to be null here.</param>
    /// <param name="label">The name bad input is reported under ("count", "options.Retries").</param>
    /// <param name="request">The request message's variable.</param>
    /// <param name="url">The URL builder's variable (path and query).</param>
    public static string Statement(ValuePlan member, WirePlan wire, string value, string label, string request, string url)
    {
        if (member.Encoding == WireEncoding.Parts)
        {
            return Header(request, wire.WireName, $"{Guard}.HeaderValue({value}.{wire.Part}, \"{label}\")");
        }
        if (member.Encoding == WireEncoding.HeaderFamily)
        {
            return $"foreach (var header_ in {Guard}.PrefixedHeaders({value}, \"{wire.WireName}\", \"{label}\")) {request}.Headers.TryAddWithoutValidation(header_.Key, header_.Value);";
        }
        return (wire.In, member.IsList) switch
        {
            ("path", _) when member.Encoding == WireEncoding.Url => $"{url}.Append(System.Uri.EscapeDataString({Text(member, value, label)}));",
            ("path", _) => $"{url}.Append(System.Uri.EscapeDataString({Guard}.PathSegment({Text(member, value, label)}, \"{label}\")));",
            ("header", true) when member.Encoding == WireEncoding.Text => Header(request, wire.WireName, $"{Guard}.HeaderList({value}, \"{label}\")"),
            ("header", true) => Header(request, wire.WireName,
                $"{Guard}.HeaderList(System.Linq.Enumerable.Select({Guard}.QueryList({value}, \"{label}\"), item_ => {Text(member, "item_", label)}), \"{label}\")"),
            ("header", false) => Header(request, wire.WireName, $"{Guard}.HeaderValue({Text(member, value, label)}, \"{label}\")"),
            (_, true) => $"foreach (var item_ in {Guard}.QueryList({value}, \"{label}\")) {Guard}.AppendQuery({url}, \"{wire.WireName}\", {Text(member, "item_", label)});",
            _ => $"{Guard}.AppendQuery({url}, \"{wire.WireName}\", {Text(member, value, label)});",
        };
    }

    private static string Header(string request, string name, string value) => $"{request}.Headers.TryAddWithoutValidation(\"{name}\", {value});";

    /// <summary>The wire text of one value.</summary>
    private static string Text(ValuePlan member, string value, string label) => member.Encoding switch
    {
        WireEncoding.Number when member.Type is "int" or "long" && (member.Minimum is not null || member.Maximum is not null) =>
            $"{Guard}.InRange({value}, {Literal(member.Minimum)}, {Literal(member.Maximum)}, \"{label}\").ToString(System.Globalization.CultureInfo.InvariantCulture)",
        WireEncoding.Number => $"{value}.ToString(System.Globalization.CultureInfo.InvariantCulture)",
        WireEncoding.Boolean => $"({value} ? \"true\" : \"false\")",
        WireEncoding.Enum => $"{value}.ToString()",
        WireEncoding.UnixMilliseconds => $"{Guard}.UnixMilliseconds({value}, \"{label}\")",
        WireEncoding.UnixSeconds => $"{Guard}.UnixSeconds({value}, \"{label}\")",
        WireEncoding.DateTimeText => $"{Guard}.DateTimeText({value})",
        WireEncoding.DateText => $"{Guard}.DateText({value})",
        WireEncoding.DurationText => $"{Guard}.DurationText({value}, \"{label}\")",
        WireEncoding.DurationSeconds => $"{Guard}.WholeSeconds({value}, \"{label}\")",
        WireEncoding.Url => $"{Guard}.AbsoluteUrl({value}, \"{label}\")",
        _ => value,
    };

    private static string Literal(long? value) => value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "null";
}
