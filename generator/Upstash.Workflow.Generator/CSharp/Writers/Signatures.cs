using Upstash.Workflow.Generator.CSharp.Plan;

namespace Upstash.Workflow.Generator.CSharp.Writers;

/// <summary>How a method's arguments and answer are written, the same in the interface and the class.</summary>
internal static class Signatures
{
    /// <summary>"System.Threading.Tasks.Task&lt;RestartWorkflowResult&gt;", or a plain Task for an answer without a body.</summary>
    public static string Task(OperationPlan operation) =>
        operation.ResultType is { } result ? $"System.Threading.Tasks.Task<{result}>" : "System.Threading.Tasks.Task";

    /// <summary>
    /// The declared arguments and the cancellation token; <paramref name="defaults"/> adds what an optional one defaults to:
    /// false for the bulk switch, else null.
    /// </summary>
    public static string Declare(IEnumerable<Argument> arguments, bool defaults) =>
        string.Join(", ", arguments.Select(a => $"{a.Type} {a.Name}" + (defaults && a.Optional ? a.Parameter?.Role == ParameterRole.BulkSwitch ? " = false" : " = null" : ""))
            .Append("System.Threading.CancellationToken cancellationToken" + (defaults ? " = default" : "")));

    /// <summary>
    /// A cref to the operation's full method ("RestartWorkflowAsync(string, RestartWorkflowOptions?, System.Threading.CancellationToken)"),
    /// which stays unambiguous beside its short form.
    /// </summary>
    public static string Cref(OperationPlan operation) =>
        $"{operation.Method}Async({string.Join(", ", operation.Arguments.Select(a => a.Type).Append("System.Threading.CancellationToken"))})".Replace('<', '{').Replace('>', '}');
}
