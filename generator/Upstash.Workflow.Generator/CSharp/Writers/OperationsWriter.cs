using Upstash.Workflow.Generator.CSharp.Plan;

namespace Upstash.Workflow.Generator.CSharp.Writers;

/// <summary>The operation side of the client, straight from the plan: each group's public class (<see cref="ClientClassWriter"/>).</summary>
public static class OperationsWriter
{
    public static string Write(ClientPlan plan)
    {
        var code = new SourceWriter();
        code.WriteLine();
        code.WriteLine($"namespace {plan.Namespace}");
        code.OpenBlock();
        foreach (var (group, i) in plan.Groups.Select((g, i) => (g, i)))
        {
            if (i > 0)
            {
                code.WriteLine();
            }
            ClientClassWriter.Write(code, group);
        }
        code.CloseBlock();
        return code.ToString();
    }
}
