using Upstash.Workflow.Generator.CSharp.Plan;

namespace Upstash.Workflow.Generator.CSharp.Writers;

/// <summary>
/// Documents each public method of a group class from the spec (summary, description, parameters, answer) with the
/// exceptions a call throws (pointing to the one list, <c>UpstashWorkflowException</c>'s documentation), and the walking
/// method of a cursor-paged operation.
/// </summary>
internal static class MethodDocsWriter
{
    /// <summary>
    /// What every call may throw besides <see cref="ArgumentException"/>: the root of the client's exceptions, whose own
    /// documentation lists each kind (one list, in src/Upstash.Workflow/UpstashWorkflowException.cs).
    /// </summary>
    private const string Failed =
        "<exception cref=\"UpstashWorkflowException\">The call did not succeed; the exception's type says why " +
        "(<see cref=\"UpstashWorkflowException\"/> lists each kind: a status the service answered, a failed connection, a timeout, " +
        "a configuration that refuses the call).</exception>";

    /// <summary>The documentation of an operation's method that takes <paramref name="arguments"/> (all of them, or the required ones).</summary>
    public static void Method(SourceWriter code, OperationPlan operation, IReadOnlyList<Argument> arguments)
    {
        var docs = operation.Docs;
        if (docs.Summary is { } summary)
        {
            code.WriteLine("/// <summary>");
            code.WriteLine($"/// {XmlDoc.Lines(summary)}");
            code.WriteLine("/// </summary>");
        }
        if (docs.Description is { } description)
        {
            code.WriteLine("/// <remarks>");
            code.WriteLine($"/// {XmlDoc.Lines(description)}");
            code.WriteLine("/// </remarks>");
        }
        WriteParameters(code, arguments, "A cancellation token that can be used by other objects or threads to receive notice of cancellation.");
        if (docs.Returns is { } returns)
        {
            code.WriteLine($"/// <returns>{XmlDoc.Lines(returns)}</returns>");
        }
        if (arguments.Count > 0)
        {
            code.WriteLine("/// <exception cref=\"System.ArgumentException\">A value the spec does not allow; nothing was sent.</exception>");
        }
        code.WriteLine($"/// {Failed}");
    }

    /// <summary>The documentation of a cursor-paged operation's walking method, which takes the operation's arguments but the cursor.</summary>
    public static void Walker(SourceWriter code, OperationPlan operation, PagingPlan paging)
    {
        code.WriteLine("/// <summary>");
        if (paging.ItemsProperty is not null)
        {
            code.WriteLine($"/// Every item of <see cref=\"{Signatures.Cref(operation)}\"/>, page after page: each page is asked for when the one before is");
            code.WriteLine("/// used up, with its cursor, until the last. <c>AsPages()</c> gives the pages.");
        }
        else
        {
            code.WriteLine($"/// <see cref=\"{Signatures.Cref(operation)}\"/> again and again, with the cursor of each answer, until an answer gives none: each batch's answer in turn.");
        }
        code.WriteLine("/// </summary>");
        WriteParameters(code, operation.Arguments.Where(a => a.Name != paging.CursorParameter).ToList(), "Cancels the walk, as does the token given to the enumeration.");
    }

    /// <summary>A <c>param</c> tag for every argument (a warning otherwise), the spec's text or what the argument is.</summary>
    private static void WriteParameters(SourceWriter code, IReadOnlyList<Argument> arguments, string cancellation)
    {
        foreach (var argument in arguments)
        {
            var text = argument.Description is { Length: > 0 } description ? XmlDoc.Lines(description)
                : argument.Parameter is { Wire: { } wire, In: { } place } ? $"Sent as the {place} parameter <c>{XmlDoc.Text(wire)}</c>."
                : "The request body.";
            code.WriteLine($"/// <param name=\"{argument.Name}\">{text}</param>");
        }
        code.WriteLine($"/// <param name=\"cancellationToken\">{cancellation}</param>");
    }
}
