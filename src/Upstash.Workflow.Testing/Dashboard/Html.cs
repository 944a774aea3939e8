using System.Globalization;
using System.Net;
using System.Text;

namespace Upstash.Workflow.Testing.Dashboard;

/// <summary>
/// Writes the dashboard's HTML: every text that comes from a run (names, outputs, errors, URLs) goes through
/// <see cref="Text"/>, so what an endpoint answered is shown, never interpreted.
/// </summary>
internal sealed class Html
{
    private readonly StringBuilder _out = new();

    /// <summary>Markup written as given: only literals of the dashboard's own.</summary>
    public Html Raw(string markup)
    {
        _out.Append(markup);
        return this;
    }

    /// <summary>Text, encoded.</summary>
    public Html Text(string? text)
    {
        _out.Append(WebUtility.HtmlEncode(text ?? ""));
        return this;
    }

    /// <summary>A link whose address is built from run data: the address is encoded as an attribute value.</summary>
    public Html Link(string href, string? text, string attributes = "")
    {
        _out.Append("<a href=\"").Append(WebUtility.HtmlEncode(href)).Append('"').Append(attributes.Length > 0 ? " " + attributes : "").Append('>');
        Text(text);
        _out.Append("</a>");
        return this;
    }

    /// <summary>A time, shown in UTC and machine-readable.</summary>
    public Html Time(long? unixMilliseconds)
    {
        if (unixMilliseconds is not { } ms)
        {
            return Raw("<span class=\"none\">–</span>");
        }
        var at = DateTimeOffset.FromUnixTimeMilliseconds(ms);
        return Raw($"<time datetime=\"{at:yyyy-MM-dd'T'HH:mm:ss.fff'Z'}\">{at.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture)}</time>");
    }

    /// <summary>A value an endpoint sent, in a preformatted block cut to <paramref name="limit"/> characters (the API has it whole).</summary>
    public Html Value(string? text, int limit = 2000)
    {
        if (string.IsNullOrEmpty(text))
        {
            return Raw("<span class=\"none\">(empty)</span>");
        }
        Raw("<pre>").Text(text.Length > limit ? text[..limit] : text).Raw("</pre>");
        return text.Length > limit ? Raw($"<p class=\"note\">The first {limit} of {text.Length} characters.</p>") : this;
    }

    /// <summary>A run's state as a badge whose class is its wire name.</summary>
    public Html State(string state) => Raw($"<span class=\"state {WebUtility.HtmlEncode(state)}\">").Text(state).Raw("</span>");

    public static string Attribute(string? value) => WebUtility.HtmlEncode(value ?? "");

    public static string Escape(string segment) => Uri.EscapeDataString(segment);

    public override string ToString() => _out.ToString();
}
