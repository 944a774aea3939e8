using System.Text;
using System.Text.RegularExpressions;

namespace Upstash.Workflow.Generator.CSharp;

/// <summary>
/// Writes the options types <see cref="OptionsObjects"/> found: one public class each, a settable,
/// documented property per member, and per operation an internal writer the client method calls
/// (generator/templates/Client.Class.QueryParameter.liquid) that turns the set members into headers
/// and query pairs. Every value passes a <c>RequestGuard</c> check on the way, so bad input is an
/// <see cref="ArgumentException"/> naming the member before anything is sent; a member the operation
/// does not take is refused the same way rather than dropped.
/// </summary>
public static partial class OptionsWriter
{
    private const string Guard = "Upstash.Workflow.Core.RequestGuard";

    public static string Write(IReadOnlyList<OptionsType> types, string @namespace)
    {
        if (types.Count == 0)
        {
            return "";
        }
        var code = new StringBuilder();
        code.Append($"\nnamespace {@namespace}\n{{\n");
        foreach (var type in types)
        {
            WriteType(code, type);
        }
        code.Append("}\n");
        return code.ToString();
    }

    private static void WriteType(StringBuilder code, OptionsType type)
    {
        var methods = string.Join(", ", type.Uses.Select(Cref));
        code.Append($"    /// <summary>Optional values for {methods}: each is sent only when set.</summary>\n");
        code.Append($"    public sealed partial class {type.Name}\n    {{\n");
        foreach (var member in type.Members)
        {
            var takers = type.Uses.Where(u => u.Wires.Any(w => w.Member == member.Name)).ToList();
            var wires = takers[0].Wires.Where(w => w.Member == member.Name).ToList();
            code.Append($"        /// <summary>{Xml(member.Description)}</summary>\n");
            var sentAs = member.Encoding == OptionsEncoding.HeaderFamily
                ? $"one <c>{wires[0].WireName}&lt;name&gt;</c> header per entry"
                : string.Join(" and ", wires.Select(w => $"the <c>{w.WireName}</c> {(w.In == "header" ? "header" : "query parameter")}"));
            sentAs += member.Encoding switch
            {
                OptionsEncoding.UnixMilliseconds => ", in Unix milliseconds",
                OptionsEncoding.UnixSeconds => ", in whole Unix seconds",
                OptionsEncoding.DateTimeText or OptionsEncoding.DateText => ", as RFC 3339 text",
                OptionsEncoding.DurationText => ", as the API's duration text (\"10s\", \"5m\")",
                OptionsEncoding.DurationSeconds => ", in whole seconds",
                OptionsEncoding.Url => ", an absolute http or https URL",
                _ when member.IsList && wires[0].In == "header" => ", comma-joined",
                _ when member.IsList => ", once per value",
                _ => "",
            };
            var scope = takers.Count == type.Uses.Count ? "" : $" Taken by {string.Join(", ", takers.Select(Cref))} only; other calls refuse it when set.";
            code.Append($"        /// <remarks>Sent as {sentAs}.{scope}</remarks>\n");
            code.Append($"        public {member.PropertyType} {member.Name} {{ get; set; }}\n\n");
        }
        // A member every taker sends the same way is written once, in its own method the writers call.
        var shared = new HashSet<string>(StringComparer.Ordinal);
        foreach (var member in type.Members)
        {
            var ways = type.Uses.Select(u => Wires(u, member)).Where(w => w.Count > 0).ToList();
            if (ways.Skip(1).All(w => w.SequenceEqual(ways[0])))
            {
                shared.Add(member.Name);
                code.Append($"        private void Write{member.Name}(System.Net.Http.HttpRequestMessage request, System.Text.StringBuilder query)\n        {{\n");
                WriteMember(code, member, ways[0], type.ParameterName);
                code.Append("        }\n\n");
            }
        }
        // Operations that send the same members the same way (the DLQ filter on list, delete, resume and
        // restart) share one writer; the others forward to it.
        var written = new Dictionary<string, OptionsUse>(StringComparer.Ordinal);
        foreach (var use in type.Uses)
        {
            var shape = string.Join("|", use.Wires);
            if (written.TryGetValue(shape, out var same))
            {
                code.Append($"        internal void {use.WriterName}(System.Net.Http.HttpRequestMessage request, System.Text.StringBuilder query) => {same.WriterName}(request, query);\n\n");
                continue;
            }
            written[shape] = use;
            WriteUse(code, type, use, shared);
        }
        code.Length--;
        code.Append("    }\n\n");
    }

    private static List<OptionsWire> Wires(OptionsUse use, OptionsMember member) => use.Wires.Where(w => w.Member == member.Name).ToList();

    /// <summary>The statements that check and send one member, when it is set.</summary>
    private static void WriteMember(StringBuilder code, OptionsMember member, List<OptionsWire> wires, string parameterName)
    {
        var label = $"{parameterName}.{member.Name}";
        var local = Local(member.Name);
        code.Append($"            if ({member.Name} is {{ }} {local})\n            {{\n");
        foreach (var wire in wires)
        {
            code.Append("                ").Append(Statement(member, wire, local, label)).Append('\n');
        }
        code.Append("            }\n");
    }

    private static void WriteUse(StringBuilder code, OptionsType type, OptionsUse use, HashSet<string> shared)
    {
        code.Append($"        internal void {use.WriterName}(System.Net.Http.HttpRequestMessage request, System.Text.StringBuilder query)\n        {{\n");
        // Members this operation does not take are refused first, so nothing is written for a call that fails.
        foreach (var member in type.Members.Where(m => !use.Wires.Any(w => w.Member == m.Name)))
        {
            var takers = string.Join(", ", type.Uses.Where(u => u.Wires.Any(w => w.Member == member.Name)).Select(u => u.Method + "Async").Distinct());
            code.Append($"            if ({member.Name} is not null) throw new System.ArgumentException(\"'{type.ParameterName}.{member.Name}' is not taken by this call, only by {takers}; leave it unset here.\", \"{type.ParameterName}\");\n");
        }
        foreach (var member in type.Members)
        {
            var wires = Wires(use, member);
            if (wires.Count == 0)
            {
                continue;
            }
            if (shared.Contains(member.Name))
            {
                code.Append($"            Write{member.Name}(request, query);\n");
                continue;
            }
            WriteMember(code, member, wires, type.ParameterName);
        }
        code.Append("        }\n\n");
    }

    private static string Statement(OptionsMember member, OptionsWire wire, string value, string label)
    {
        if (member.Encoding == OptionsEncoding.Parts)
        {
            return Header(wire.WireName, $"{Guard}.HeaderValue({value}.{wire.Part}, \"{label}\")");
        }
        if (member.Encoding == OptionsEncoding.HeaderFamily)
        {
            return $"foreach (var header_ in {Guard}.PrefixedHeaders({value}, \"{wire.WireName}\", \"{label}\")) request.Headers.TryAddWithoutValidation(header_.Key, header_.Value);";
        }
        return (wire.In, member.IsList) switch
        {
            ("header", true) when member.Encoding == OptionsEncoding.Text => Header(wire.WireName, $"{Guard}.HeaderList({value}, \"{label}\")"),
            ("header", true) => Header(wire.WireName,
                $"{Guard}.HeaderList(System.Linq.Enumerable.Select({Guard}.QueryList({value}, \"{label}\"), item_ => {Text(member, "item_", label)}), \"{label}\")"),
            ("header", false) => Header(wire.WireName, $"{Guard}.HeaderValue({Text(member, value, label)}, \"{label}\")"),
            (_, true) => $"foreach (var item_ in {Guard}.QueryList({value}, \"{label}\")) {Guard}.AppendQuery(query, \"{wire.WireName}\", {Text(member, "item_", label)});",
            _ => $"{Guard}.AppendQuery(query, \"{wire.WireName}\", {Text(member, value, label)});",
        };
    }

    private static string Header(string name, string value) => $"request.Headers.TryAddWithoutValidation(\"{name}\", {value});";

    /// <summary>The wire text of one value of the member.</summary>
    private static string Text(OptionsMember member, string value, string label) => member.Encoding switch
    {
        OptionsEncoding.Number when member.Type is "int" or "long" && (member.Minimum is not null || member.Maximum is not null) =>
            $"{Guard}.InRange({value}, {Literal(member.Minimum)}, {Literal(member.Maximum)}, \"{label}\").ToString(System.Globalization.CultureInfo.InvariantCulture)",
        OptionsEncoding.Number => $"{value}.ToString(System.Globalization.CultureInfo.InvariantCulture)",
        OptionsEncoding.Boolean => $"({value} ? \"true\" : \"false\")",
        OptionsEncoding.Enum => $"{value}.ToString()",
        OptionsEncoding.UnixMilliseconds => $"{Guard}.UnixMilliseconds({value}, \"{label}\")",
        OptionsEncoding.UnixSeconds => $"{Guard}.UnixSeconds({value}, \"{label}\")",
        OptionsEncoding.DateTimeText => $"{Guard}.DateTimeText({value})",
        OptionsEncoding.DateText => $"{Guard}.DateText({value})",
        OptionsEncoding.DurationText => $"{Guard}.DurationText({value}, \"{label}\")",
        OptionsEncoding.DurationSeconds => $"{Guard}.WholeSeconds({value}, \"{label}\")",
        OptionsEncoding.Url => $"{Guard}.AbsoluteUrl({value}, \"{label}\")",
        _ => value,
    };

    private static string Literal(long? value) => value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "null";

    private static string Cref(OptionsUse use) => $"<see cref=\"I{use.ClientClass}.{use.Method}Async\"/>";

    private static string Local(string member) => char.ToLowerInvariant(member[0]) + member[1..] + "_";

    private static string Xml(string text) =>
        Spaces().Replace(text.Trim(), " ").Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
