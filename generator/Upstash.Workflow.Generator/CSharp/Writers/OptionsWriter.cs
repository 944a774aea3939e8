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
        var code = new SourceWriter();
        code.WriteLine();
        code.WriteLine($"namespace {plan.Namespace}");
        code.OpenBlock();
        foreach (var type in plan.OptionsTypes)
        {
            WriteType(code, type, string.Join(", ", type.Uses.Select(use => Cref(plan, use))));
        }
        code.Indentation--;
        code.WriteLine("}");
        return code.ToString();
    }

    private static void WriteType(SourceWriter code, OptionsTypePlan type, string methods)
    {
        code.WriteLine(type.Members.Count > 0
            ? $"/// <summary>Optional values for {methods}: each is sent only when set.</summary>"
            : $"/// <summary>Optional values for {methods}: none yet. What the service adds to the call later arrives here, so code written now keeps compiling.</summary>");
        code.WriteLine($"public sealed partial class {type.Name}");
        code.OpenBlock();
        code.WriteLine("/// <summary>Options with nothing set: the call sends only what it must.</summary>");
        code.WriteLine($"public {type.Name}()");
        code.Block();
        code.WriteLine();
        foreach (var member in type.Members)
        {
            code.WriteLine($"/// <summary>{XmlDoc.Text(member.Description)}</summary>");
            code.WriteLine($"/// <remarks>Sent as {SentAs(member)}.</remarks>");
            code.WriteLine($"public {member.PropertyType} {member.Name} {{ get; set; }}");
            code.WriteLine();
        }
        code.WriteLine($"internal void {type.Writer}(System.Net.Http.HttpRequestMessage {Locals.Request}, ref {Upstash.Workflow.Core.GeneratedCodeNames.UrlBuilder} {Locals.Url})");
        code.OpenBlock();
        foreach (var member in type.Members)
        {
            var local = Locals.Set(member.Name);
            code.WriteLine($"if ({member.Name} is {{ }} {local})");
            code.Block(member.Wires.Select(wire => WireWriter.Statement(new SentValue(member, wire, local, $"{type.ParameterName}.{member.Name}"))));
        }
        code.CloseBlock();
        code.CloseBlock();
        code.WriteLine();
    }

    /// <summary>Where and how a member goes: "the <c>Upstash-Delay</c> header, as the API's duration text".</summary>
    private static string SentAs(ValuePlan member)
    {
        var where = member.Encoding == WireEncoding.HeaderFamily
            ? $"one <c>{member.Wires[0].WireName}&lt;name&gt;</c> header per entry"
            : string.Join(" and ", member.Wires.Select(w => $"the <c>{w.WireName}</c> {(w.In == "header" ? "header" : "query parameter")}"));
        return where + member.Encoding switch
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
    }

    /// <summary>A cref to the full method of a call that takes the type.</summary>
    private static string Cref(ClientPlan plan, OptionsUse use)
    {
        var group = plan.Groups.First(g => g.Name == use.Group);
        return $"<see cref=\"{group.Class}.{Signatures.Cref(group.Operations.First(o => o.Method == use.Method))}\"/>";
    }
}
