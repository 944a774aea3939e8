using System.Text.RegularExpressions;

namespace Upstash.Workflow.Generator.CSharp.Writers;

/// <summary>Text from the spec, made fit for an XML documentation comment written by a writer.</summary>
internal static partial class XmlDoc
{
    /// <summary>One line, with XML's special characters escaped.</summary>
    public static string Text(string text) =>
        Escape(Spaces().Replace(text.Trim(), " "));

    /// <summary>
    /// Text of several lines, XML's special characters escaped, each line after the first on a comment line of its
    /// own that starts with <c>&lt;br/&gt;</c>, so the spec's paragraphs stay apart in IntelliSense. The
    /// <see cref="SourceWriter"/> indents the lines.
    /// </summary>
    public static string Lines(string text) =>
        Escape(text.Trim()).ReplaceLineEndings("\n").Replace("\n", "\n/// <br/>", StringComparison.Ordinal);

    private static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
