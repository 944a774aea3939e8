using System.Text;
using Newtonsoft.Json.Linq;

namespace Upstash.Workflow.Generator.Overlay;

/// <summary>
/// Overlay targets are JSONPath as RFC 9535 writes it (the Overlay specification's own examples:
/// <c>$.paths[*][?@.deprecated==true]</c>, string literals in single or double quotes), while the
/// evaluator (Newtonsoft's <c>SelectTokens</c>) reads the older dialect, where a filter is wrapped in
/// parentheses and strings are single-quoted. This rewrites the first into the second and leaves the
/// older form as it is, so both work. The evaluator's wildcard is <c>[*]</c> on arrays and <c>.*</c>
/// on objects, where RFC 9535's <c>[*]</c> means both: <see cref="Select"/> tries both readings. Likewise a filter,
/// which the evaluator applies to array items only, is also applied to an object's member values.
/// </summary>
public static class JsonPathDialect
{
    /// <summary>The nodes <paramref name="path"/> selects in <paramref name="document"/>, in document order of first match.</summary>
    public static IReadOnlyList<JToken> Select(JToken document, string path)
    {
        var found = new List<JToken>();
        foreach (var variant in WildcardReadings(ToNewtonsoft(path)))
        {
            Add(found, document.SelectTokens(variant, errorWhenNoMatch: false));
            Add(found, MemberFilter(document, variant));
        }
        return found;
    }

    private static void Add(List<JToken> found, IEnumerable<JToken> tokens)
    {
        foreach (var token in tokens)
        {
            if (!found.Exists(t => ReferenceEquals(t, token)))
            {
                found.Add(token);
            }
        }
    }

    /// <summary>
    /// RFC 9535 applies a filter to an object's member values as to an array's items
    /// (<c>$.paths[*][?@['x-bulk']==true]</c>: the marked operations), where the evaluator filters array items only.
    /// Each member value the filter accepts (tried on a copy in an array, the one place the evaluator filters) is
    /// followed by the rest of the path, itself read the same way. Inside such a filter, <c>$</c> is the copy's array,
    /// not the document: the overlays compare members with literals only.
    /// </summary>
    private static IEnumerable<JToken> MemberFilter(JToken document, string path)
    {
        var at = FirstFilter(path);
        if (at < 0)
        {
            yield break;
        }
        var end = FilterEnd(path, at + 2);
        var (prefix, filter, rest) = (path[..at], path[at..Math.Min(end + 1, path.Length)], "$" + path[Math.Min(end + 1, path.Length)..]);
        foreach (var owner in document.SelectTokens(prefix, errorWhenNoMatch: false).OfType<JObject>())
        {
            foreach (var value in owner.Properties().Select(p => p.Value).ToList())
            {
                if (!new JArray(value.DeepClone()).SelectTokens("$" + filter, errorWhenNoMatch: false).Any())
                {
                    continue;
                }
                foreach (var token in rest == "$" ? [value] : value.SelectTokens(rest, errorWhenNoMatch: false).Concat(MemberFilter(value, rest)))
                {
                    yield return token;
                }
            }
        }
    }

    /// <summary>The index of the first filter ("[?") outside quotes in a path in the evaluator's form; -1 when none.</summary>
    private static int FirstFilter(string path)
    {
        for (var i = 0; i + 1 < path.Length; i++)
        {
            if (path[i] is '\'' or '"')
            {
                i = SkipString(path, i) - 1;
            }
            else if (path[i] == '[' && path[i + 1] == '?')
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>Each "[*]" read as itself (arrays) and as ".*" (objects); a handful of wildcards at most in practice.</summary>
    private static IEnumerable<string> WildcardReadings(string path)
    {
        var at = path.IndexOf("[*]", StringComparison.Ordinal);
        if (at < 0)
        {
            yield return path;
            yield break;
        }
        foreach (var rest in WildcardReadings(path[(at + 3)..]))
        {
            yield return path[..at] + "[*]" + rest;
            yield return path[..at] + ".*" + rest;
        }
    }

    public static string ToNewtonsoft(string path)
    {
        var result = new StringBuilder(path.Length + 8);
        var i = 0;
        while (i < path.Length)
        {
            var c = path[i];
            if (c is '\'' or '"')
            {
                i = CopyString(path, i, result);
                continue;
            }
            if (c == '[' && i + 1 < path.Length && path[i + 1] == '?')
            {
                var start = i + 2;
                var end = FilterEnd(path, start);
                // The expression is path text too: its strings and any filter nested in it convert alike.
                var filter = ToNewtonsoft(path[start..end].Trim());
                result.Append("[?").Append(IsWrapped(filter) ? filter : "(" + filter + ")").Append(']');
                i = Math.Min(end + 1, path.Length);
                continue;
            }
            result.Append(c);
            i++;
        }
        return result.ToString();
    }

    /// <summary>Copies a quoted string starting at <paramref name="start"/> as a single-quoted one; returns the index after it.</summary>
    private static int CopyString(string text, int start, StringBuilder to)
    {
        var quote = text[start];
        to.Append('\'');
        var i = start + 1;
        for (; i < text.Length && text[i] != quote; i++)
        {
            var c = text[i];
            if (c == '\\' && i + 1 < text.Length)
            {
                var escaped = text[++i];
                // A double quote needs no escape between single quotes; every other escape stays as written.
                to.Append(escaped == '"' ? "\"" : "\\" + escaped);
            }
            else
            {
                to.Append(c == '\'' ? "\\'" : c.ToString());
            }
        }
        to.Append('\'');
        return Math.Min(i + 1, text.Length);
    }

    /// <summary>The index of the ']' that closes a filter whose expression starts at <paramref name="start"/>.</summary>
    private static int FilterEnd(string path, int start)
    {
        var depth = 0;
        for (var i = start; i < path.Length; i++)
        {
            switch (path[i])
            {
                case '\'' or '"':
                    i = SkipString(path, i) - 1;
                    break;
                case '[' or '(':
                    depth++;
                    break;
                case ')':
                    depth--;
                    break;
                case ']' when depth == 0:
                    return i;
                case ']':
                    depth--;
                    break;
            }
        }
        return path.Length;
    }

    private static int SkipString(string text, int start)
    {
        var quote = text[start];
        var i = start + 1;
        while (i < text.Length && text[i] != quote)
        {
            i += text[i] == '\\' ? 2 : 1;
        }
        return Math.Min(i + 1, text.Length);
    }

    /// <summary>True when the whole filter is one parenthesised expression, as the older dialect writes it.</summary>
    private static bool IsWrapped(string filter)
    {
        if (filter.Length < 2 || filter[0] != '(' || filter[^1] != ')')
        {
            return false;
        }
        var depth = 0;
        for (var i = 0; i < filter.Length; i++)
        {
            if (filter[i] is '\'')
            {
                i = SkipString(filter, i) - 1;
                continue;
            }
            depth += filter[i] switch { '(' => 1, ')' => -1, _ => 0 };
            if (depth == 0 && i < filter.Length - 1)
            {
                return false; // "(a) && (b)": wrapped in parts, not as a whole
            }
        }
        return true;
    }
}
