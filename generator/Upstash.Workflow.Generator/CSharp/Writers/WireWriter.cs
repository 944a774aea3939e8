using Upstash.Workflow.Generator.CSharp.Plan;
using N = Upstash.Workflow.Core.GeneratedCodeNames;

namespace Upstash.Workflow.Generator.CSharp.Writers;

/// <summary>One value to send: its plan, where it goes, the C# expression of its value (known not to be null there), and the name bad input is reported under ("count", "options.Retries").</summary>
internal sealed record SentValue(ValuePlan Member, WirePlan Wire, string Expression, string Label);

/// <summary>
/// The statements that send one value, for a method parameter and an options member alike: every value goes
/// through a <c>RequestGuard</c> check on the way, so bad input is an <see cref="ArgumentException"/> naming
/// the parameter (<c>label</c>) before anything is sent. Headers: control characters and non-ASCII refused, a
/// family one header per entry, a list comma-joined. Query: one pair per value. Path: one segment, never
/// empty or dots only, percent-encoded. Times as the encoding says, URLs absolute, numbers within their bounds.
/// </summary>
internal static class WireWriter
{
    public const string Guard = N.RequestGuard;

    /// <summary>The statement that sends <paramref name="sent"/> on the request and URL being built (<see cref="Locals.Request"/>, <see cref="Locals.Url"/>).</summary>
    public static string Statement(SentValue sent)
    {
        var (member, wire, value, label) = sent;
        const string request = Locals.Request, url = Locals.Url;
        if (member.Encoding == WireEncoding.Parts)
        {
            return wire.In == "query"
                ? $"{Guard}.{N.AppendQuery}(ref {url}, \"{wire.WireName}\", {Guard}.{N.QueryValue}({value}.{wire.Part}, \"{label}\"));"
                : Header(request, wire.WireName, $"{Guard}.{N.HeaderValue}({value}.{wire.Part}, \"{label}\")");
        }
        if (member.Encoding == WireEncoding.HeaderFamily)
        {
            return $"foreach (var {Locals.Header} in {Guard}.{N.PrefixedHeaders}({value}, \"{wire.WireName}\", \"{label}\")) " +
                $"{request}.Headers.TryAddWithoutValidation({Locals.Header}.Key, {Locals.Header}.Value);";
        }
        return (wire.In, member.IsList) switch
        {
            ("path", _) when member.Encoding == WireEncoding.Url => $"{url}.Append(System.Uri.EscapeDataString({Text(member, value, label)}));",
            ("path", _) => $"{url}.Append(System.Uri.EscapeDataString({Guard}.{N.PathSegment}({Text(member, value, label)}, \"{label}\")));",
            ("header", true) when member.Encoding == WireEncoding.Text => Header(request, wire.WireName, $"{Guard}.{N.HeaderList}({value}, \"{label}\")"),
            ("header", true) => Header(request, wire.WireName,
                $"{Guard}.{N.HeaderList}(System.Linq.Enumerable.Select({Guard}.{N.QueryList}({value}, \"{label}\"), {Locals.Item} => {Text(member, Locals.Item, label)}), \"{label}\")"),
            ("header", false) => Header(request, wire.WireName, $"{Guard}.{N.HeaderValue}({Text(member, value, label)}, \"{label}\")"),
            (_, true) => $"foreach (var {Locals.Item} in {Guard}.{N.QueryList}({value}, \"{label}\")) " +
                $"{Guard}.{N.AppendQuery}(ref {url}, \"{wire.WireName}\", {Text(member, Locals.Item, label)});",
            _ => $"{Guard}.{N.AppendQuery}(ref {url}, \"{wire.WireName}\", {Text(member, value, label)});",
        };
    }

    private static string Header(string request, string name, string value) => $"{request}.Headers.TryAddWithoutValidation(\"{name}\", {value});";

    /// <summary>The wire text of one value.</summary>
    private static string Text(ValuePlan member, string value, string label) => member.Encoding switch
    {
        WireEncoding.Number when member.Type is "int" or "long" && (member.Minimum is not null || member.Maximum is not null) =>
            $"{Guard}.{N.InRange}({value}, {Literal(member.Minimum)}, {Literal(member.Maximum)}, \"{label}\").ToString(System.Globalization.CultureInfo.InvariantCulture)",
        WireEncoding.Number => $"{value}.ToString(System.Globalization.CultureInfo.InvariantCulture)",
        WireEncoding.Boolean => $"({value} ? \"true\" : \"false\")",
        WireEncoding.Enum => $"{value}.ToString()",
        WireEncoding.UnixMilliseconds => $"{Guard}.{N.UnixMilliseconds}({value}, \"{label}\")",
        WireEncoding.UnixSeconds => $"{Guard}.{N.UnixSeconds}({value}, \"{label}\")",
        WireEncoding.DateTimeText => $"{Guard}.{N.DateTimeText}({value})",
        WireEncoding.DateText => $"{Guard}.{N.DateText}({value})",
        WireEncoding.DurationText => $"{Guard}.{N.DurationText}({value}, \"{label}\")",
        WireEncoding.DurationSeconds => $"{Guard}.{N.WholeSeconds}({value}, \"{label}\")",
        WireEncoding.Url => $"{Guard}.{N.AbsoluteUrl}({value}, \"{label}\")",
        _ => value,
    };

    private static string Literal(long? value) => value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "null";
}
