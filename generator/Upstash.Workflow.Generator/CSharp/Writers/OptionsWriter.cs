using System.Text;
using Upstash.Workflow.Generator.CSharp.Plan;

namespace Upstash.Workflow.Generator.CSharp.Writers;

/// <summary>
/// Writes the options types of the plan: one public class each, a settable, documented property per
/// member, and the internal writer the client methods call (its name is the plan's,
/// <see cref="OptionsTypePlan.Writer"/>; see generator/templates/Client.Class.QueryParameter.liquid) that
/// turns the set members into headers and query pairs. Every value passes a <c>RequestGuard</c> check on
/// the way, so bad input is an <see cref="ArgumentException"/> naming the member before anything is sent.
/// Every method that takes a type takes all of its members (the plan splits types whose operations differ).
/// </summary>
public static class OptionsWriter
{
    private const string Guard = "Upstash.Workflow.Core.RequestGuard";

    public static string Write(ClientPlan plan)
    {
        if (plan.OptionsTypes.Count == 0)
        {
            return "";
        }
        var code = new StringBuilder();
        code.Append($"\nnamespace {plan.Namespace}\n{{\n");
        var interfaces = plan.Groups.ToDictionary(g => g.Name, g => g.Interface, StringComparer.Ordinal);
        foreach (var type in plan.OptionsTypes)
        {
            WriteType(code, type, interfaces);
        }
        code.Append("}\n");
        return code.ToString();
    }

    private static void WriteType(StringBuilder code, OptionsTypePlan type, IReadOnlyDictionary<string, string> interfaces)
    {
        var methods = string.Join(", ", type.Uses.Select(use => $"<see cref=\"{interfaces[use.Group]}.{use.Method}Async\"/>"));
        code.Append($"    /// <summary>Optional values for {methods}: each is sent only when set.</summary>\n");
        code.Append($"    public sealed partial class {type.Name}\n    {{\n");
        foreach (var member in type.Members)
        {
            code.Append($"        /// <summary>{XmlDoc.Text(member.Description)}</summary>\n");
            var sentAs = member.Encoding == OptionsEncoding.HeaderFamily
                ? $"one <c>{member.Wires[0].WireName}&lt;name&gt;</c> header per entry"
                : string.Join(" and ", member.Wires.Select(w => $"the <c>{w.WireName}</c> {(w.In == "header" ? "header" : "query parameter")}"));
            sentAs += member.Encoding switch
            {
                OptionsEncoding.UnixMilliseconds => ", in Unix milliseconds",
                OptionsEncoding.UnixSeconds => ", in whole Unix seconds",
                OptionsEncoding.DateTimeText or OptionsEncoding.DateText => ", as RFC 3339 text",
                OptionsEncoding.DurationText => ", as the API's duration text (\"10s\", \"5m\")",
                OptionsEncoding.DurationSeconds => ", in whole seconds",
                OptionsEncoding.Url => ", an absolute http or https URL",
                _ when member.IsList && member.Wires[0].In == "header" => ", comma-joined",
                _ when member.IsList => ", once per value",
                _ => "",
            };
            code.Append($"        /// <remarks>Sent as {sentAs}.</remarks>\n");
            code.Append($"        public {member.PropertyType} {member.Name} {{ get; set; }}\n\n");
        }
        code.Append($"        internal void {type.Writer}(System.Net.Http.HttpRequestMessage request, System.Text.StringBuilder query)\n        {{\n");
        foreach (var member in type.Members)
        {
            var label = $"{type.ParameterName}.{member.Name}";
            var local = Local(member.Name);
            code.Append($"            if ({member.Name} is {{ }} {local})\n            {{\n");
            foreach (var wire in member.Wires)
            {
                code.Append("                ").Append(Statement(member, wire, local, label)).Append('\n');
            }
            code.Append("            }\n");
        }
        code.Append("        }\n    }\n\n");
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

    private static string Local(string member) => char.ToLowerInvariant(member[0]) + member[1..] + "_";
}
