using System.Text;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using Upstash.Workflow.Generator.Spec;

namespace Upstash.Workflow.Generator.CSharp;

/// <summary>
/// For each model only answers use (no request body or parameter reaches it) that has required members,
/// a parameterless constructor marked <c>SetsRequiredMembers</c>. System.Text.Json then creates the object
/// directly and fills it, instead of gathering every member first as constructor arguments, which made
/// reading a DLQ page half as slow again; its <c>[JsonRequired]</c> members (generator/templates/Class.liquid)
/// are still checked, so an answer without one fails to read, naming it. The constructor leaves no member
/// null (empty text and lists), for tests and fakes that build answers by hand. Models sent in requests keep
/// the compiler's check that every required member is set.
/// </summary>
public static partial class AnswerConstructorsWriter
{
    public static string Write(JObject adapted, string clientCode, string @namespace)
    {
        var sent = RequestTypes(adapted);
        var structs = Structs().Matches(clientCode).Select(m => m.Groups["type"].Value).ToHashSet(StringComparer.Ordinal);
        var code = new StringBuilder();
        var classes = JsonContextWriter.ModelClasses(clientCode);
        for (var i = 0; i < classes.Count; i++)
        {
            var name = classes[i].Groups["type"].Value;
            var end = i + 1 < classes.Count ? classes[i + 1].Index : clientCode.Length;
            var members = RequiredMember().Matches(clientCode[classes[i].Index..end]);
            if (members.Count == 0 || sent.Contains(name))
            {
                continue;
            }
            code.Append($"    public partial class {name}\n    {{\n");
            code.Append($"        /// <summary>An empty {name}, for tests and fakes: text members are empty and lists have no items. An answer from the service has every required member.</summary>\n");
            code.Append($"        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]\n        public {name}()\n        {{\n");
            foreach (Match member in members)
            {
                var type = member.Groups["type"].Value;
                var value = type switch
                {
                    "string" => "\"\"",
                    _ when type.StartsWith("System.Collections.Generic.IList<", StringComparison.Ordinal) || type.StartsWith("System.Collections.Generic.IReadOnlyList<", StringComparison.Ordinal) => "[]",
                    _ when type.StartsWith("System.Collections.Generic.IDictionary<", StringComparison.Ordinal) => $"new {type.Replace("System.Collections.Generic.IDictionary<", "System.Collections.Generic.Dictionary<", StringComparison.Ordinal)}()",
                    "System.DateTimeOffset" or "System.TimeSpan" or "int" or "long" or "bool" or "double" => null,
                    _ when structs.Contains(type) => null,
                    _ => "null!", // an object member: an answer has it; a hand-built one sets it
                };
                if (value is not null)
                {
                    code.Append($"            {member.Groups["name"].Value} = {value};\n");
                }
            }
            code.Append("        }\n    }\n\n");
        }
        return code.Length == 0 ? "" : $"\nnamespace {@namespace}\n{{\n{code.ToString().TrimEnd('\n')}\n}}\n";
    }

    /// <summary>Class names of the components reached from any request body or parameter.</summary>
    private static HashSet<string> RequestTypes(JObject adapted)
    {
        var starts = OpenApiDocument.Operations(adapted)
            .SelectMany(o => new[] { o.Node["requestBody"], o.Node["parameters"] })
            .OfType<JContainer>();
        return OpenApiDocument.ReachedSchemas(adapted, starts).Select(Names.Pascal).ToHashSet(StringComparer.Ordinal);
    }

    [GeneratedRegex(@"^\s*public (?:readonly )?partial struct (?<type>[A-Za-z_]\w*)\b", RegexOptions.Multiline)]
    private static partial Regex Structs();

    [GeneratedRegex(@"public required (?<type>\S+(?: \S+)*?) (?<name>[A-Za-z_]\w*) \{ get; set; \}")]
    private static partial Regex RequiredMember();
}
