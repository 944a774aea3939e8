using System.Text;
using Upstash.Workflow.Generator.CSharp.Plan;

namespace Upstash.Workflow.Generator.CSharp.Writers;

/// <summary>
/// Writes the options types of the plan: one public class each, a settable, documented property per
/// member, and the internal writer the client methods call (its name is the plan's,
/// <see cref="OptionsTypePlan.Writer"/>; <see cref="ClientClassWriter"/> calls it) that
/// turns the set members into headers and query pairs. Every value passes a <c>RequestGuard</c> check on
/// the way, so bad input is an <see cref="ArgumentException"/> naming the member before anything is sent.
/// Every method that takes a type takes all of its members (the plan splits types whose operations differ).
/// </summary>
public static class OptionsWriter
{
    public static string Write(ClientPlan plan)
    {
        if (plan.OptionsTypes.Count == 0)
        {
            return "";
        }
        var code = new StringBuilder();
        code.Append($"\nnamespace {plan.Namespace}\n{{\n");
        foreach (var type in plan.OptionsTypes)
        {
            WriteType(code, type, string.Join(", ", type.Uses.Select(use => Cref(plan, use))));
        }
        code.Append("}\n");
        return code.ToString();
    }

    private static void WriteType(StringBuilder code, OptionsTypePlan type, string methods)
    {
        code.Append(type.Members.Count > 0
            ? $"    /// <summary>Optional values for {methods}: each is sent only when set.</summary>\n"
            : $"    /// <summary>Optional values for {methods}: none yet. What the service adds to the call later arrives here, so code written now keeps compiling.</summary>\n");
        code.Append($"    public sealed partial class {type.Name}\n    {{\n");
        code.Append($"        /// <summary>Options with nothing set: the call sends only what it must.</summary>\n        public {type.Name}()\n        {{\n        }}\n\n");
        foreach (var member in type.Members)
        {
            code.Append($"        /// <summary>{XmlDoc.Text(member.Description)}</summary>\n");
            var sentAs = member.Encoding == WireEncoding.HeaderFamily
                ? $"one <c>{member.Wires[0].WireName}&lt;name&gt;</c> header per entry"
                : string.Join(" and ", member.Wires.Select(w => $"the <c>{w.WireName}</c> {(w.In == "header" ? "header" : "query parameter")}"));
            sentAs += member.Encoding switch
            {
                WireEncoding.UnixMilliseconds => ", in Unix milliseconds",
                WireEncoding.UnixSeconds => ", in whole Unix seconds",
                WireEncoding.DateTimeText or WireEncoding.DateText => ", as RFC 3339 text",
                WireEncoding.DurationText => ", as the API's duration text (\"10s\", \"5m\")",
                WireEncoding.DurationSeconds => ", in whole seconds",
                WireEncoding.Url => ", an absolute http or https URL",
                _ when member.IsList && member.Wires[0].In == "header" => ", comma-joined",
                _ when member.IsList => ", once per value",
                _ => "",
            };
            code.Append($"        /// <remarks>Sent as {sentAs}.</remarks>\n");
            code.Append($"        public {member.PropertyType} {member.Name} {{ get; set; }}\n\n");
        }
        code.Append($"        internal void {type.Writer}(System.Net.Http.HttpRequestMessage request, ref {Upstash.Workflow.Core.GeneratedCodeNames.UrlBuilder} query)\n        {{\n");
        foreach (var member in type.Members)
        {
            var label = $"{type.ParameterName}.{member.Name}";
            var local = Local(member.Name);
            code.Append($"            if ({member.Name} is {{ }} {local})\n            {{\n");
            foreach (var wire in member.Wires)
            {
                code.Append("                ").Append(WireWriter.Statement(member, wire, local, label, "request", "query")).Append('\n');
            }
            code.Append("            }\n");
        }
        code.Append("        }\n    }\n\n");
    }

    /// <summary>A cref to the full method of a call that takes the type.</summary>
    private static string Cref(ClientPlan plan, OptionsUse use)
    {
        var group = plan.Groups.First(g => g.Name == use.Group);
        return $"<see cref=\"{group.Class}.{Signatures.Cref(group.Operations.First(o => o.Method == use.Method))}\"/>";
    }

    private static string Local(string member) => char.ToLowerInvariant(member[0]) + member[1..] + "_";
}
