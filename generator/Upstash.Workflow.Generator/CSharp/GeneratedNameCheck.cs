using System.Text.RegularExpressions;

namespace Upstash.Workflow.Generator.CSharp;

/// <summary>
/// The last line of defence for the naming rules: whatever slipped past the spec checks, the generated
/// file must not contain a placeholder type, a numbered copy of a type or method, or a raw header name.
/// </summary>
public static partial class GeneratedNameCheck
{
    public static void Check(string code, string file, DiagnosticBag diagnostics)
    {
        var classes = ClassName().Matches(code).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        foreach (var name in classes)
        {
            var numbered = Numbered().Match(name);
            if (name.StartsWith("Anonymous", StringComparison.Ordinal) || name.StartsWith("Response", StringComparison.Ordinal) && numbered.Success
                || name == "Response"
                || numbered.Success && classes.Contains(numbered.Groups[1].Value))
            {
                Reject(diagnostics, file, $"type '{name}'", "give the inline schema a title in the overlay");
            }
        }
        foreach (Match property in NumberedProperty().Matches(code))
        {
            if (classes.Contains(property.Groups[1].Value))
            {
                Reject(diagnostics, file, $"property '{property.Groups[1].Value}1' (a schema '{property.Groups[1].Value}' has a property of its own name, which C# does not allow, so NSwag numbered it)",
                    $"give the schema another title in the overlay ({{ target: \"$.components.schemas.{property.Groups[1].Value}\", update: {{ title: <name> }} }})");
            }
        }
        foreach (Match method in NumberedMethod().Matches(code))
        {
            Reject(diagnostics, file, $"method '{method.Value}'", "give the operation its own operationId in the overlay");
        }
        foreach (var parameter in RawHeaderParameter().Matches(code).Select(m => m.Value).Distinct())
        {
            Reject(diagnostics, file, $"parameter '{parameter}'", "name the header parameter with x-originalName in the overlay");
        }
    }

    private static void Reject(DiagnosticBag diagnostics, string file, string what, string fix) =>
        diagnostics.Error(Codes.GeneratedNameRejected, $"the generated client ({file}) contains the {what}, a name nobody would write by hand: {fix}");

    [GeneratedRegex(@"\b(?:class|record|enum|interface)\s+([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex ClassName();

    [GeneratedRegex(@"^([A-Za-z_]*[A-Za-z_])(\d+)$")]
    private static partial Regex Numbered();

    [GeneratedRegex(@"\bpublic [^\n(=]+? ([A-Z][A-Za-z0-9_]*)1 \{ get;")]
    private static partial Regex NumberedProperty();

    [GeneratedRegex(@"\b[A-Za-z_]*[a-z]\d+Async\b")]
    private static partial Regex NumberedMethod();

    [GeneratedRegex(@"\bupstash_\w+")]
    private static partial Regex RawHeaderParameter();
}
