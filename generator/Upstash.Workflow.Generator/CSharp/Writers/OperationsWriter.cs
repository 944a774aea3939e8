using System.Text;
using Upstash.Workflow.Generator.CSharp.Plan;

namespace Upstash.Workflow.Generator.CSharp.Writers;

/// <summary>The operation side of the client, straight from the plan: each group's public class (<see cref="ClientClassWriter"/>).</summary>
public static class OperationsWriter
{
    public static string Write(ClientPlan plan)
    {
        var code = new StringBuilder();
        code.Append($"\nnamespace {plan.Namespace}\n{{\n");
        foreach (var group in plan.Groups)
        {
            ClientClassWriter.Write(code, group, plan);
        }
        code.Length--;
        code.Append("}\n");
        return code.ToString();
    }
}
