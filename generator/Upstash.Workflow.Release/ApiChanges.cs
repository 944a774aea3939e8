using System.Text;
using System.Text.RegularExpressions;

namespace Upstash.Workflow.Release;

/// <summary>How one public member moved between two versions of the API.</summary>
public enum ApiChangeKind
{
    /// <summary>New: existing callers are unaffected.</summary>
    Added,

    /// <summary>New on an interface, or abstract on a class: callers are unaffected, but every implementation (a test fake) must add it.</summary>
    AddedToImplement,

    /// <summary>Same signature, other attributes (serialization rules, obsolescence): compiles as before, may behave differently.</summary>
    AttributesChanged,

    /// <summary>Same name, other signature: callers must change (an added optional parameter breaks binary compatibility too).</summary>
    Changed,

    /// <summary>Gone: callers must change.</summary>
    Removed,
}

/// <summary>One member's change: where it stands (namespace and type), its name, and its text before and after; a whole type that came or went is a member of its namespace (<paramref name="IsType"/>).</summary>
public sealed record ApiChange(ApiChangeKind Kind, string Type, string Member, string? Before, string? After, bool IsType = false)
{
    public bool Breaking => Kind is ApiChangeKind.Changed or ApiChangeKind.Removed or ApiChangeKind.AddedToImplement;

    public override string ToString() => Kind switch
    {
        ApiChangeKind.Added => $"added      {Type}: {After}",
        ApiChangeKind.AddedToImplement => $"added to implement (implementations must add it) {Type}: {After}",
        ApiChangeKind.AttributesChanged => $"attributes {Type}: {Member}: {Before} → {After}",
        ApiChangeKind.Changed => $"changed    {Type}.{Member}: {ApiChanges.Delta(Before!, After!)}",
        _ => $"removed    {Type}: {Before}",
    };
}

/// <summary>
/// Compares two public API listings as PublicApiGenerator writes them (the PublicApi snapshot) and
/// classifies each difference, so that a spec update says whether it is additive or breaking and
/// which members it touches.
/// </summary>
public static partial class ApiChanges
{
    public static IReadOnlyList<ApiChange> Compare(string before, string after)
    {
        var old = Members(before);
        var @new = Members(after);
        var changes = new List<ApiChange>();
        foreach (var type in old.Keys.Union(@new.Keys).Order(StringComparer.Ordinal))
        {
            var was = old.GetValueOrDefault(type) ?? [];
            var now = @new.GetValueOrDefault(type) ?? [];
            if (was.Count == 0 || now.Count == 0)
            {
                // A whole type came or went: one line for it, not one per member.
                var (owner, name) = (TypeName(type)[..TypeName(type).LastIndexOf('.')], TypeName(type)[(TypeName(type).LastIndexOf('.') + 1)..]);
                changes.Add(was.Count == 0
                    ? new ApiChange(ApiChangeKind.Added, owner, name, null, Declaration(type), IsType: true)
                    : new ApiChange(ApiChangeKind.Removed, owner, name, Declaration(type), null, IsType: true));
                continue;
            }
            var isInterface = Declaration(type).Contains(" interface ", StringComparison.Ordinal);
            var removed = was.Where(m => !now.Exists(n => n.Text == m.Text)).ToList();
            var added = now.Where(m => !was.Exists(o => o.Text == m.Text)).ToList();
            foreach (var gone in removed)
            {
                var same = added.Find(a => a.Signature == gone.Signature) ?? added.Find(a => a.Name == gone.Name);
                if (same is null)
                {
                    changes.Add(new ApiChange(ApiChangeKind.Removed, TypeName(type), gone.Name, gone.Signature, null));
                    continue;
                }
                added.Remove(same);
                changes.Add(same.Signature == gone.Signature
                    ? new ApiChange(ApiChangeKind.AttributesChanged, TypeName(type), gone.Name, gone.Attributes, same.Attributes)
                    : new ApiChange(ApiChangeKind.Changed, TypeName(type), gone.Name, gone.Signature, same.Signature));
            }
            // A virtual or plain member added to a class breaks no one; an abstract one, or any on an interface, every implementation.
            changes.AddRange(added.Select(a => new ApiChange(isInterface || a.Signature.Contains(" abstract ", StringComparison.Ordinal) ? ApiChangeKind.AddedToImplement : ApiChangeKind.Added, TypeName(type), a.Name, null, a.Signature)));
        }
        return changes;
    }

    /// <summary>"breaking: 2 changed, 1 removed; 3 added" with one line per member, or "no change".</summary>
    public static string Describe(IReadOnlyList<ApiChange> changes)
    {
        if (changes.Count == 0)
        {
            return "Public API: no change.";
        }
        var counts = string.Join(", ", changes.GroupBy(c => c.Kind).OrderBy(g => g.Key).Select(g => $"{g.Count()} {Words(g.Key)}"));
        var text = new StringBuilder($"Public API change: {(changes.Any(c => c.Breaking) ? "BREAKING" : "additive")} ({counts})\n");
        foreach (var change in changes.OrderByDescending(c => c.Breaking).ThenBy(c => c.Kind))
        {
            text.Append("  ").Append(change.Breaking ? "breaking " : "additive ").Append(change).Append('\n');
        }
        return text.ToString().TrimEnd();
    }

    /// <summary>"+ int? priority = default" for parameters that came, "- …" for those that went; else both signatures.</summary>
    public static string Delta(string before, string after)
    {
        var (was, now) = (Parameters(before), Parameters(after));
        if (was is null || now is null)
        {
            return $"{before} → {after}";
        }
        var delta = now.Except(was).Select(p => "+ " + p).Concat(was.Except(now).Select(p => "- " + p)).ToList();
        return delta.Count > 0 ? string.Join("; ", delta) : $"{before} → {after}";
    }

    /// <summary>The parameters of a method's signature, split at the top level; null when it has no parameter list.</summary>
    private static List<string>? Parameters(string signature)
    {
        var open = signature.IndexOf('(', StringComparison.Ordinal);
        var close = signature.LastIndexOf(')');
        if (open < 0 || close < open)
        {
            return null;
        }
        var parameters = new List<string>();
        var depth = 0;
        var start = open + 1;
        for (var i = start; i < close; i++)
        {
            depth += signature[i] switch { '<' or '(' or '[' => 1, '>' or ')' or ']' => -1, _ => 0 };
            if (signature[i] == ',' && depth == 0)
            {
                parameters.Add(signature[start..i].Trim());
                start = i + 1;
            }
        }
        parameters.Add(signature[start..close].Trim());
        return parameters.Where(p => p.Length > 0).ToList();
    }

    private static string Words(ApiChangeKind kind) => kind switch
    {
        ApiChangeKind.AddedToImplement => "added to implement",
        ApiChangeKind.AttributesChanged => "with other attributes",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private sealed record Member(string Name, string Signature, string Attributes)
    {
        public string Text => Attributes + Signature;
    }

    /// <summary>Members by enclosing type ("namespace N > public class C"), each with its attributes.</summary>
    private static Dictionary<string, List<Member>> Members(string api)
    {
        var result = new Dictionary<string, List<Member>>(StringComparer.Ordinal);
        var scopes = new Stack<string>();
        string? header = null;
        var attributes = new StringBuilder();
        foreach (var line in Statements(api))
        {
            switch (line)
            {
                case "{":
                    scopes.Push(header ?? "");
                    header = null;
                    if (scopes.Count > 1)
                    {
                        result.TryAdd(string.Join(" > ", scopes.Reverse()), []);
                    }
                    continue;
                case "}":
                    scopes.Pop();
                    continue;
            }
            if (line.StartsWith("[assembly:", StringComparison.Ordinal))
            {
                continue;
            }
            if (line.StartsWith('['))
            {
                attributes.Append(line).Append(' ');
                continue;
            }
            if (TypeOrNamespace().IsMatch(line))
            {
                // A type is known by its declaration; its attributes are not part of its name.
                header = line;
                attributes.Clear();
                continue;
            }
            if (scopes.Count > 1)
            {
                result[string.Join(" > ", scopes.Reverse())].Add(new Member(NameOf(line), line, attributes.ToString().TrimEnd()));
            }
            attributes.Clear();
        }
        return result;
    }

    /// <summary>The listing's lines, with a member whose parameters are wrapped over several lines joined back into one.</summary>
    private static IEnumerable<string> Statements(string api)
    {
        var pending = new StringBuilder();
        var depth = 0;
        foreach (var raw in api.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                continue;
            }
            pending.Append(pending.Length > 0 && pending[^1] != '(' ? " " : "").Append(line);
            depth += line.Count(c => c == '(') - line.Count(c => c == ')');
            if (depth > 0)
            {
                continue;
            }
            yield return pending.ToString();
            pending.Clear();
            depth = 0;
        }
    }

    private static string NameOf(string member)
    {
        var match = MemberName().Match(member);
        return match.Success ? match.Groups["name"].Value : member;
    }

    private static string TypeName(string type)
    {
        var parts = type.Split(" > ");
        return string.Join(".", parts.Select(p => TypeOrNamespace().Match(p) is { Success: true } m ? m.Groups["name"].Value : p));
    }

    private static string Declaration(string type) => type.Split(" > ")[^1];

    [GeneratedRegex(@"\b(?:namespace|class|struct|interface|enum|record)\s+(?<name>[A-Za-z_][\w.]*)")]
    private static partial Regex TypeOrNamespace();

    // The identifier before "(" (methods, constructors), before "{" (properties, events) or "=" / "," (fields, enum members).
    [GeneratedRegex(@"(?<name>operator\s*[^\s(]+|[A-Za-z_]\w*|this\[)\s*(?:<[^()]*>)?\s*(?:\(|\{|=|,|;|$)")]
    private static partial Regex MemberName();
}
