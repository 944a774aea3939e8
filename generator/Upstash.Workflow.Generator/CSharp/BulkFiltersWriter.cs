using System.Text;
using Newtonsoft.Json.Linq;
using Upstash.Workflow.Generator.Spec;

namespace Upstash.Workflow.Generator.CSharp;

/// <summary>
/// For each bulk operation (<c>x-bulk: true</c>), the wire names of its parameters that select entries
/// (<c>x-bulk-filter: true</c>), as code the client checks a call against: a bulk call that sets none of
/// them acts on everything, and must say <c>all: true</c>. The knowledge stays in the overlay.
/// </summary>
public static class BulkFiltersWriter
{
    public const string ClassName = "BulkFilters";

    /// <summary>The member the template names for an operation: "{Class}_{Method}", as NSwag names both.</summary>
    public static string MemberName(string tag, string operationName) => $"{Names.Pascal(tag)}Client_{Names.UpperFirst(operationName)}";

    public static string Write(JObject adapted, string @namespace)
    {
        var members = new StringBuilder();
        foreach (var operation in OpenApiDocument.Operations(adapted))
        {
            if (operation.Node["x-bulk"]?.Type != JTokenType.Boolean || !operation.Node.Value<bool>("x-bulk"))
            {
                continue;
            }
            // The C# adaptation named it "{Tag}_{Name}".
            var parts = operation.OperationId!.Split('_', 2);
            // A filter grouped into an options object (OptionsObjects) is listed on the object's parameter.
            var parameters = OpenApiDocument.Parameters(adapted, operation);
            var filters = parameters
                .Where(p => p["x-bulk-filter"]?.Type == JTokenType.Boolean && p.Value<bool>("x-bulk-filter"))
                .Select(p => p.Value<string>("name"))
                .Concat(parameters.SelectMany(p => p[OptionsObjects.BulkFilterNames]?.Values<string>() ?? []))
                .Select(name => $"\"{name}\"");
            members.Append($"        internal static readonly string[] {MemberName(parts[0], parts[1])} = [{string.Join(", ", filters)}];\n");
        }
        return $$"""

            namespace {{@namespace}}
            {
                /// <summary>The parameters of each bulk operation that select entries, from the overlay's x-bulk-filter.</summary>
                internal static class {{ClassName}}
                {
            {{members}}    }
            }

            """;
    }
}
