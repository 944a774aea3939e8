using System.Text.RegularExpressions;

namespace Upstash.Workflow.Release;

/// <summary>
/// Removes what changes without the API changing, as NSwag's own tests do: the tool versions NSwag
/// stamps into every file. Line endings become LF.
/// </summary>
public static partial class Scrubber
{
    public static string Scrub(string text)
    {
        text = NormalizeNewlines(text);
        text = ToolchainComment().Replace(text, "${prefix}{scrubbed}");
        text = GeneratedCodeAttribute().Replace(text, "${prefix}{scrubbed}\"");
        return text;
    }

    public static string NormalizeNewlines(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);

    // "//     Generated using the NSwag toolchain v14.7.1.0 (NJsonSchema v11.6.1.0 (Newtonsoft.Json v13.0.0.0)) (http://NSwag.org)"
    [GeneratedRegex(@"(?<prefix>Generated using the NSwag toolchain )v[^\n]*")]
    private static partial Regex ToolchainComment();

    // [System.CodeDom.Compiler.GeneratedCode("NSwag", "14.7.1.0 (NJsonSchema v11.6.1.0 (Newtonsoft.Json v13.0.0.0))")]
    [GeneratedRegex(@"(?<prefix>GeneratedCode\(""(?:NSwag|NJsonSchema)"", "")[^""]*""")]
    private static partial Regex GeneratedCodeAttribute();
}
