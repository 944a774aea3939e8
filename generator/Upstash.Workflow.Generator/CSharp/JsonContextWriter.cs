using System.Text;
using System.Text.RegularExpressions;

namespace Upstash.Workflow.Generator.CSharp;

/// <summary>
/// Writes the System.Text.Json source-generation context for a generated client: every model class,
/// and every type the client reads an answer as or writes a body as, so nothing is serialized by
/// reflection. The types are taken from the generated code itself, so the list cannot drift from it.
/// </summary>
public static partial class JsonContextWriter
{
    /// <summary>What generator/templates/Client.Class.liquid writes where it means the context.</summary>
    public const string Placeholder = "UpstashGenJsonContext";

    /// <summary>
    /// The context's name, after the client file: "Upstash.Workflow.g.cs" gets UpstashWorkflowJsonContext.
    /// A name of its own per client keeps two generated clients (the library's and one generated from
    /// another spec, compiled against it) from sharing one.
    /// </summary>
    public static string ContextName(string clientFile) =>
        Spec.Names.Pascal(Path.GetFileName(clientFile).Split('.').SkipLast(2).DefaultIfEmpty("Client").Aggregate((a, b) => a + " " + b)) + "JsonContext";

    /// <summary>The namespace NSwag wrote the client in.</summary>
    public static string NamespaceOf(string clientCode) =>
        Namespace().Match(clientCode) is { Success: true } declared ? declared.Groups["name"].Value : "Upstash.Workflow";

    /// <summary>The context class, listing every model and every body and answer type of <paramref name="clientCode"/>.</summary>
    public static string Write(string clientCode, string contextName, string @namespace)
    {
        var types = Models().Matches(clientCode).Select(m => m.Groups["type"].Value)
            .Concat(Roots().Matches(clientCode).Select(m => m.Groups["type"].Value.TrimEnd('?')))
            // Any JSON at all; also keeps the context valid for a spec whose calls read and write no JSON.
            .Append("System.Text.Json.JsonElement")
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        var code = new StringBuilder();
        code.Append($$"""

            namespace {{@namespace}}
            {
                /// <summary>System.Text.Json metadata, made at compile time, for every type the client reads or writes.</summary>
                [System.Text.Json.Serialization.JsonSourceGenerationOptions(DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull, Converters = new[] { typeof(Upstash.Workflow.Serialization.UnixTimeMillisecondsConverter), typeof(Upstash.Workflow.Serialization.ReadableValueConverterFactory) })]

            """);
        foreach (var type in types)
        {
            code.Append($"    [System.Text.Json.Serialization.JsonSerializable(typeof({type}))]\n");
        }
        code.Append($$"""
                internal sealed partial class {{contextName}} : System.Text.Json.Serialization.JsonSerializerContext
                {
                }
            }

            """);
        return code.ToString();
    }

    [GeneratedRegex(@"^namespace (?<name>[\w.]+)", RegexOptions.Multiline)]
    private static partial Regex Namespace();

    /// <summary>The model classes NSwag wrote, each match at its declaration (group "type" is the name).</summary>
    internal static MatchCollection ModelClasses(string clientCode) => Models().Matches(clientCode);

    [GeneratedRegex(@"^\s*public partial class (?<type>[A-Za-z_]\w*)\b", RegexOptions.Multiline)]
    private static partial Regex Models();

    // The client class template reads answers with ReadJsonAsync<T> and writes bodies with JsonBody<T>.
    [GeneratedRegex(@"\b(?:ReadJsonAsync|JsonBody)<(?<type>[^()\n]+?)>\(")]
    private static partial Regex Roots();
}
