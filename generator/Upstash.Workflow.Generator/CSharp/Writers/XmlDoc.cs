using System.Text.RegularExpressions;

namespace Upstash.Workflow.Generator.CSharp.Writers;

/// <summary>Text from the spec, made fit for an XML documentation comment written by a writer.</summary>
internal static partial class XmlDoc
{
    /// <summary>One line, with XML's special characters escaped.</summary>
    public static string Text(string text) =>
        Spaces().Replace(text.Trim(), " ").Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
