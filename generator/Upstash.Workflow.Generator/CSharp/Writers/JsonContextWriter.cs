using Upstash.Workflow.Generator.CSharp.Plan;
using N = Upstash.Workflow.Core.GeneratedCodeNames;

namespace Upstash.Workflow.Generator.CSharp.Writers;

/// <summary>
/// Writes the System.Text.Json source-generation context for a generated client: every type the plan
/// says the client reads or writes (<see cref="ClientPlan.JsonTypes"/>), so nothing is serialized by
/// reflection. The model classes are the plan's own, so the list has every one. Plain values are read by
/// converters that name what they found; URLs by one that reuses a URL just read (Serialization/UriConverter);
/// typed values by the converter their property names.
/// </summary>
public static class JsonContextWriter
{
    /// <summary>
    /// The context's name, after the client file: "Upstash.Workflow.g.cs" gets UpstashWorkflowJsonContext.
    /// A name of its own per client keeps two generated clients (the library's and one generated from
    /// another spec, compiled against it) from sharing one.
    /// </summary>
    public static string ContextName(string clientFile) =>
        Spec.Names.Pascal(Path.GetFileName(clientFile).Split('.').SkipLast(2).DefaultIfEmpty("Client").Aggregate((a, b) => a + " " + b)) + "JsonContext";

    public static string Write(ClientPlan plan)
    {
        var code = new SourceWriter();
        code.WriteLine();
        code.WriteLine($"namespace {plan.Namespace}");
        code.OpenBlock();
        code.WriteLine("/// <summary>System.Text.Json metadata, made at compile time, for every type the client reads or writes.</summary>");
        code.WriteLine("[System.Text.Json.Serialization.JsonSourceGenerationOptions(DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull, " +
            $"Converters = new[] {{ typeof({N.ReadableValueConverterFactory}), typeof({N.UriConverter}) }})]");
        // Any JSON at all; also keeps the context valid for a spec whose calls read and write no JSON.
        foreach (var type in plan.JsonTypes.Append("System.Text.Json.JsonElement").Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            code.WriteLine($"[System.Text.Json.Serialization.JsonSerializable(typeof({type}))]");
        }
        code.WriteLine($"internal sealed partial class {plan.JsonContext} : System.Text.Json.Serialization.JsonSerializerContext");
        code.Block();
        code.CloseBlock();
        return code.ToString();
    }
}
