using Upstash.Workflow.Generator.CSharp.Plan;
using N = Upstash.Workflow.Core.GeneratedCodeNames;

namespace Upstash.Workflow.Generator.CSharp.Writers;

/// <summary>
/// Writes the groups of the plan (one per tag of the spec) into the root client: a virtual property of
/// <c>UpstashWorkflowClient</c> each, the constructor that makes them over one handler chain (one <c>ClientCore</c>), the constructor
/// mocks use, and the list of group services dependency injection registers. An operation upstream puts under a new tag
/// is then reachable from the root client like every other, and the new property breaks no one.
/// </summary>
public static class GroupsWriter
{
    /// <summary>The root client's class: its handwritten part (construction, disposal) is src/Upstash.Workflow/UpstashWorkflowClient.cs.</summary>
    public const string Class = "UpstashWorkflowClient";

    public static string Write(ClientPlan plan)
    {
        var code = new SourceWriter();
        code.WriteLine();
        code.WriteLine($"namespace {plan.Namespace}");
        code.OpenBlock();
        code.WriteLine("/// <summary>The Upstash Workflow API, one property per group of operations (a tag of the spec).</summary>");
        code.WriteLine($"public partial class {Class}");
        code.OpenBlock();
        code.WriteLine("/// <summary>Every group, sending through <paramref name=\"handler\"/> to <paramref name=\"baseAddress\"/> as <paramref name=\"userAgent\"/>, traced and measured by <paramref name=\"telemetry\"/>, each call within <paramref name=\"timeout\"/>.</summary>");
        code.WriteLine($"private {Class}(System.Net.Http.HttpMessageHandler handler, System.Uri baseAddress, string? userAgent, {N.Telemetry} telemetry, System.TimeSpan timeout)");
        code.Block([
            $"var core = new {N.ClientCore}({plan.JsonContext}.Default, handler, baseAddress, userAgent, telemetry, timeout);",
            .. plan.Groups.Select(group => $"{group.Name} = new {group.Class}(core);"),
        ]);
        code.WriteLine();
        code.WriteLine("/// <summary>For a mock or a fake of your own: every group property is virtual.</summary>");
        code.WriteLine($"protected {Class}()");
        code.Block(plan.Groups.Select(group => $"{group.Name} = null!;"));
        code.WriteLine();
        foreach (var group in plan.Groups)
        {
            code.WriteLine($"/// <summary>{Summary(group)}</summary>");
            code.WriteLine($"public virtual {group.Class} {group.Name} {{ get; }}");
            code.WriteLine();
        }
        code.WriteLine("/// <summary>Each group's class and how to reach it from the root client, for dependency injection.</summary>");
        code.WriteLine($"internal static readonly (System.Type Service, System.Func<{Class}, object> Resolve)[] Groups =");
        code.WriteLine("[");
        code.Indentation++;
        foreach (var group in plan.Groups)
        {
            code.WriteLine($"(typeof({group.Class}), client => client.{group.Name}),");
        }
        code.Indentation--;
        code.WriteLine("];");
        code.CloseBlock();
        code.CloseBlock();
        return code.ToString();
    }

    public static string Summary(GroupPlan group) =>
        group.Description is { Length: > 0 } description
            ? XmlDoc.Text(description)
            : $"The operations tagged '{XmlDoc.Text(group.Tag)}'.";
}
